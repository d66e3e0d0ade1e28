import { describe, expect, it } from 'vitest';
import { DummyDriver, Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, sql } from 'kysely';
import type { AuthedContext, SessionUser } from '@zhengfa/plugin-api';
import type { KernelDatabase } from '../db/schema.js';
import { chinaDate } from './dates.js';
import { dateLiteral, statusLiterals, urgencyLiterals } from './plan-literals.js';
import { caseDashboardSql } from './dashboard.js';
import { ledgerQuery } from './queries.js';

// A query builder that compiles PostgreSQL without a connection.
const db = new Kysely<KernelDatabase>({
  dialect: {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => new DummyDriver(),
    createIntrospector: (k) => new PostgresIntrospector(k),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  },
});
const compile = (e: ReturnType<typeof sql>) => sql`select ${e}`.compile(db);

const liaison = {
  id: '00000000-0000-4000-8000-000000000001',
  tenantId: '990001',
  orgId: '00000000-0000-4000-8000-0000000000b2',
  orgPath: '/00000000-0000-4000-8000-0000000000a1/00000000-0000-4000-8000-0000000000b2/',
  committee: false,
} as SessionUser;
/** A request at 10:00 China time on 2026-11-23 (a Monday). */
const NOW = new Date('2026-11-23T02:00:00Z');
const ctxOf = (user: SessionUser) => ({ tenant: { id: user.tenantId, name: '示范县' }, user, now: () => NOW }) as unknown as AuthedContext;

describe('plan literals', () => {
  it('spells case statuses as quoted literals, not parameters', () => {
    const c = compile(statusLiterals(['assigned', 'in_progress']));
    expect(c.sql).toBe("select 'assigned', 'in_progress'");
    expect(c.parameters).toEqual([]);
  });

  it('refuses a value that is not a case status', () => {
    expect(() => statusLiterals(["closed') or true --"])).toThrow(/not a case status/);
  });

  it('refuses a value that is not an urgency class', () => {
    expect(() => urgencyLiterals(['normal', 'whenever'])).toThrow(/not an urgency class/);
  });

  it('refuses a day that is not YYYY-MM-DD', () => {
    expect(() => dateLiteral("2026-11-22' or '1")).toThrow(/not a calendar day/);
  });

  it("writes a ledger filter's statuses, urgencies and today into the statement and keeps the tenant a parameter", () => {
    const c = ledgerQuery(db, ctxOf(liaison), { status: ['in_progress'], urgency: ['critical'], overdue: true, dueWithinDays: 7 }).select('c.id').compile();
    expect(c.sql).toContain("c.status in ('in_progress')");
    expect(c.sql).toContain("c.urgency in ('critical')");
    expect(c.sql).toContain(`'2026-11-23'::date + 7::int`);
    expect(c.parameters).toContain('990001');
    expect(c.parameters).not.toContain('in_progress');
    expect(c.parameters).not.toContain('critical');
    expect(c.parameters).not.toContain('2026-11-23');
  });

  it("tests a unit user's scope as its organisation among the case's scope organisations, one parameter", () => {
    const c = ledgerQuery(db, ctxOf(liaison), {}).select('c.id').compile();
    expect(c.sql).toContain('coalesce("c"."scope_org_ids" @> array[$');
    expect(c.sql).not.toContain('kernel.orgs');
    expect(c.parameters).toContain(liaison.orgId);
  });

  it("lets the index find a unit user's scope when the plan says it is small", () => {
    const c = ledgerQuery(db, ctxOf(liaison), {}, { scopeIndexed: true }).select('c.id').compile();
    expect(c.sql).toContain('"c"."scope_org_ids" @> (select array[$');
    expect(c.sql).not.toContain('coalesce("c"."scope_org_ids"');
  });

  it("writes the dashboard's open statuses into its statement, so a reused plan still reads the open-case indexes", () => {
    const c = caseDashboardSql(db, { ...liaison, committee: true }, chinaDate()).compile(db);
    expect(c.sql).toContain("c.status in ('assigned', 'in_progress', 'submitted')");
    expect(c.parameters).not.toContain('assigned');
    expect(c.parameters).toContain('990001');
  });
});
