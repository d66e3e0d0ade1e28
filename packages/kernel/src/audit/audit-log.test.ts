import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachEngine, startTestKernel, type TestKernel } from '@zhengfa/test-utils';
import { appendAudit, auditRowHashV1, verifyAuditChain } from './audit-log.js';

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

  it('keeps the audit log away from everyone without the audit permission, the system administrator included', async () => {
    const { caller } = await t.signIn('admin');
    await expect(caller.audit.list({})).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('查看审计日志') });
  });
});
