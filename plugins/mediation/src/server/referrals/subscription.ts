// 访调对接: a matter the petitions office referred with the petitioner's consent becomes a
// dispute here (source 'petition', the petition's number as its reference), registered and
// waiting for triage like any other, its triage deadline counted on the county's working
// calendar (ctx.calendar: holidays and make-up working days, as the kernel's clocks count).
// One dispute per petition: a redelivered event finds the dispute of its petition and
// creates nothing. The petitioners' phones arrive sealed by the
// kernel's vault and are stored as they came. Never called for a county that has this plugin
// switched off, nor where the petitions plugin is not installed.
import { chinaDay, sql, type EventContext, type KernelEvent } from '@zhengfa/plugin-api';
import type { PetitionReferredToMediationEvent } from '@zhengfa/plugin-petitions/contract';
import { nextCode } from '../disputes/register.js';
import { readSettings } from '../settings.js';
import { referralStrings as s } from '../strings.js';

export async function receiveReferral(event: KernelEvent, ctx: EventContext): Promise<void> {
  const tenantId = event.tenantId;
  if (!tenantId || !ctx.calendar) return;
  const p = event.payload as unknown as PetitionReferredToMediationEvent;
  const seen = await sql<{ id: string }>`select id from mediation.disputes where tenant_id = ${tenantId} and petition_ref = ${p.matterId}`.execute(ctx.db);
  if (seen.rows[0]) return;
  const settings = await readSettings(ctx.db, tenantId);
  const disputeType = settings.disputeTypes.includes(s.otherType) ? s.otherType : settings.disputeTypes[settings.disputeTypes.length - 1]!;
  const receivedOn = chinaDay(ctx.now);
  // On the county's working calendar (holidays, make-up working days), as an intake at the window counts.
  const triageDueOn = await ctx.calendar.addWorkingDays(receivedOn, settings.triageDays);
  const code = await nextCode(ctx.db, tenantId, Number(receivedOn.slice(0, 4)));
  const r = await sql<{ id: string }>`insert into mediation.disputes
      (tenant_id, code, source, reference_no, consent, received_on, summary, dispute_type, person_count, risk_level,
       triage_due_on, petition_ref, registered_by, registered_by_name)
    values (${tenantId}, ${code}, 'petition', ${p.petitionNo || null}, ${p.consent}, ${receivedOn}, ${p.summary}, ${disputeType},
      ${p.personCount}, 'low', ${triageDueOn}, ${p.matterId},
      '00000000-0000-0000-0000-000000000000', ${s.registeredBy})
    returning id`.execute(ctx.db);
  const id = r.rows[0]!.id;
  let position = 1;
  for (const person of p.petitioners) {
    await sql`insert into mediation.parties (tenant_id, dispute_id, position, kind, role, name, phone)
      values (${tenantId}, ${id}, ${position}, 'person', 'applicant', ${person.name}, ${person.sealedPhone})`.execute(ctx.db);
    position += 1;
  }
  ctx.log.info({ disputeId: id, code, petitionRef: p.matterId }, 'mediation: dispute registered from a petition referral');
}
