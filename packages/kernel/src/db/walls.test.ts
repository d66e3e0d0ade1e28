import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { authedProcedure, definePlugin, ownDatabase, z, type OwnSchema } from '@zhengfa/plugin-api';
import { describeEachEngine, startTestKernel, type ActingUser, type TestKernel } from '../testing/index.js';
import { createNotesPlugin } from '../testing/index.js';

const SECOND = '431122';

/** SQL a careless or hostile plugin might run, by name (the test picks one per call). */
const STATEMENTS = {
  kernelCases: sql`select count(*)::int as n from kernel.cases`,
  kernelOrgsWrite: sql`update kernel.orgs set name = name`,
  otherPluginRead: sql`select count(*)::int as n from notes.notes`,
  otherPluginWrite: sql`insert into notes.notes (tenant_id, body, created_by) values ('demo', 'x', gen_random_uuid())`,
} as const;

/** The probe plugin's own tables, as its database handle is typed. */
type ProbeDb = OwnSchema<'probe', { items: { tenant_id: string; body: string } }>;

/** A plugin whose SQL forgets tenant_id and reaches outside its schema. */
const probe = definePlugin({
  id: 'probe',
  name: '探测插件',
  version: '1.0.0',
  kernel: '*',
  kernelReads: ['orgs'],
  migrations: {
    '0001_probe': {
      async up(db) {
        await sql`create schema probe`.execute(db);
        await sql`create table probe.items (tenant_id text not null, body text not null)`.execute(db);
      },
    },
  },
  /** Its to-dos: its items (forgetting tenant_id) and the database role it runs as. */
  async todos(ctx) {
    const r = await sql<{ n: number; role: string }>`select count(*)::int as n, current_user::text as role from probe.items`.execute(ctx.db);
    return [{ key: 'items', label: r.rows[0]!.role, count: r.rows[0]!.n, link: '/probe' }];
  },
  router: {
    /** The counties whose organisations the plugin's query sees: it forgets `where tenant_id`. */
    orgCounties: authedProcedure.query(async ({ ctx }) => {
      const r = await sql<{ tenant_id: string }>`select distinct tenant_id from kernel.orgs order by tenant_id`.execute(ctx.db);
      return r.rows.map((row) => row.tenant_id);
    }),
    items: authedProcedure.query(({ ctx }) => ownDatabase<ProbeDb>(ctx).selectFrom('probe.items').select(['tenant_id', 'body']).orderBy('body').execute()),
    addItem: authedProcedure.input(z.object({ tenantId: z.string(), body: z.string() })).mutation(async ({ ctx, input }) => {
      await sql`insert into probe.items (tenant_id, body) values (${input.tenantId}, ${input.body})`.execute(ctx.db);
    }),
    raw: authedProcedure.input(z.object({ statement: z.enum(Object.keys(STATEMENTS) as [keyof typeof STATEMENTS]) })).mutation(async ({ ctx, input }) => {
      await STATEMENTS[input.statement].execute(ctx.db);
    }),
  },
});

/** The database's own error behind a procedure's failure. */
async function databaseError(call: Promise<unknown>): Promise<{ code: string; message: string }> {
  const err = await call.then(
    () => null,
    (e: unknown) => e as { cause?: { code?: string; message?: string } },
  );
  if (!err) throw new Error('the call succeeded');
  return { code: String(err.cause?.code), message: String(err.cause?.message) };
}

describeEachEngine('database walls', (engine) => {
  let t: TestKernel;
  let supervisor: ActingUser;
  beforeAll(async () => {
    t = await startTestKernel({ engine, plugins: [createNotesPlugin(), probe] });
    // Signed in while the demo county is the only one (sign-in then asks for no county).
    supervisor = await t.signIn('supervisor');
    await t.kernel.provisionTenant({ code: SECOND, name: '第二县', passwords: { sysadmin: 'Zhengfa@2026', secadmin: 'Zhengfa@2026', auditor: 'Zhengfa@2026' } });
    await sql`insert into probe.items (tenant_id, body) values (${t.tenantId}, '本县'), (${SECOND}, '外县')`.execute(t.database.db);
  });
  afterAll(() => t.stop());

  it("a plugin query that forgets tenant_id sees only the acting county's rows of its own table", async () => {
    const { caller } = supervisor;
    expect(await (caller as any).probe.items()).toEqual([{ tenant_id: t.tenantId, body: '本县' }]);
  });

  it("a plugin query that forgets tenant_id sees only the acting county's rows of a kernel table it reads", async () => {
    const { caller } = supervisor;
    expect(await (caller as any).probe.orgCounties()).toEqual([t.tenantId]);
  });

  it("a kernel query that forgets tenant_id inside a request sees only the acting county's rows", async () => {
    const { ctx } = supervisor;
    const counties = await ctx.inCounty!('cases.list', async () => {
      const r = await sql<{ tenant_id: string }>`select distinct tenant_id from kernel.users order by tenant_id`.execute(t.database.db);
      return r.rows.map((row) => row.tenant_id);
    });
    expect(counties).toEqual([t.tenantId]);
  });

  it("marks the gram operators' functions leakproof, so the gram indexes serve keyword searches behind the wall", async () => {
    const r = await sql<{ proname: string; proleakproof: boolean }>`select proname, proleakproof from pg_proc
      where oid in ('pg_catalog.arraycontains(anyarray, anyarray)'::regprocedure, 'pg_catalog.arrayoverlap(anyarray, anyarray)'::regprocedure)
      order by proname`.execute(t.database.db);
    expect(r.rows).toEqual([
      { proname: 'arraycontains', proleakproof: true },
      { proname: 'arrayoverlap', proleakproof: true },
    ]);
  });

  it('a write into another county is refused by the database', async () => {
    const { caller } = supervisor;
    const err = await databaseError((caller as any).probe.addItem({ tenantId: SECOND, body: '越界' }));
    expect(err).toEqual({ code: '42501', message: 'new row violates row-level security policy for table "items"' });
  });

  it('work outside any county (migrations, the background loop) sees every county', async () => {
    const r = await sql<{ tenant_id: string }>`select distinct tenant_id from kernel.users order by tenant_id`.execute(t.database.db);
    expect(r.rows.map((row) => row.tenant_id)).toEqual([SECOND, t.tenantId].sort());
  });

  it("a plugin's SQL reading a kernel table it did not declare is refused by the database", async () => {
    const { caller } = supervisor;
    const err = await databaseError((caller as any).probe.raw({ statement: 'kernelCases' }));
    expect(err).toEqual({ code: '42501', message: 'permission denied for table cases' });
  });

  it("a plugin's SQL writing a kernel table it reads is refused by the database", async () => {
    const { caller } = supervisor;
    const err = await databaseError((caller as any).probe.raw({ statement: 'kernelOrgsWrite' }));
    expect(err).toEqual({ code: '42501', message: 'permission denied for table orgs' });
  });

  it("a plugin's SQL reading another plugin's table is refused by the database", async () => {
    const { caller } = supervisor;
    const err = await databaseError((caller as any).probe.raw({ statement: 'otherPluginRead' }));
    expect(err).toEqual({ code: '42501', message: 'permission denied for schema notes' });
  });

  it("a plugin's SQL writing another plugin's table is refused by the database", async () => {
    const { caller } = supervisor;
    const err = await databaseError((caller as any).probe.raw({ statement: 'otherPluginWrite' }));
    expect(err).toEqual({ code: '42501', message: 'permission denied for schema notes' });
  });

  it("a plugin reaches the kernel through ctx.kernel inside its own transaction", async () => {
    const { caller } = supervisor;
    const kase = await (caller as any).notes.notes.registerCase({ title: '经内核登记的事项' });
    expect(await (caller as any).notes.notes.forCase({ caseId: kase.id })).toEqual({ docNo: kase.docNo, notes: [{ id: 1, body: kase.docNo }] });
  });
  it("runs a plugin's to-do provider as the plugin's role, seeing only the acting county's rows", async () => {
    const todos = await supervisor.caller.workbench.todos();
    expect(todos.find((p) => p.pluginId === 'probe')?.items.map((i) => [i.label, i.count])).toEqual([['zhengfa_plugin_probe', 1]]);
  });
});

describeEachEngine('database walls turned off', (engine) => {
  let t: TestKernel;
  beforeAll(async () => {
    t = await startTestKernel({ engine, plugins: [createNotesPlugin(), probe], databaseWalls: false });
  });
  afterAll(() => t.stop());

  it("runs a plugin's SQL as the connecting role, which reaches the kernel's tables", async () => {
    const { caller, ctx } = await t.signIn('supervisor');
    expect(ctx.inCounty).toBeUndefined();
    await expect((caller as any).probe.raw({ statement: 'kernelCases' })).resolves.toBeUndefined();
  });
});
