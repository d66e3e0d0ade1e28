// Judicial confirmation (司法确认) of a written agreement: the parties apply jointly to the
// court within the period (confirmationDueOn), then the court rules: confirmed (确认有效,
// enforceable) or rejected (驳回申请). Recorded on the agreed dispute, audited.
import { badRequest, sql, type AuthedContext, type Kysely } from '@zhengfa/plugin-api';
import { bumpDispute, lockDispute } from '../outcomes/dispute-lock.js';
import { outcomeMessages as om } from '../strings.js';

export const rulings = ['confirmed', 'rejected'] as const;

interface AgreementRow {
  form: 'written' | 'oral';
  agreed_on: string;
  effective_on: string | null;
  confirmation_due_on: string | null;
  applied_on: string | null;
  ruling: string | null;
}

export async function lockAgreement(trx: Kysely<any>, tenantId: string, disputeId: string): Promise<AgreementRow> {
  const r = await sql<AgreementRow>`select form, to_char(agreed_on, 'YYYY-MM-DD') as agreed_on, to_char(effective_on, 'YYYY-MM-DD') as effective_on,
      to_char(confirmation_due_on, 'YYYY-MM-DD') as confirmation_due_on, to_char(applied_on, 'YYYY-MM-DD') as applied_on, ruling
    from mediation.agreements where tenant_id = ${tenantId} and dispute_id = ${disputeId} for update`.execute(trx);
  // An agreed dispute always has its agreement (written in the same transaction).
  return r.rows[0]!;
}

export interface ApplyInput {
  disputeId: string;
  version: number;
  appliedOn: string;
  court: string;
}

export async function recordApplication(ctx: AuthedContext, input: ApplyInput): Promise<{ version: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const d = await lockDispute(ctx, trx, input, 'agreed');
    const a = await lockAgreement(trx, ctx.tenant.id, d.id);
    if (a.form !== 'written') throw badRequest(om.oralNoConfirmation);
    if (a.applied_on) throw badRequest(om.alreadyApplied);
    if (input.appliedOn < a.effective_on!) throw badRequest(om.appliedBeforeEffective(a.effective_on!));
    if (input.appliedOn > a.confirmation_due_on!) throw badRequest(om.appliedLate(a.confirmation_due_on!));
    await sql`update mediation.agreements set applied_on = ${input.appliedOn}, court = ${input.court}
      where tenant_id = ${ctx.tenant.id} and dispute_id = ${d.id}`.execute(trx);
    const version = await bumpDispute(ctx, trx, d);
    await ctx.audit.record(
      { action: 'mediation.confirmation.apply', targetType: 'mediation.dispute', targetId: d.id, detail: { appliedOn: input.appliedOn, court: input.court } },
      { db: trx },
    );
    return { version };
  });
}

export interface RulingInput {
  disputeId: string;
  version: number;
  ruling: (typeof rulings)[number];
  ruledOn: string;
  rulingNo: string;
}

export async function recordRuling(ctx: AuthedContext, input: RulingInput): Promise<{ version: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const d = await lockDispute(ctx, trx, input, 'agreed');
    const a = await lockAgreement(trx, ctx.tenant.id, d.id);
    if (a.form !== 'written') throw badRequest(om.oralNoConfirmation);
    if (!a.applied_on) throw badRequest(om.notApplied);
    if (a.ruling) throw badRequest(om.alreadyRuled);
    if (input.ruledOn < a.applied_on) throw badRequest(om.ruledBeforeApplied(a.applied_on));
    await sql`update mediation.agreements set ruling = ${input.ruling}, ruled_on = ${input.ruledOn}, ruling_no = ${input.rulingNo}
      where tenant_id = ${ctx.tenant.id} and dispute_id = ${d.id}`.execute(trx);
    const version = await bumpDispute(ctx, trx, d);
    await ctx.audit.record(
      { action: 'mediation.confirmation.ruling', targetType: 'mediation.dispute', targetId: d.id, detail: { ruling: input.ruling, ruledOn: input.ruledOn, rulingNo: input.rulingNo } },
      { db: trx },
    );
    return { version };
  });
}
