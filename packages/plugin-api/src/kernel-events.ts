// The kernel's published events: names and payload schemas. Subscribers in plugins import
// `kernelEvents` (or a name from it) instead of spelling the string.
import { z } from 'zod';
import { defineEvents } from './events.js';

/** Every action of a case's lifecycle (`kernel.case.<action>` after each transition). */
export const CASE_ACTIONS = [
  'submitForApproval',
  'approve',
  'assign',
  'acknowledge',
  'reportProgress',
  'transfer',
  'submitResult',
  'review',
  'returnForRework',
  'withdraw',
  'archive',
  'reopen',
] as const;

/** Steps of a supervision instrument (`kernel.instrument.<step>`). */
export const INSTRUMENT_STEPS = ['draft', 'revise', 'submit', 'signoff.reject', 'issue', 'acknowledge', 'answer', 'accept', 'reject'] as const;

const id = z.string().min(1);

const caseRegistered = z.strictObject({ caseId: id, kind: z.string(), docNo: z.string() });
const caseTransition = z.strictObject({ caseId: id, kind: z.string(), from: z.string(), to: z.string() });
const instrumentStep = z.strictObject({
  instrumentId: id,
  caseId: id,
  kind: z.string(),
  recipientOrgId: id,
  officerName: z.string().nullable(),
  status: z.string(),
});

const caseEvents = Object.fromEntries(CASE_ACTIONS.map((a) => [`kernel.case.${a}`, caseTransition])) as Record<`kernel.case.${(typeof CASE_ACTIONS)[number]}`, typeof caseTransition>;
const instrumentEvents = Object.fromEntries(INSTRUMENT_STEPS.map((s) => [`kernel.instrument.${s}`, instrumentStep])) as Record<
  `kernel.instrument.${(typeof INSTRUMENT_STEPS)[number]}`,
  typeof instrumentStep
>;

export const kernelEvents = defineEvents({
  /** A case was registered (any kind; `kind` names the plugin's case kind). */
  'kernel.case.registered': caseRegistered,
  ...caseEvents,
  ...instrumentEvents,
  'kernel.power.used': z.strictObject({
    powerUseId: id,
    caseId: id,
    power: z.string(),
    targetOrgId: id.nullable(),
    targetPerson: z.string().nullable(),
  }),
  'kernel.meeting.schedule': z.strictObject({ meetingId: id, orgIds: z.array(id), caseIds: z.array(id) }),
  'kernel.meeting.hold': z.strictObject({ meetingId: id }),
  'kernel.meeting.consensus': z.strictObject({ meetingId: id }),
  'kernel.meeting.escalate': z.strictObject({ meetingId: id, escalation: z.string() }),
  'kernel.meeting.opinion.sign': z.strictObject({ meetingId: id, docNo: z.string() }),
  'kernel.meeting.opinion.acknowledge': z.strictObject({ meetingId: id, orgId: id }),
  'kernel.meeting.opinion.report': z.strictObject({ meetingId: id, orgId: id }),
});

export type KernelEventName = keyof typeof kernelEvents;
