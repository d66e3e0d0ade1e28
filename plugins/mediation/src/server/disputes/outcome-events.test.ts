import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '@zhengfa/plugin-api';
import { describeEachEngine, procedureContext } from '@zhengfa/test-utils';
import { messages as m } from '../strings.js';
import { api, disputeInput, startWorld, type World } from '../test/world.js';
import { emitDisputePerformed, emitDisputeSettled } from './outcome-events.js';

describeEachEngine('mediation: the settled and performed events', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-09-30');
  });
  afterAll(() => w.t.stop());

  const outbox = async (name: string) =>
    (await sql<{ payload: unknown }>`select payload from kernel.outbox where name = ${name} order by id`.execute(w.t.database.db)).rows.map((r) => r.payload);

  it('emits a settled dispute with its code and no petition for a walk-in', async () => {
    const d = await api(w.sup).disputes.register(disputeInput());
    const ctx = procedureContext(w.sup.ctx, 'mediation.triage');
    await ctx.db.transaction().execute((trx) => emitDisputeSettled(ctx, trx, d.id, '2026-10-20'));
    expect(await outbox('mediation.dispute.settled')).toEqual([{ disputeId: d.id, code: d.code, petitionRef: null, settledOn: '2026-10-20' }]);
  });

  it('emits a performed dispute with the petition it came from', async () => {
    const d = await api(w.sup).disputes.register(disputeInput());
    await sql`update mediation.disputes set petition_ref = 'matter-1' where id = ${d.id}`.execute(w.t.database.db);
    const ctx = procedureContext(w.sup.ctx, 'mediation.triage');
    await ctx.db.transaction().execute((trx) => emitDisputePerformed(ctx, trx, d.id, '2026-11-02'));
    expect(await outbox('mediation.dispute.performed')).toEqual([{ disputeId: d.id, code: d.code, petitionRef: 'matter-1', performedOn: '2026-11-02' }]);
  });

  it('refuses a dispute of no record', async () => {
    const ctx = procedureContext(w.sup.ctx, 'mediation.triage');
    await expect(ctx.db.transaction().execute((trx) => emitDisputeSettled(ctx, trx, '00000000-0000-4000-8000-000000000000', '2026-10-20'))).rejects.toThrow(m.disputeNotFound);
  });
});
