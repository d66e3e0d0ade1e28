import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { describeEachEngine, startTestKernel, type TestKernel } from '../testing/index.js';
import { appendAudit, auditAppendCtes, auditChainHashV2, auditContentDigest, auditRowHashV1, verifyAuditChain, type AuditRow } from './audit-log.js';

const GENESIS = '0'.repeat(64);

/**
 * One fixed row: its hashes below are pinned, so the hash format cannot drift silently. They
 * were checked outside the product: the SHA-256 of the row's fields as compact JSON (UTF-8,
 * detail keys sorted), and for scheme 2 of `<prev>:<seq>:<digest>`.
 */
const fixedRow = {
  tenant_id: '431121',
  at: new Date('2026-11-21T08:30:00.123Z'),
  actor_id: '6f1c2a54-7d0e-4b8a-9c3f-1e2d3c4b5a69',
  actor_name: '王系统',
  action: 'users.create',
  target_type: 'user',
  target_id: '0b8f6a2e-3c4d-4e5f-8a9b-7c6d5e4f3a2b',
  outcome: 'success',
  ip: '10.0.0.8',
  user_agent: 'Mozilla/5.0',
  detail: { username: 'court01', roleIds: [], orgId: '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' },
};

describe('audit hash format', () => {
  it('digests a fixed row to a pinned value', () => {
    expect(auditContentDigest(fixedRow)).toBe('a3d3913904afdca59aa3ba1eff3cdb36a06618117a754d8f718555c52589cd0e');
  });

  it('chains a fixed digest to a pinned value', () => {
    expect(auditChainHashV2(GENESIS, 1, auditContentDigest(fixedRow))).toBe('2918b922d32887265e16a40ebb9a59bbac2f98ed021b4c9e9265a296f609acde');
  });

  it('hashes a fixed row of the first scheme to a pinned value', () => {
    expect(auditRowHashV1({ ...fixedRow, seq: 1, prev_hash: GENESIS })).toBe('5cd7568ff16ac0f66cad91cffdd172ad9396b49b8d2841f7eb0ea4e85d4c9580');
  });

  it('serialises the detail with its keys sorted, so their order does not change the digest', () => {
    const reordered = { ...fixedRow, detail: { orgId: fixedRow.detail.orgId, roleIds: [], username: 'court01' } };
    expect(auditContentDigest(reordered)).toBe(auditContentDigest(fixedRow));
  });
});

/** Runs statements with the append-only triggers off: an attacker with superuser access. */
async function behindTheProduct(db: Kysely<any>, ...statements: ReturnType<typeof sql>[]): Promise<void> {
  await sql`alter table kernel.audit_log disable trigger audit_log_no_update`.execute(db);
  try {
    for (const statement of statements) await statement.execute(db);
  } finally {
    await sql`alter table kernel.audit_log enable trigger audit_log_no_update`.execute(db);
  }
}

async function chainOf(db: Kysely<any>, tenantId: string, n: number): Promise<AuditRow[]> {
  for (let i = 1; i <= n; i++) await appendAudit(db, { tenantId, userId: null, userName: '链测试', ip: null, userAgent: null }, { action: 'test.chain', detail: { i } });
  const rows = await sql<AuditRow>`select * from kernel.audit_log where tenant_id = ${tenantId} order by seq`.execute(db);
  return rows.rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

describeEachEngine('audit log', (engine) => {
  let t: TestKernel;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
    await (await t.anonymous()).auth.signIn({ username: 'admin', password: 'Wrong-pass1' }).catch(() => {});
    await t.signIn('admin');
    await t.signIn('leader');
  });
  afterAll(() => t.stop());

  it('records sign-ins with who, when, outcome and where from', async () => {
    const { caller } = await t.signIn('auditor');
    const page = await caller.audit.list({ action: 'auth.signin' });
    const failure = page.items.find((i) => i.outcome === 'failure')!;
    expect(failure).toMatchObject({ actorName: '王系统', actionName: '登录', ip: '127.0.0.1', userAgent: 'vitest' });
    expect(page.items.filter((i) => i.outcome === 'success').map((i) => i.actorName)).toEqual(expect.arrayContaining(['王系统', '刘书记']));
  });

  it('verifies an intact chain', async () => {
    const result = await verifyAuditChain(t.database.db, t.tenantId);
    expect(result.ok).toBe(true);
    expect(result.checked).toBeGreaterThan(3);
  });

  it('keeps one unbroken chain when many entries are appended at once', async () => {
    const actor = { tenantId: t.tenantId, userId: null, userName: '并发测试', ip: null, userAgent: null };
    await Promise.all(Array.from({ length: 24 }, (_, i) => appendAudit(t.database.db, actor, { action: 'test.concurrent', detail: { i } })));
    const result = await verifyAuditChain(t.database.db, t.tenantId);
    expect(result.ok).toBe(true);
    const head = await sql<{ seq: string; n: string }>`select h.seq, (select count(*) from kernel.audit_log l where l.tenant_id = h.tenant_id) as n from kernel.audit_heads h where h.tenant_id = ${t.tenantId}`.execute(t.database.db);
    expect(Number(head.rows[0]!.seq)).toBe(Number(head.rows[0]!.n));
  });

  it('starts a new chain for a tenant with no entries yet', async () => {
    await appendAudit(t.database.db, { tenantId: '990999', userId: null, userName: '新链', ip: null, userAgent: null }, { action: 'test.first' });
    expect(await verifyAuditChain(t.database.db, '990999')).toEqual({ ok: true, checked: 1 });
  });

  it('continues a chain whose older rows carry the first hash scheme, and still finds tampering in them', async () => {
    const tenantId = '990998';
    const db = t.database.db;
    let prev = '0'.repeat(64);
    for (let seq = 1; seq <= 2; seq++) {
      const row = { tenant_id: tenantId, seq, at: new Date(Date.UTC(2026, 0, seq)), actor_id: null, actor_name: '旧链', action: 'test.v1', target_type: null, target_id: null, outcome: 'success', ip: null, user_agent: null, detail: { seq }, prev_hash: prev };
      const hash = auditRowHashV1(row);
      await sql`insert into kernel.audit_log (tenant_id, seq, at, actor_id, actor_name, action, target_type, target_id, outcome, ip, user_agent, detail, prev_hash, hash, scheme)
        values (${tenantId}, ${seq}, ${row.at}, null, ${row.actor_name}, ${row.action}, null, null, 'success', null, null, ${JSON.stringify(row.detail)}::jsonb, ${prev}, ${hash}, 1)`.execute(db);
      prev = hash;
    }
    await sql`insert into kernel.audit_heads (tenant_id, seq, hash) values (${tenantId}, 2, ${prev})`.execute(db);
    await appendAudit(db, { tenantId, userId: null, userName: '新链', ip: null, userAgent: null }, { action: 'test.v2', detail: { after: 2 } });
    expect(await verifyAuditChain(db, tenantId)).toEqual({ ok: true, checked: 3 });
    const third = await sql<{ prev_hash: string; scheme: number }>`select prev_hash, scheme from kernel.audit_log where tenant_id = ${tenantId} and seq = 3`.execute(db);
    expect(third.rows[0]).toEqual({ prev_hash: prev, scheme: 2 });

    await sql`alter table kernel.audit_log disable trigger audit_log_no_update`.execute(db);
    await sql`update kernel.audit_log set actor_name = '改过' where tenant_id = ${tenantId} and seq = 1`.execute(db);
    await sql`alter table kernel.audit_log enable trigger audit_log_no_update`.execute(db);
    expect(await verifyAuditChain(db, tenantId)).toMatchObject({ ok: false, firstBroken: { seq: 1, reason: 'hash' } });
  });

  it('leaves the chain head where it was when the appending transaction rolls back', async () => {
    const db = t.database.db;
    const before = await sql<{ seq: number }>`select seq from kernel.audit_heads where tenant_id = ${t.tenantId}`.execute(db);
    const actor = { tenantId: t.tenantId, userId: null, userName: '回滚测试', ip: null, userAgent: null };
    await expect(
      db.transaction().execute(async (trx) => {
        await appendAudit(trx, actor, { action: 'test.rolledBack' });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    const after = await sql<{ seq: number }>`select seq from kernel.audit_heads where tenant_id = ${t.tenantId}`.execute(db);
    expect(after.rows[0]!.seq).toBe(before.rows[0]!.seq);
    await appendAudit(db, actor, { action: 'test.afterRollback' });
    expect((await verifyAuditChain(db, t.tenantId)).ok).toBe(true);
  });

  it('refuses updates and deletes, whoever asks', async () => {
    await expect(sql`update kernel.audit_log set actor_name = '某人' where seq = 1`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from kernel.audit_log where seq = 1`.execute(t.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate kernel.audit_log`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });

  it('names the first tampered row when someone edits the table behind the product', async () => {
    // Simulates an attacker with superuser access who switches the trigger off.
    await sql`alter table kernel.audit_log disable trigger audit_log_no_update`.execute(t.database.db);
    await sql`update kernel.audit_log set detail = '{"reason":"edited"}' where tenant_id = ${t.tenantId} and seq = 3`.execute(t.database.db);
    await sql`alter table kernel.audit_log enable trigger audit_log_no_update`.execute(t.database.db);
    expect(await verifyAuditChain(t.database.db, t.tenantId)).toMatchObject({ ok: false, firstBroken: { tenantId: t.tenantId, seq: 3, reason: 'hash' } });
    const { caller } = await t.signIn('auditor');
    expect((await caller.audit.verify()).firstBroken?.seq).toBe(3);
  });

  it('stores, through the database, the pinned hash for a fixed row', async () => {
    const tenantId = '431121';
    const db = t.database.db;
    // The row's time is the clock's when its append is built: the clock is held at the fixed row's.
    const now = vi.spyOn(Date, 'now').mockReturnValue(fixedRow.at.getTime());
    let append: ReturnType<typeof auditAppendCtes>;
    try {
      append = auditAppendCtes({ tenantId, userId: fixedRow.actor_id, userName: fixedRow.actor_name, ip: fixedRow.ip, userAgent: fixedRow.user_agent }, {
        action: fixedRow.action,
        targetType: fixedRow.target_type,
        targetId: fixedRow.target_id,
        detail: fixedRow.detail,
      });
    } finally {
      now.mockRestore();
    }
    await sql`with ${append} select 1`.execute(db);
    const row = await sql<{ hash: string; prev_hash: string }>`select hash, prev_hash from kernel.audit_log where tenant_id = ${tenantId} and seq = 1`.execute(db);
    expect(row.rows[0]).toEqual({ prev_hash: GENESIS, hash: '2918b922d32887265e16a40ebb9a59bbac2f98ed021b4c9e9265a296f609acde' });
  });

  it('names a row whose content was changed (reason: hash)', async () => {
    const db = t.database.db;
    await chainOf(db, '990981', 3);
    await behindTheProduct(db, sql`update kernel.audit_log set detail = '{"i":99}' where tenant_id = '990981' and seq = 2`);
    expect(await verifyAuditChain(db, '990981')).toEqual({ ok: false, checked: 2, firstBroken: { tenantId: '990981', seq: 2, reason: 'hash' } });
  });

  it('names a row linked to another predecessor, its own hash recomputed to match (reason: link)', async () => {
    const db = t.database.db;
    const rows = await chainOf(db, '990982', 3);
    const forged = 'f'.repeat(64);
    const hash = auditChainHashV2(forged, 2, auditContentDigest({ ...rows[1]!, at: new Date(rows[1]!.at) }));
    await behindTheProduct(db, sql`update kernel.audit_log set prev_hash = ${forged}, hash = ${hash} where tenant_id = '990982' and seq = 2`);
    expect(await verifyAuditChain(db, '990982')).toEqual({ ok: false, checked: 2, firstBroken: { tenantId: '990982', seq: 2, reason: 'link' } });
  });

  it('names the first missing row when one was deleted from the middle (reason: gap)', async () => {
    const db = t.database.db;
    await chainOf(db, '990983', 3);
    await behindTheProduct(db, sql`delete from kernel.audit_log where tenant_id = '990983' and seq = 2`);
    expect(await verifyAuditChain(db, '990983')).toEqual({ ok: false, checked: 2, firstBroken: { tenantId: '990983', seq: 2, reason: 'gap' } });
  });

  it('names the first missing row when rows were deleted from the end (reason: tail)', async () => {
    const db = t.database.db;
    await chainOf(db, '990984', 4);
    await behindTheProduct(db, sql`delete from kernel.audit_log where tenant_id = '990984' and seq >= 3`);
    expect(await verifyAuditChain(db, '990984')).toEqual({ ok: false, checked: 2, firstBroken: { tenantId: '990984', seq: 3, reason: 'tail' } });
  });

  it('names a last row that is not the one the chain head recorded (reason: tail)', async () => {
    // The last row replaced by one whose hashes are all recomputed: only the head still knows.
    const db = t.database.db;
    const rows = await chainOf(db, '990985', 2);
    const content = { ...rows[1]!, at: new Date(rows[1]!.at), detail: { i: 'forged' } };
    const hash = auditChainHashV2(rows[0]!.hash, 2, auditContentDigest(content));
    await behindTheProduct(db, sql`update kernel.audit_log set detail = '{"i":"forged"}', hash = ${hash} where tenant_id = '990985' and seq = 2`);
    expect(await verifyAuditChain(db, '990985')).toEqual({ ok: false, checked: 2, firstBroken: { tenantId: '990985', seq: 2, reason: 'tail' } });
  });

  it('finds a chain whose rows were all deleted when verifying every county', async () => {
    const db = t.database.db;
    await chainOf(db, '000100', 2);
    await behindTheProduct(db, sql`delete from kernel.audit_log where tenant_id = '000100'`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBroken: { tenantId: '000100', seq: 1, reason: 'tail' } });
  });

  it('confirms a chain that still holds an anchor kept elsewhere', async () => {
    const db = t.database.db;
    const rows = await chainOf(db, '990987', 3);
    expect(await verifyAuditChain(db, '990987', { anchor: { seq: 2, hash: rows[1]!.hash } })).toEqual({ ok: true, checked: 3 });
  });

  it('names the anchor when the chain holds another hash at its seq (reason: anchor)', async () => {
    const db = t.database.db;
    await chainOf(db, '990988', 3);
    expect(await verifyAuditChain(db, '990988', { anchor: { seq: 2, hash: 'a'.repeat(64) } })).toEqual({
      ok: false,
      checked: 2,
      firstBroken: { tenantId: '990988', seq: 2, reason: 'anchor' },
    });
  });

  it('names the anchor when its rows were deleted and the head moved back to match (reason: anchor)', async () => {
    const db = t.database.db;
    const rows = await chainOf(db, '990989', 3);
    await behindTheProduct(
      db,
      sql`delete from kernel.audit_log where tenant_id = '990989' and seq = 3`,
      sql`update kernel.audit_heads set seq = 2, hash = ${rows[1]!.hash}, prev_hash = ${rows[0]!.hash} where tenant_id = '990989'`,
    );
    expect(await verifyAuditChain(db, '990989')).toEqual({ ok: true, checked: 2 });
    expect(await verifyAuditChain(db, '990989', { anchor: { seq: 3, hash: rows[2]!.hash } })).toEqual({
      ok: false,
      checked: 2,
      firstBroken: { tenantId: '990989', seq: 3, reason: 'anchor' },
    });
  });

  it('keeps the audit log away from everyone without the audit permission, the system administrator included', async () => {
    const { caller } = await t.signIn('admin');
    await expect(caller.audit.list({})).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('查看审计日志') });
  });
});
