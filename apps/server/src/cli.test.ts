// The operator's commands as a real process: migrate, init (the county and its three
// administrators) and audit:verify, against a fresh PostgreSQL database.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, onPostgres, type TestDatabase } from '@zhengfa/db/testing';
import { dataKeyId, TEST_DATA_KEY, testVault } from '@zhengfa/test-utils';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe.skipIf(!onPostgres())('pnpm zhengfa', () => {
  let db: TestDatabase;
  // Run without blocking this worker's event loop (spawnSync for minutes on end starves the
  // test runner's messages to its parent, which then time out).
  const cli = (...args: string[]) => cliWith({}, ...args);
  const cliWith = (env: Record<string, string>, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> =>
    new Promise((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', 'src/cli.ts', ...args],
        { cwd: serverDir, env: { PATH: process.env.PATH ?? '', DATABASE_URL: db.url!, DATA_KEY: TEST_DATA_KEY, ...env }, encoding: 'utf8', timeout: 60_000 },
        (err, stdout, stderr) => {
          const code = (err as (Error & { code?: unknown }) | null)?.code;
          if (err && typeof code !== 'number') reject(err);
          else resolve({ status: typeof code === 'number' ? code : 0, stdout, stderr });
        },
      );
    });
  beforeAll(async () => {
    db = await createTestDatabase('postgres');
  });
  afterAll(() => db.drop());

  it('refuses init before the database is migrated and names the command', async () => {
    const r = await cli('init', '--code', '431121', '--name', '测试县');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('pnpm zhengfa migrate');
  });

  it('migrates, then reports nothing pending', async () => {
    const r = await cli('migrate');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('kernel 0001_foundation');
    expect((await cli('status')).stdout).toContain('没有待执行的迁移');
  });

  it('creates the county and its three administrators with one-time passwords', async () => {
    const r = await cli('init', '--code', '431121', '--name', '测试县');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('已创建 测试县（431121）');
    for (const role of ['系统管理员', '安全管理员', '审计管理员']) expect(r.stdout).toContain(role);
    expect(r.stdout).toMatch(/用户名 admin\s+初始密码 \S{12,}/);
  });

  it('refuses a county code that is not six digits', async () => {
    const r = await cli('init', '--code', '4311', '--name', '坏代码县');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('6 位行政区划代码');
  });

  it('verifies the audit chain', async () => {
    const r = await cli('audit:verify');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/审计日志完整：已校验 \d+ 条记录/);
  });

  it("resets a security administrator's password on the server, with a one-time temporary password", async () => {
    const r = await cli('reset-password', '--username', 'secadmin', '--tenant', '431121');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('已重置 安全管理员（用户名 secadmin，县（区）431121）的密码');
    const password = /临时密码（只显示这一次，请当面交给本人，首次登录时必须修改）：(\S+)/.exec(r.stdout)?.[1];
    expect(password).toMatch(/^Zf-[A-Za-z0-9_-]{12}9a$/);
    const row = await sql<{ must_change_password: boolean }>`select must_change_password from kernel.users where tenant_id = '431121' and username = 'secadmin'`.execute(db.db);
    expect(row.rows[0]!.must_change_password).toBe(true);
    const audit = await sql<{ actor_name: string }>`select actor_name from kernel.audit_log where tenant_id = '431121' and action = 'users.password.reset.server'`.execute(db.db);
    expect(audit.rows).toEqual([{ actor_name: '服务器命令行' }]);
  });

  it('refuses reset-password without a username, and names an unknown one', async () => {
    const none = await cli('reset-password');
    expect(none.status).toBe(1);
    expect(none.stderr).toContain('reset-password 需要 --username <用户名>');
    const unknown = await cli('reset-password', '--username', 'nobody');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('县（区）431121 没有用户名为「nobody」的账号');
  });

  async function head(): Promise<{ seq: number; hash: string }> {
    const r = await sql<{ seq: string; hash: string }>`select seq, hash from kernel.audit_heads where tenant_id = '431121'`.execute(db.db);
    return { seq: Number(r.rows[0]!.seq), hash: r.rows[0]!.hash };
  }

  it('confirms the chain still holds an anchor taken from the daily log line', async () => {
    const { seq, hash } = await head();
    const r = await cli('audit:verify', '--tenant', '431121', '--anchor', `${seq}:${hash}`);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`县（区）431121 的审计日志仍包含第 ${seq} 条记录的锚点。`);
  });

  it('names an anchor the chain no longer holds', async () => {
    const { seq } = await head();
    const r = await cli('audit:verify', '--tenant', '431121', '--anchor', `${seq}:${'e'.repeat(64)}`);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(`审计日志被篡改或缺失：县（区）431121 第 ${seq} 条记录（与在别处留存的锚点不符，哈希链可能被整体改写）。`);
  });

  it('refuses an anchor that is not <seq>:<hash>, and one without its county', async () => {
    const bad = await cli('audit:verify', '--tenant', '431121', '--anchor', '12:abc');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--anchor 的格式应为 <序号>:<哈希>');
    const noTenant = await cli('audit:verify', '--anchor', `1:${'e'.repeat(64)}`);
    expect(noTenant.status).toBe(1);
    expect(noTenant.stderr).toContain('使用 --anchor 时须用 --tenant 指明锚点所属县（区）的代码');
  });

  it('names the first row deleted from the end of the log', async () => {
    const { seq } = await head();
    await sql`alter table kernel.audit_log disable trigger audit_log_no_update`.execute(db.db);
    await sql`delete from kernel.audit_log where tenant_id = '431121' and seq = ${seq}`.execute(db.db);
    await sql`alter table kernel.audit_log enable trigger audit_log_no_update`.execute(db.db);
    const r = await cli('audit:verify', '--tenant', '431121');
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(`审计日志被篡改或缺失：县（区）431121 第 ${seq} 条记录（日志末尾的记录缺失或被替换，与链头不符）。`);
  });

  it('rotates the data key: re-seals every sealed value under the new key and re-computes its blind index', async () => {
    const newKey = 'c0ffee00'.repeat(8);
    const vault = testVault();
    const m = await sql<{ id: string }>`insert into petitions.matters (tenant_id, case_id, category, content, receiving_officer_id, first_received_on, query_code)
      values ('431121', gen_random_uuid(), 'law', '反映征地补偿', gen_random_uuid(), '2026-01-05', 'ROTATE01') returning id`.execute(db.db);
    await sql`insert into petitions.petitioners (tenant_id, matter_id, name, phone, phone_index)
      values ('431121', ${m.rows[0]!.id}::uuid, '王明', ${vault.seal('13912345678')}, ${vault.index('phone', '13912345678')})`.execute(db.db);
    const r = await cliWith({ DATA_KEY: newKey, DATA_KEYS_OLD: TEST_DATA_KEY }, 'rotate-key');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('petitions.petitioners.phone：重新加密 1 项');
    expect(r.stdout).toContain(`均已使用新密钥（编号 ${dataKeyId(newKey)}）`);
    const row = await sql<{ phone: string; phone_index: string }>`select phone, phone_index from petitions.petitioners where matter_id = ${m.rows[0]!.id}::uuid`.execute(db.db);
    expect(row.rows[0]!.phone.split('.')[1]).toBe(dataKeyId(newKey));
    expect(row.rows[0]!.phone_index).not.toBe(vault.index('phone', '13912345678'));
    // Again (as after an interruption): nothing left under the old key.
    expect((await cliWith({ DATA_KEY: newKey, DATA_KEYS_OLD: TEST_DATA_KEY }, 'rotate-key')).stdout).toContain('共重新加密 0 项');
  });
});
