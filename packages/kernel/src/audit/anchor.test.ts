import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Logger } from '@zhengfa/plugin-api';
import { describeEachEngine, startTestKernel, type TestKernel, testVault } from '../testing/index.js';
import { createKernel } from '../kernel.js';
import { logAuditHeads } from './anchor.js';

function capturingLog(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const take = (obj: object | string, msg?: string) => lines.push(typeof obj === 'string' ? obj : (msg ?? ''));
  return { lines, info: take, warn: take, error: take };
}

describeEachEngine('the daily audit anchor', (engine) => {
  let t: TestKernel;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
  });
  afterAll(() => t.stop());

  async function demoHead(): Promise<string> {
    const r = await sql<{ seq: string; hash: string }>`select seq, hash from kernel.audit_heads where tenant_id = ${t.tenantId}`.execute(t.database.db);
    return `audit head ${t.tenantId} ${Number(r.rows[0]!.seq)} ${r.rows[0]!.hash}`;
  }

  it("logs each county's chain head once a day, as a line that can be kept elsewhere", async () => {
    const log = capturingLog();
    // 2026-11-21 09:00 China time.
    expect(await logAuditHeads(t.kernel.db, log, new Date('2026-11-21T01:00:00Z'))).toBe(1);
    expect(log.lines).toEqual([await demoHead()]);
    expect(log.lines[0]).toMatch(/^audit head 990001 \d+ [0-9a-f]{64}$/);
  });

  it('logs nothing more the same China day, and again the next', async () => {
    const log = capturingLog();
    // 23:30 China time on 2026-11-21, then 00:30 on the 22nd.
    expect(await logAuditHeads(t.kernel.db, log, new Date('2026-11-21T15:30:00Z'))).toBeNull();
    expect(log.lines).toEqual([]);
    expect(await logAuditHeads(t.kernel.db, log, new Date('2026-11-21T16:30:00Z'))).toBe(1);
    expect(log.lines).toEqual([await demoHead()]);
  });

  it('logs the heads from the background tick', async () => {
    const log = capturingLog();
    const kernel = createKernel({ vault: testVault(), database: t.database, plugins: [], log });
    await kernel.tick(new Date('2026-12-01T02:00:00Z'));
    expect(log.lines).toContain(await demoHead());
  });
});
