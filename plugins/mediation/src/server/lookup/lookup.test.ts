import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from '@zhengfa/plugin-api';
import { describeEachEngine } from '@zhengfa/test-utils';
import { lookupStrings as s } from '../strings.js';
import { api, disputeInput, startWorld, type World } from '../test/world.js';

describeEachEngine('mediation: public look-up and rating', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-09-30');
  });
  afterAll(() => w.t.stop());

  const anon = async (ip = '127.0.0.1') => ((await w.t.anonymous({ 'x-forwarded-for': ip })) as any).mediation.lookup;
  const register = async (phone: string) => api(w.sup).disputes.register(disputeInput({ parties: [{ kind: 'person', role: 'applicant', name: '周卫东', phone }, { kind: 'person', role: 'respondent', name: '吴秀兰', phone: '13700001111' }] }));
  /** The agreement flow is another module's: the status it leaves is set here. */
  const setStatus = (id: string, status: string) => sql`update mediation.disputes set status = ${status} where id = ${id}`.execute(w.t.database.db);

  it('shows a party the status and dates, and no names, summary or phones', async () => {
    const r = await register('13912340001');
    const p = await (await anon()).progress({ code: r.code, phoneLast4: '0001' });
    expect(p).toEqual({ code: r.code, status: 'registered', statusName: '待分流', routeName: null, receivedOn: '2026-09-30', triageDueOn: r.triageDueOn, triagedOn: null, ended: false, canRate: false, rated: false });
    const text = JSON.stringify(p);
    for (const secret of ['周卫东', '吴秀兰', '排水沟', '1391234', '13700001111']) expect(text).not.toContain(secret);
  });

  it('refuses a phone suffix of no party of the dispute', async () => {
    const r = await register('13912340002');
    await expect((await anon()).progress({ code: r.code, phoneLast4: '9999' })).rejects.toThrow(s.notMatched);
  });

  it('refuses a code after five failed attempts, even with the right suffix', async () => {
    const r = await register('13912340003');
    const lookup = await anon('10.0.0.3');
    for (let i = 0; i < 5; i += 1) await expect(lookup.progress({ code: r.code, phoneLast4: '1234' })).rejects.toThrow(s.notMatched);
    await expect(lookup.progress({ code: r.code, phoneLast4: '0003' })).rejects.toThrow(s.tooManyForCode);
  });

  it('refuses a rating before the mediation ended', async () => {
    const r = await register('13912340005');
    await expect((await anon()).rate({ code: r.code, phoneLast4: '0005', rating: 5 })).rejects.toThrow(s.notEnded);
  });

  it('lets each party rate an ended mediation once', async () => {
    const r = await register('13912340006');
    await setStatus(r.id, 'agreed');
    const lookup = await anon();
    await lookup.rate({ code: r.code, phoneLast4: '0006', rating: 4, comment: '调解员很耐心' });
    await expect(lookup.rate({ code: r.code, phoneLast4: '0006', rating: 5 })).rejects.toThrow(s.alreadyRated);
    await lookup.rate({ code: r.code, phoneLast4: '1111', rating: 2 });
    expect((await lookup.progress({ code: r.code, phoneLast4: '0006' })).rated).toBe(true);
    const rows = await sql<{ rating: number; comment: string | null }>`select rating, comment from mediation.ratings where dispute_id = ${r.id} order by rating`.execute(w.t.database.db);
    expect(rows.rows).toEqual([{ rating: 2, comment: null }, { rating: 4, comment: '调解员很耐心' }]);
  });

  it('refuses a rating outside 1 to 5 naming the field', async () => {
    await expect((await anon()).rate({ code: '调2026-000001', phoneLast4: '1234', rating: 6 })).rejects.toThrow('「评价」为1至5分');
  });

  it('refuses a code that is not a dispute code naming the field', async () => {
    await expect((await anon()).progress({ code: 'ABC', phoneLast4: '1234' })).rejects.toThrow('「纠纷编号」格式不正确');
  });
  // Last: the test kernel gives every anonymous call the same address, so this one spends its budget.
  it('refuses an address after twenty failed attempts within fifteen minutes', async () => {
    const lookup = await anon();
    const r = await register('13912340004');
    let refusedForIp = false;
    for (let i = 0; i < 25 && !refusedForIp; i += 1) {
      await lookup.progress({ code: `调2026-9${String(i).padStart(5, '0')}`, phoneLast4: '0000' }).catch((e: Error) => {
        refusedForIp = e.message === s.tooManyForIp;
      });
    }
    expect(refusedForIp).toBe(true);
    await expect(lookup.progress({ code: r.code, phoneLast4: '0004' })).rejects.toThrow(s.tooManyForIp);
  });
});
