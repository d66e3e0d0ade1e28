// The input schemas of the case operations, beside their services: the kernel's procedures
// (cases/router.ts) and the plugins' ctx.kernel (kernel-api.ts) validate with the same ones,
// so a plugin cannot pass what the console could not (a deadline in 9999, a 200-character
// handler name) and is answered with the same Chinese message naming the field.
import { field as f, z } from '@zhengfa/plugin-api';
import { caseSourceNames, fieldNames as n, sixClarityNames } from '../strings.js';
import { caseActions, caseStatuses, sixClarityKeys } from './lifecycle.js';

const uuid = f.uuid;
export const caseVersion = f.version(n.version);
export const caseUrgency = f.choice(n.urgency, ['normal', 'urgent', 'critical']);
export const caseSource = f.choice(n.source, Object.keys(caseSourceNames) as [keyof typeof caseSourceNames, ...(keyof typeof caseSourceNames)[]]);
export const caseKind = f.text(n.caseKind, { min: 1, max: 40 });
const title = f.text(n.title, { min: 4, max: 100 });
const summary = f.text(n.summary, { max: 5000 }).default('');
const receivedOn = f.isoDate(n.receivedOn, { notFuture: true });
const party = z.object({
  role: f.text(n.partyRole, { max: 20 }).optional(),
  name: f.text(n.partyName, { min: 1, max: 50 }),
  idNumber: f.text(n.idNumber, { max: 18 }).nullish(),
  phone: f.text(n.phone, { max: 20 }).nullish(),
  address: f.text(n.address, { max: 200 }).nullish(),
});
const parties = f.list(n.parties, party, { max: 50 });
export const sixClaritiesSchema = z
  .object(Object.fromEntries(sixClarityKeys.map((k) => [k, f.text(sixClarityNames[k], { max: 2000 }).optional()])))
  .partial();

/** cases.register (the console's; the kind defaults to the kernel's own). */
export const registerCaseSchema = z.object({
  kind: caseKind.default('supervision'),
  title,
  summary,
  source: caseSource,
  urgency: caseUrgency.default('normal'),
  isKey: f.bool(n.isKey).default(false),
  receivedOn: receivedOn.optional(),
  parties: parties.default([]),
  idempotencyKey: f.text(n.idempotencyKey, { min: 8, max: 100 }).optional(),
});

/** ctx.kernel.cases.register: a plugin names its kind and may register a past matter or restrict the material. */
export const pluginRegisterCaseSchema = registerCaseSchema.extend({
  kind: caseKind,
  historical: f.bool(n.historical).optional(),
  restrictedTo: f.text(n.restrictedTo, { min: 1, max: 80 }).optional(),
});

export const updateCaseSchema = z.object({
  id: uuid(n.case),
  version: caseVersion,
  title,
  summary,
  source: caseSource,
  isKey: f.bool(n.isKey),
  receivedOn,
  parties: parties.optional(),
});

export const fourFixesSchema = z.object({
  id: uuid(n.case),
  version: caseVersion,
  leadLeaderId: uuid(n.leadLeader),
  handlerName: f.text(n.handlerName, { min: 2, max: 30 }),
  handlerPhone: f.text(n.handlerPhone, { max: 20 }).nullish(),
  resolutionPlan: f.text(n.resolutionPlan, { min: 4, max: 5000 }),
  deadline: f.isoDate(n.deadline, { maxDaysAhead: f.DEADLINE_DAYS_AHEAD }),
  leadUnitId: uuid(n.leadUnit),
  cooperatingUnitIds: f.list(n.cooperatingUnits, uuid(n.cooperatingUnits), { max: 20 }).default([]),
  sixClarities: sixClaritiesSchema.optional(),
});

export const transitionCaseSchema = z.object({
  id: uuid(n.case),
  version: caseVersion,
  action: f.choice(n.action, caseActions),
  comment: f.text(n.comment, { max: 2000 }).optional(),
  toUnitId: uuid(n.toUnit).optional(),
  report: f.text(n.report, { max: 10000 }).optional(),
  sixClarities: sixClaritiesSchema.optional(),
  attachmentIds: f.list(n.attachments, uuid(n.attachments), { max: 20 }).optional(),
});

export const linkCasesSchema = z.object({ fromId: uuid(n.case), toId: uuid(n.linkTo), kind: f.choice(n.linkKind, ['related', 'duplicate_of', 'derived_from']) });

export const caseIdSchema = z.object({ id: uuid(n.case) });

const clockKey = f.text(n.clockKey, { min: 1, max: 40 });

/** ctx.kernel.cases.startClock: a statutory clock a plugin starts itself (e.g. a review window). */
export const startClockSchema = z.object({
  caseId: uuid(n.case),
  key: clockKey,
  name: f.text(n.clockName, { min: 1, max: 40 }),
  days: f.int(n.clockDays, { min: 1, max: 3650 }),
  unit: f.choice(n.clockUnit, ['natural', 'working']),
  startOn: f.isoDate(n.clockStartOn, { maxDaysAhead: f.DEADLINE_DAYS_AHEAD }),
  maxExtensionDays: f.int(n.maxExtensionDays, { min: 0, max: 3650 }).optional(),
});

/** ctx.kernel.cases.stopClock. */
export const stopClockSchema = z.object({
  caseId: uuid(n.case),
  key: clockKey,
  on: f.isoDate(n.clockStopOn, { maxDaysAhead: f.DEADLINE_DAYS_AHEAD }).optional(),
});

/** ctx.kernel.cases.visibleIds: the cases of a kind the user may see, or which of `ids` they may. */
export const visibleIdsSchema = z.object({
  kind: caseKind,
  ids: f.list(n.cases, uuid(n.cases), { max: 1000 }).optional(),
});

/** ctx.kernel.attachments.list / open. */
export const caseAttachmentsSchema = z.object({ caseId: uuid(n.case) });
export const attachmentIdSchema = z.object({ id: uuid(n.attachment) });

export const ledgerFilterSchema = z.object({
  kind: f.list(n.caseKind, caseKind, { max: 20 }).optional(),
  status: f.list(n.status, f.choice(n.status, caseStatuses), { max: 20 }).optional(),
  urgency: f.list(n.urgency, caseUrgency, { max: 3 }).optional(),
  unitId: uuid(n.unit).optional(),
  overdue: f.bool(n.overdue).optional(),
  dueWithinDays: f.int(n.dueWithinDays, { min: 0, max: 365 }).optional(),
  dispatchDue: f.bool(n.dispatchDue).optional(),
  ledByMe: f.bool(n.ledByMe).optional(),
  from: f.isoDate(n.ledgerFrom).optional(),
  to: f.isoDate(n.ledgerTo).optional(),
  keyword: f.text(n.keyword, { max: 50 }).optional(),
});
