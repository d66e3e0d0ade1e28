import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, startTestKernel, type TestKernel, testVault } from '../testing/index.js';
import { createNotesPlugin } from '../testing/index.js';
import { createKernel } from '../kernel.js';
import { kdb } from '../context.js';

const SECOND = '990002';

describeEachEngine('built-in roles at start', (engine) => {
  let t: TestKernel;
  let dataDir: string;

  // Two counties provisioned without plugins; then the server starts with one enabled.
  beforeAll(async () => {
    t = await startTestKernel({ engine });
    await t.kernel.provisionTenant({ code: SECOND, name: '第二县', passwords: { sysadmin: 'Zhengfa@2026', secadmin: 'Zhengfa@2026', auditor: 'Zhengfa@2026' } });
    dataDir = mkdtempSync(path.join(tmpdir(), 'zf-roles-'));
  });
  afterAll(async () => {
    await t.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const restartWithNotes = () => createKernel({ vault: testVault(), database: t.database, plugins: [createNotesPlugin()], dataDir }).prepare();
  const role = (tenantId: string, key: string) =>
    kdb(t.database).selectFrom('kernel.roles').select(['permissions', 'builtin', 'updated_at']).where('tenant_id', '=', tenantId).where('key', '=', key).executeTakeFirst();

  it("gives every county's built-in roles a newly enabled plugin's permissions", async () => {
    await restartWithNotes();
    for (const tenantId of [t.tenantId, SECOND]) {
      expect((await role(tenantId, 'supervisor'))!.permissions).toContain('notes.write');
      expect((await role(tenantId, 'liaison'))!.permissions).toContain('notes.read');
      expect((await role(tenantId, 'liaison'))!.permissions).not.toContain('notes.write');
    }
  });

  it('keeps a permission an administrator granted to a built-in role', async () => {
    const before = (await role(SECOND, 'liaison'))!.permissions;
    await kdb(t.database).updateTable('kernel.roles').set({ permissions: [...before, 'audit.read'] }).where('tenant_id', '=', SECOND).where('key', '=', 'liaison').execute();
    await restartWithNotes();
    expect((await role(SECOND, 'liaison'))!.permissions).toContain('audit.read');
  });

  it('recreates a built-in role that is missing', async () => {
    await kdb(t.database).deleteFrom('kernel.roles').where('tenant_id', '=', SECOND).where('key', '=', 'leader').execute();
    await restartWithNotes();
    const leader = await role(SECOND, 'leader');
    expect(leader?.builtin).toBe(true);
    expect(leader!.permissions).toContain('notes.read');
  });

  it('writes nothing when every role is already up to date', async () => {
    await restartWithNotes();
    const stamps = async () =>
      (await kdb(t.database).selectFrom('kernel.roles').select(['tenant_id', 'key', 'updated_at']).orderBy('tenant_id').orderBy('key').execute()).map((r) => `${r.tenant_id}/${r.key}/${new Date(r.updated_at).toISOString()}`);
    const before = await stamps();
    await restartWithNotes();
    expect(await stamps()).toEqual(before);
  });
});
