import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { sql } from '@zhengfa/plugin-api';
import { answered, api, register, startWorld, type World } from '../matters/test/helpers.js';

describeEachEngine('petitions: public progress look-up', (engine) => {
  let w: World;
  beforeAll(async () => {
    w = await startWorld(engine);
  }, 120_000);
  afterAll(() => w.t.stop());

  const anon = async (ip = '127.0.0.1') => (await w.t.anonymous({ 'x-forwarded-for': ip }) as any).petitions.lookup;

  it('shows status and dates, and no names or content, for the right code and phone suffix', async () => {
    const r = await register(w, { petitioners: [{ name: '蒋明亮', phone: '13911112345' }] });
    const p = await (await anon()).progress({ code: r.queryCode, phoneLast4: '2345' });
    expect(p.statusName).toBe('待转送');
    expect(p.receivedOn).toBeTruthy();
    expect(JSON.stringify(p)).not.toContain('蒋');
    expect(JSON.stringify(p)).not.toContain('征地');
  });

  it('refuses a wrong phone suffix in Chinese', async () => {
    const r = await register(w, { petitioners: [{ name: '韩梅', phone: '13911119876' }] });
    await expect((await anon()).progress({ code: r.queryCode, phoneLast4: '0000' })).rejects.toThrow('查询码或电话后四位不正确');
  });

  it('refuses a code after five failed attempts, even with the right suffix', async () => {
    const r = await register(w, { petitioners: [{ name: '杨帆', phone: '13911114444' }] });
    const lookup = await anon();
    for (let i = 0; i < 5; i += 1) await expect(lookup.progress({ code: r.queryCode, phoneLast4: '1111' })).rejects.toThrow('不正确');
    await expect(lookup.progress({ code: r.queryCode, phoneLast4: '4444' })).rejects.toThrow('15分钟后再试');
  });

  it('counts failed attempts in the database, so every server process sees them', async () => {
    const r = await register(w, { petitioners: [{ name: '朱琳', phone: '13911115555' }] });
    await expect((await anon()).progress({ code: r.queryCode, phoneLast4: '1234' })).rejects.toThrow();
    const rows = await sql<{ n: number }>`select count(*)::int as n from petitions.lookup_attempts where key = ${`code:${r.queryCode}`} and not ok`.execute(w.t.database.db);
    expect(rows.rows[0]!.n).toBe(1);
  });

  it('lets the petitioner rate a concluded matter once', async () => {
    const r = await register(w, { petitioners: [{ name: '秦岚', phone: '13911116666' }] });
    const m = await answered(w, r.matterId);
    const lookup = await anon();
    await expect(lookup.rate({ code: r.queryCode, phoneLast4: '6666', rating: 5 })).rejects.toThrow('办结后才能评价');
    await api(w.sup).matters.conclude({ id: r.matterId, version: m.version, outcome: 'resolved', note: '已化解' });
    await lookup.rate({ code: r.queryCode, phoneLast4: '6666', rating: 4, comment: '办理及时' });
    await expect(lookup.rate({ code: r.queryCode, phoneLast4: '6666', rating: 5 })).rejects.toThrow('已经评价');
    expect((await api(w.sup).matters.get({ id: r.matterId })).rating).toBe(4);
  });

  it('refuses a rating outside 1 to 5', async () => {
    await expect((await anon()).rate({ code: 'ABCDEFGHJK', phoneLast4: '1234', rating: 6 })).rejects.toThrow('1至5分');
  });

  it('refuses an address after twenty failed attempts within fifteen minutes', async () => {
    const lookup = await anon();
    const codes = ['AAAAAAAAA2', 'AAAAAAAAA3', 'AAAAAAAAA4', 'AAAAAAAAA5', 'AAAAAAAAA6'];
    const r = await register(w, { petitioners: [{ name: '许诺', phone: '13911117777' }] });
    let refusedForIp = false;
    for (let i = 0; i < 25 && !refusedForIp; i += 1) {
      await lookup.progress({ code: codes[i % codes.length], phoneLast4: '0000' }).catch((e: Error) => {
        refusedForIp = e.message.includes('查询过于频繁');
      });
    }
    expect(refusedForIp).toBe(true);
    await expect(lookup.progress({ code: r.queryCode, phoneLast4: '7777' })).rejects.toThrow('查询过于频繁');
  });
});
