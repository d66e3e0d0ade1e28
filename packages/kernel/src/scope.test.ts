import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import type { SessionUser } from '@zhengfa/plugin-api';
import { describeEachEngine, startTestKernel, type TestKernel } from './testing/index.js';
import type { KernelDatabase } from './db/schema.js';
import { subtreeOrgIds } from './scope.js';

describeEachEngine('organisation subtree', (engine) => {
  let t: TestKernel;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
  });
  afterAll(() => t.stop());

  it('finds for every organisation exactly the organisations whose path starts with its own', async () => {
    const db = t.database.db as unknown as Kysely<KernelDatabase>;
    const orgs = await sql<{ id: string; path: string }>`select id, path from kernel.orgs where tenant_id = ${t.tenantId}`.execute(db);
    expect(orgs.rows.length).toBeGreaterThan(10);
    for (const o of orgs.rows) {
      const user = { tenantId: t.tenantId, orgId: o.id, orgPath: o.path, committee: false } as SessionUser;
      const found = (await subtreeOrgIds(db, user).execute()).map((r) => r.id).sort();
      const expected = orgs.rows.filter((x) => x.path.startsWith(o.path)).map((x) => x.id).sort();
      expect({ org: o.path, ids: found }).toEqual({ org: o.path, ids: expected });
    }
  });

  it('refuses an organisation path without its trailing slash', () => {
    const user = { tenantId: t.tenantId, orgPath: '/a/b', committee: false } as SessionUser;
    expect(() => subtreeOrgIds(t.database.db as never, user)).toThrow(/trailing slash/);
  });
});
