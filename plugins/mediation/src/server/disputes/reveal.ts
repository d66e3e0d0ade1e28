// Revealing the parties' full ID numbers and phones (查看完整个人信息): only with
// mediation.reveal, which no role holds by default; every reveal is audited, naming the
// dispute and whose data was shown, in the same transaction as the read.
import { badRequest, sql, type AuthedContext } from '@zhengfa/plugin-api';
import { messages as m } from '../strings.js';

export interface RevealedParty {
  id: string;
  name: string;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
}

export async function revealParties(ctx: AuthedContext, disputeId: string): Promise<RevealedParty[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const d = await sql<{ id: string }>`select id from mediation.disputes where tenant_id = ${ctx.tenant.id} and id = ${disputeId}`.execute(trx);
    if (!d.rows[0]) throw badRequest(m.disputeNotFound);
    const r = await sql<{ id: string; name: string; id_number: string | null; phone: string | null; address: string | null }>`
      select id, name, id_number, phone, address from mediation.parties
      where tenant_id = ${ctx.tenant.id} and dispute_id = ${disputeId} order by position`.execute(trx);
    const parties = r.rows.map((p) => ({
      id: p.id,
      name: p.name,
      idNumber: p.id_number ? ctx.vault.open(p.id_number) : null,
      phone: p.phone ? ctx.vault.open(p.phone) : null,
      address: p.address,
    }));
    await ctx.audit.record(
      { action: 'mediation.parties.reveal', targetType: 'mediation.dispute', targetId: disputeId, detail: { partyIds: parties.map((p) => p.id) } },
      { db: trx },
    );
    return parties;
  });
}
