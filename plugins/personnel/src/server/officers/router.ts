// trpc.personnel.officers.*: the registry within the user's unit scope; writes by the
// political department (personnel.manage); the full ID number and phone by personnel.reveal.
import { field as f, fieldToday, permissionProcedure, z } from '@zhengfa/plugin-api';
import { idNumberProblem, phoneProblem } from '../personal-data.js';
import { fieldNames as n, genderNames, statusNames } from '../strings.js';
import { createOfficer, getOfficer, linkOfficerUser, listOfficers, officerStatuses, revealOfficer, setOfficerStatus, updateOfficer } from './service.js';

const statuses = Object.keys(statusNames) as [keyof typeof statusNames, ...(keyof typeof statusNames)[]];
const genders = Object.keys(genderNames) as [keyof typeof genderNames, ...(keyof typeof genderNames)[]];

const idNumber = f.withLabel(
  f.optionalText(n.idNumber, { max: 30 }).superRefine((v, c) => {
    const problem = v ? idNumberProblem(v, fieldToday()) : null;
    if (problem) c.addIssue({ code: 'custom', message: problem });
  }),
  n.idNumber,
);
const phone = f.withLabel(
  f.optionalText(n.phone, { max: 30 }).superRefine((v, c) => {
    const problem = v ? phoneProblem(v) : null;
    if (problem) c.addIssue({ code: 'custom', message: problem });
  }),
  n.phone,
);

export const officerFields = {
  unitId: f.uuid(n.unit),
  name: f.text(n.name, { min: 1, max: 50 }),
  officerNo: f.text(n.officerNo, { min: 1, max: 30 }),
  gender: f.choice(n.gender, genders).nullable().optional(),
  idNumber: idNumber.optional(),
  phone: phone.optional(),
  post: f.optionalText(n.post, { max: 50 }).optional(),
  rank: f.optionalText(n.rank, { max: 50 }).optional(),
  isLeader: f.bool(n.isLeader).optional(),
  isPartyMember: f.bool(n.isPartyMember).optional(),
  status: f.choice(n.status, statuses).optional(),
  joinedOn: f.isoDate(n.joinedOn, { notFuture: true, min: '1950-01-01' }).nullable().optional(),
};

const id = f.uuid(n.officerId);
const version = f.version(n.version);

export const officersRouter = {
  /** The officers of the user's scope, by unit and number; ID number and phone masked. */
  list: permissionProcedure('personnel.read')
    .input(
      z
        .object({
          unitId: f.uuid(n.unit).optional(),
          status: f.choice(n.status, officerStatuses).optional(),
          search: f.optionalText(n.search, { max: 50 }).optional(),
          page: f.int(n.page, { min: 1, max: 10_000 }).optional(),
          pageSize: f.int(n.pageSize, { min: 1, max: 500 }).optional(),
        })
        .default({}),
    )
    .query(({ ctx, input }) => listOfficers(ctx, { ...input, search: input.search ?? undefined })),

  get: permissionProcedure('personnel.read')
    .input(z.object({ id }))
    .query(({ ctx, input }) => getOfficer(ctx, input.id)),

  /** The full ID number and phone (audited). */
  reveal: permissionProcedure('personnel.reveal')
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => revealOfficer(ctx, input.id)),

  create: permissionProcedure('personnel.manage')
    .input(z.object(officerFields))
    .mutation(({ ctx, input }) => createOfficer(ctx, input)),

  update: permissionProcedure('personnel.manage')
    .input(z.object({ id, version, ...officerFields }))
    .mutation(({ ctx, input }) => updateOfficer(ctx, input)),

  setStatus: permissionProcedure('personnel.manage')
    .input(z.object({ id, version, status: f.choice(n.status, statuses) }))
    .mutation(({ ctx, input }) => setOfficerStatus(ctx, input)),

  linkUser: permissionProcedure('personnel.manage')
    .input(z.object({ id, version, userId: f.uuid(n.userId).nullable() }))
    .mutation(({ ctx, input }) => linkOfficerUser(ctx, input)),

};
