// What of the supervision of a case its timeline shows a unit: the steps of an instrument
// addressed to the unit (or below it) from its issue on, and the meetings it is invited to.
// The committee's drafting (the draft, its revisions, its submission for sign-off and the
// leader's reasons for sending it back) and what is addressed to other units stay with the
// committee, as the instruments and meetings themselves do (instruments.ts, meetings.ts).
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { SessionUser } from '@zhengfa/plugin-api';
import type { KernelDatabase } from '../db/schema.js';
import { subtreeOrgIds } from '../scope.js';

/** Instrument statuses a unit never sees: the committee's own until the leader signs. */
export const unissuedInstrumentStatuses = ['draft', 'pending_signoff'] as const;

/** Timeline steps of an instrument that belong to its drafting inside the committee. */
export const draftingSteps = ['instrument.draft', 'instrument.revise', 'instrument.submit', 'instrument.signoff.reject'] as const;

/** A condition on the case event `alias` (kernel.case_events): the user may see it, as far as supervision goes. */
export function supervisionEventVisible(db: Kysely<KernelDatabase>, user: SessionUser, alias = 'e'): Expression<SqlBool> {
  if (user.committee) return sql<SqlBool>`true`;
  const type = sql.ref(`${alias}.type`);
  const data = sql.ref(`${alias}.data`);
  const tenant = sql.ref(`${alias}.tenant_id`);
  const lit = (values: readonly string[]) => sql.join(values.map((v) => sql.lit(v)));
  return sql<SqlBool>`((${type} not like 'instrument.%' or (${type} not in (${lit(draftingSteps)}) and exists (
      select 1 from kernel.instruments i where i.tenant_id = ${tenant} and i.id = (${data}->>'instrumentId')::uuid
        and i.status not in (${lit(unissuedInstrumentStatuses)}) and i.recipient_org_id in (${subtreeOrgIds(db, user)}))))
    and (${type} not like 'meeting.%' or exists (
      select 1 from kernel.meeting_orgs mo where mo.tenant_id = ${tenant} and mo.meeting_id = (${data}->>'meetingId')::uuid
        and mo.org_id in (${subtreeOrgIds(db, user)}))))`;
}
