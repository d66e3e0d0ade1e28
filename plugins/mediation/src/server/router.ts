// trpc.mediation.*: the roster, the settings, intake, triage, the mediation phase and its
// outcomes (agreement or termination, judicial confirmation, follow-up, documents). Every
// input is a zod schema of field.* with the Chinese field names of strings.ts.
import { field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import { confirmationRouter } from './confirmation/router.js';
import { getDispute, listDisputes, mediationDueFilters, statuses } from './disputes/queries.js';
import { partyKinds, partyRoles, registerDispute, riskLevels, sources } from './disputes/register.js';
import { revealParties } from './disputes/reveal.js';
import { acknowledgeHandoff, routes, triageDispute } from './disputes/triage.js';
import { urgeByPhone } from './disputes/urgings.js';
import { documentsRouter } from './documents/router.js';
import { followUpRouter } from './follow-up/router.js';
import { mediationsRouter } from './mediations/router.js';
import { dueFilters } from './outcomes/due.js';
import { outcomesRouter } from './outcomes/router.js';
import { createMediator, createOrganisation, listMediators, listOrganisations, orgKinds, updateMediator, updateOrganisation } from './roster/service.js';
import { lookupRouter } from './lookup/router.js';
import { readSettings, updateSettings } from './settings.js';
import { rotaRouter, staffRouter } from './staff/router.js';
import { statisticsRouter } from './statistics/router.js';
import { fieldNames as n, messages as m, outcomeFieldNames as o } from './strings.js';

const organisationFields = {
  kind: f.choice(n.orgKind, orgKinds),
  name: f.text(n.orgName, { min: 2, max: 100 }),
  department: f.optionalText(n.department, { max: 100 }),
  active: f.bool(n.active).optional(),
};

const mediatorFields = {
  orgId: f.uuid(n.orgId),
  name: f.text(n.mediatorName, { min: 1, max: 50 }),
  specialities: f.list(n.specialities, f.text(n.speciality, { min: 1, max: 50 }), { max: 20 }),
  active: f.bool(n.active).optional(),
};

const amount = f.withLabel(
  z
    .number({ error: `「${n.amount}」应为数字` })
    .min(0, { error: m.amountNegative })
    .max(1_000_000_000_000, { error: `「${n.amount}」不能大于 1000000000000` }),
  n.amount,
);

export const partySchema = z.object({
  kind: f.choice(n.partyKind, partyKinds),
  role: f.choice(n.partyRole, partyRoles),
  name: f.text(n.partyName, { min: 1, max: 100 }),
  idNumber: f.optionalText(n.idNumber, { max: 18 }),
  phone: f.optionalText(n.phone, { max: 20 }),
  address: f.optionalText(n.address, { max: 200 }),
});

export const registerSchema = z.object({
  source: f.choice(n.source, sources),
  referenceNo: f.optionalText(n.referenceNo, { max: 100 }),
  consent: f.bool(n.consent).optional(),
  receivedOn: f.isoDate(n.receivedOn, { notFuture: true }),
  summary: f.text(n.summary, { min: 1, max: 5000 }),
  disputeType: f.text(n.disputeType, { min: 1, max: 50 }),
  amount: amount.nullish(),
  personCount: f.int(n.personCount, { min: 1, max: 100000 }),
  riskLevel: f.choice(n.riskLevel, riskLevels),
  parties: f.list(n.parties, partySchema, { min: 1, max: 100 }),
  receivedByStaffId: f.uuid(n.receivedByStaffId).nullish(),
  clientKey: f.text(n.clientKey, { min: 8, max: 100 }).optional(),
});

export const router = {
  lookup: lookupRouter,
  statistics: statisticsRouter,
  settings: {
    get: permissionProcedure('mediation.read').query(({ ctx }) => readSettings(ctx.db, ctx.tenant.id)),
    update: permissionProcedure('mediation.settings')
      .input(
        z.object({
          triageDays: f.int(n.triageDays, { min: 1, max: 30 }),
          mediationDays: f.int(n.mediationDays, { min: 1, max: 365 }).optional(),
          disputeTypes: f.list(n.disputeTypes, f.text(n.typeName, { min: 1, max: 50 }), { min: 1, max: 100 }),
          version: f.int(n.version, { min: 0, max: 2_147_483_647 }),
        }),
      )
      .mutation(({ ctx, input }) => updateSettings(ctx, input)),
  },
  organisations: {
    list: permissionProcedure('mediation.read')
      .input(z.object({ kind: f.choice(n.orgKind, orgKinds).optional(), activeOnly: f.bool(n.active).optional() }).optional())
      .query(({ ctx, input }) => listOrganisations(ctx, { kind: input?.kind, activeOnly: input?.activeOnly })),
    create: permissionProcedure('mediation.roster')
      .input(z.object(organisationFields))
      .mutation(({ ctx, input }) => createOrganisation(ctx, input)),
    update: permissionProcedure('mediation.roster')
      .input(z.object({ id: f.uuid(n.orgId), version: f.version(n.version), ...organisationFields }))
      .mutation(({ ctx, input }) => updateOrganisation(ctx, input.id, input.version, input)),
  },
  mediators: {
    list: permissionProcedure('mediation.read')
      .input(z.object({ orgId: f.uuid(n.orgId).optional(), activeOnly: f.bool(n.active).optional() }).optional())
      .query(({ ctx, input }) => listMediators(ctx, { orgId: input?.orgId, activeOnly: input?.activeOnly })),
    create: permissionProcedure('mediation.roster')
      .input(z.object(mediatorFields))
      .mutation(({ ctx, input }) => createMediator(ctx, input)),
    update: permissionProcedure('mediation.roster')
      .input(z.object({ id: f.uuid(n.mediatorId), version: f.version(n.version), ...mediatorFields }))
      .mutation(({ ctx, input }) => updateMediator(ctx, input.id, input.version, input)),
  },
  disputes: {
    register: permissionProcedure('mediation.intake')
      .input(registerSchema)
      .mutation(({ ctx, input }) => registerDispute(ctx, input)),
    list: permissionProcedure('mediation.read')
      .input(
        z
          .object({
            status: f.choice(n.status, statuses).optional(),
            overdue: f.bool(n.overdue).optional(),
            search: f.text(n.search, { max: 100 }).optional(),
            due: f.choice(o.due, dueFilters).optional(),
            mediationDue: f.choice(n.mediationDue, mediationDueFilters).optional(),
          })
          .optional(),
      )
      .query(({ ctx, input }) => listDisputes(ctx, input ?? {})),
    get: permissionProcedure('mediation.read')
      .input(z.object({ id: f.uuid(n.disputeId) }))
      .query(({ ctx, input }) => getDispute(ctx, input.id)),
    reveal: permissionProcedure('mediation.reveal')
      .input(z.object({ id: f.uuid(n.disputeId) }))
      .mutation(({ ctx, input }) => revealParties(ctx, input.id)),
    triage: permissionProcedure('mediation.triage')
      .input(
        z.object({
          disputeId: f.uuid(n.disputeId),
          version: f.version(n.version),
          route: f.choice(n.route, routes),
          orgId: f.uuid(n.orgId).nullish(),
          reason: f.optionalText(n.reason, { max: 1000 }),
        }),
      )
      .mutation(({ ctx, input }) => triageDispute(ctx, input)),
    acknowledgeHandoff: permissionProcedure('mediation.triage')
      .input(z.object({ handoffId: f.uuid(n.handoffId), receivedBy: f.text(n.receivedBy, { min: 1, max: 50 }) }))
      .mutation(({ ctx, input }) => acknowledgeHandoff(ctx, input)),
    /** 电话督促: a phone call urging the body a dispute went to, or a party, to act. */
    urge: permissionProcedure('mediation.triage')
      .input(
        z.object({
          disputeId: f.uuid(n.disputeId),
          urgedOn: f.isoDate(n.urgedOn, { notFuture: true }),
          urgedParty: f.text(n.urgedParty, { min: 1, max: 100 }),
          note: f.optionalText(n.urgeNote, { max: 1000 }),
        }),
      )
      .mutation(({ ctx, input }) => urgeByPhone(ctx, input)),
  },
  staff: staffRouter,
  rota: rotaRouter,
  mediations: mediationsRouter,
  outcomes: outcomesRouter,
  confirmation: confirmationRouter,
  followUp: followUpRouter,
  documents: documentsRouter,
};
