import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachEngine, startTestKernel, type TestKernel } from '@zhengfa/kernel/testing';
import { changedTables, fingerprinter } from './fingerprint.js';

describeEachEngine('the fuzz fingerprint', (engine) => {
  let t: TestKernel;
  beforeAll(async () => {
    t = await startTestKernel({ engine });
  });
  afterAll(async () => {
    await t?.stop();
  });

  async function anExport() {
    const user = await t.database.db.selectFrom('kernel.users').select(['id', 'tenant_id']).executeTakeFirstOrThrow();
    await sql`insert into kernel.exports (tenant_id, user_id, kind, file_name) values (${user.tenant_id}, ${user.id}, 'ledger', '台账.xlsx')`.execute(t.database.db);
  }

  it('does not move when an export started earlier progresses in the background', async () => {
    await anExport();
    const fp = await fingerprinter(t.database.db);
    const before = await fp.take();
    await sql`update kernel.exports set done_rows = done_rows + 10, status = 'done', finished_at = now()`.execute(t.database.db);
    expect(changedTables(before, await fp.take())).toEqual([]);
  });

  it('names kernel.exports when a new export is started', async () => {
    const fp = await fingerprinter(t.database.db);
    const before = await fp.take();
    await anExport();
    expect(changedTables(before, await fp.take())).toEqual(['kernel.exports']);
  });

  it('leaves out the tables a plugin declares in writesOnRefusal, and measures its others', async () => {
    await sql`create schema fpcheck`.execute(t.database.db);
    await sql`create table fpcheck.attempts (id int)`.execute(t.database.db);
    await sql`create table fpcheck.items (id int)`.execute(t.database.db);
    const fp = await fingerprinter(t.database.db, { plugins: [{ id: 'fpcheck', writesOnRefusal: { attempts: 'every look-up is counted' } }] });
    const before = await fp.take();
    await sql`insert into fpcheck.attempts values (1)`.execute(t.database.db);
    await sql`insert into fpcheck.items values (1)`.execute(t.database.db);
    expect(changedTables(before, await fp.take())).toEqual(['fpcheck.items']);
  });
});
