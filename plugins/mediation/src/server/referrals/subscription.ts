// 访调对接: a matter the petitions office referred with the petitioner's consent becomes a
// dispute here (source 'petition', the petition's number as its reference), registered and
// waiting for triage like any other. One dispute per petition: a redelivered event finds the
// dispute of its petition and creates nothing. The petitioners' phones arrive sealed by the
// kernel's vault and are stored as they came. Never called for a county that has this plugin
// switched off, nor where the petitions plugin is not installed.
import { chinaDay, sql, type BackgroundContext, type KernelEvent } from '@zhengfa/plugin-api';
import type { PetitionReferredToMediationEvent } from '@zhengfa/plugin-petitions/contract';
import { nextCode } from '../disputes/register.js';
import { readSettings } from '../settings.js';
import { referralStrings as s } from '../strings.js';

/**
 * `date` plus `days` days from Monday to Friday. A subscription's context has no working
 * calendar (ctx.kernel is a request's), so a referral's triage deadline skips weekends only;
 * a public holiday inside it makes the deadline early, never late.
 */
export function addWeekdays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  let left = days;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    const wd = d.getUTCDay();
    if (wd !== 0 && wd !== 6) left -= 1;
  }
  return d.toISOString().slice(0, 10);
}

export async function receiveReferral(event: KernelEvent, ctx: BackgroundContext): Promise<void> {
  const tenantId = event.tenantId;
  if (!tenantId) return;
  const p = event.payload as unknown as PetitionReferredToMediationEvent;
  const seen = await sql<{ id: string }>`select id from mediation.disputes where tenant_id = ${tenantId} and petition_ref = ${p.matterId}`.execute(ctx.db);
  if (seen.rows[0]) return;
  const settings = await readSettings(ctx.db, tenantId);
  const disputeType = settings.disputeTypes.includes(s.otherType) ? s.otherType : settings.disputeTypes[settings.disputeTypes.length - 1]!;
  const receivedOn = chinaDay(ctx.now);
  const code = await nextCode(ctx.db, tenantId, Number(receivedOn.slice(0, 4)));
  const r = await sql<{ id: string }>`insert into mediation.disputes
      (tenant_id, code, source, reference_no, consent, received_on, summary, dispute_type, person_count, risk_level,
       triage_due_on, petition_ref, registered_by, registered_by_name)
    values (${tenantId}, ${code}, 'petition', ${p.petitionNo || null}, ${p.consent}, ${receivedOn}, ${p.summary}, ${disputeType},
      ${p.personCount}, 'low', ${addWeekdays(receivedOn, settings.triageDays)}, ${p.matterId},
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
