import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPGlite, type Database } from './engine.js';
import { withDbScope, withoutDbScope } from './scope.js';
import { availableEngines, createTestDatabase } from './testing.js';

const ROLE = 'zhengfa_scope_test';

async function prepare(db: Kysely<any>): Promise<void> {
  await sql`do $$ begin create role zhengfa_scope_test nologin nobypassrls; exception when duplicate_object or unique_violation then null; end $$`.execute(db);
  await sql`create schema walled`.execute(db);
  await sql`create table walled.rows (tenant_id text not null, body text not null)`.execute(db);
  await sql`insert into walled.rows values ('a', 'A1'), ('a', 'A2'), ('b', 'B1')`.execute(db);
  await sql`grant usage on schema walled to zhengfa_scope_test`.execute(db);
  await sql`grant select, insert on walled.rows to zhengfa_scope_test`.execute(db);
  await sql`alter table walled.rows enable row level security`.execute(db);
  await sql`create policy wall on walled.rows using (tenant_id = current_setting('zhengfa.tenant_id', true))`.execute(db);
}

const bodies = async (db: Kysely<any>) =>
  (await sql<{ body: string }>`select body from walled.rows order by body`.execute(db)).rows.map((r) => r.body);

const kinds: { name: string; open: () => Promise<Database> }[] = [
  ...availableEngines().map((engine) => ({ name: engine, open: () => createTestDatabase(engine) })),
  { name: 'pglite on its own thread', open: () => openPGlite({ ownThread: true }) },
];

for (const kind of kinds) {
  describe(`database scopes [${kind.name}]`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await kind.open();
      await prepare(database.db);
    });
    afterAll(async () => {
      await sql`drop schema walled cascade`.execute(database.db);
      await ((database as { drop?: () => Promise<void> }).drop?.() ?? database.close());
    });

    it("statements inside a scope see only its county's rows", async () => {
      expect(await withDbScope({ role: ROLE, tenantId: 'a' }, () => bodies(database.db))).toEqual(['A1', 'A2']);
    });

    it("a transaction inside a scope sees only its county's rows", async () => {
      const seen = await withDbScope({ role: ROLE, tenantId: 'b' }, () => database.db.transaction().execute((trx) => bodies(trx)));
      expect(seen).toEqual(['B1']);
    });

    it('statements outside any scope see every row, after scoped ones ran on the same sessions', async () => {
      await withDbScope({ role: ROLE, tenantId: 'a' }, () => bodies(database.db));
      expect(await withoutDbScope(() => bodies(database.db))).toEqual(['A1', 'A2', 'B1']);
    });

    it('scopes running at the same time each keep their own county', async () => {
      const runs = await Promise.all(
        Array.from({ length: 12 }, (_, i) => {
          const tenantId = ['a', 'b', null][i % 3];
          const read = () => bodies(database.db);
          return tenantId ? withDbScope({ role: ROLE, tenantId }, read) : read();
        }),
      );
      expect(runs.slice(0, 3)).toEqual([['A1', 'A2'], ['B1'], ['A1', 'A2', 'B1']]);
      expect(runs).toEqual(Array.from({ length: 4 }, () => runs.slice(0, 3)).flat());
    });

    it.skipIf(kind.name === 'postgres')('a dump of the data folder after scoped work runs as the connecting role', async () => {
      await withDbScope({ role: ROLE, tenantId: 'a' }, () => bodies(database.db));
      const tarball = await database.dumpDataDir!();
      expect(tarball.byteLength).toBeGreaterThan(0);
      expect(await withDbScope({ role: ROLE, tenantId: 'b' }, () => bodies(database.db))).toEqual(['B1']);
    });

    it("a write into another county inside a scope is refused by the database", async () => {
      const err = await withDbScope({ role: ROLE, tenantId: 'a' }, () => sql`insert into walled.rows values ('b', 'B2')`.execute(database.db)).then(
        () => null,
        (e: { code?: string; message?: string }) => ({ code: e.code, message: e.message }),
      );
      expect(err).toEqual({ code: '42501', message: 'new row violates row-level security policy for table "rows"' });
    });
  });
}
