// ownDatabase (issue 30, item 4): a plugin's handle typed to its own schema. Its tables
// compile to statements on its schema; the kernel's tables and another plugin's are type
// errors (the @ts-expect-error lines fail `tsc` the day they compile).
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler } from 'kysely';
import { describe, expect, it } from 'vitest';
import { ownDatabase, type OwnSchema } from './define-plugin.js';

interface NotesTables {
  notes: { id: number; tenant_id: string; body: string };
}

const untyped = new Kysely<any>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});

describe('ownDatabase', () => {
  it("types a plugin's handle to its own schema: its tables compile, the kernel's and another plugin's do not", () => {
    const db = ownDatabase<OwnSchema<'notes', NotesTables>>({ db: untyped });
    expect(db.selectFrom('notes.notes').select(['id', 'body']).where('tenant_id', '=', '520000').compile().sql).toBe(
      'select "id", "body" from "notes"."notes" where "tenant_id" = $1',
    );
    // @ts-expect-error the kernel's tables are not the plugin's
    expect(db.selectFrom('kernel.cases').selectAll().compile().sql).toBe('select * from "kernel"."cases"');
    // @ts-expect-error nor are another plugin's
    expect(db.selectFrom('petitions.matters').selectAll().compile().sql).toBe('select * from "petitions"."matters"');
    // @ts-expect-error nor a column the plugin's table does not have
    expect(db.selectFrom('notes.notes').select('secret').compile().sql).toBe('select "secret" from "notes"."notes"');
  });
});
