import { beforeAll, describe, expect, it } from 'vitest';
import { loadParser } from './analyze.js';
import { check, formatReport, isTestCaller, productSchemas, mergeCatalogs, passed, type AllowEntry, type CatalogRelation, type LoggedStatement, type ReferenceTable } from './check.js';

const relations = mergeCatalogs([
  [
    { name: 'kernel.cases', kind: 'table', tenant: true },
    { name: 'kernel.tenants', kind: 'table', tenant: false },
  ],
  [
    { name: 'kernel.outbox', kind: 'table', tenant: true },
    { name: 'meta.migrations', kind: 'table', tenant: false },
  ],
] satisfies CatalogRelation[][]);

const references: ReferenceTable[] = [
  { table: 'kernel.tenants', placement: 'reference', reason: 'the counties' },
  { table: 'kernel.outbox', placement: 'coordinator', reason: 'the outbox' },
  { table: 'meta.*', placement: 'coordinator', reason: 'bookkeeping' },
];

const product = (sql: string, file = 'packages/kernel/src/cases/service.ts', fn = 'listCases'): LoggedStatement => ({ sql, frames: [{ file, fn }], role: 'zhengfa_app' });
const fromTest = (sql: string): LoggedStatement => ({ sql, frames: [{ file: 'packages/kernel/src/cases/ledger.test.ts', fn: '' }], role: null });

beforeAll(loadParser);

describe('isTestCaller', () => {
  it('takes test files, harnesses, test-utils and tooling for test code, and the rest for the product', () => {
    const files = ['packages/kernel/src/cases/ledger.test.ts', 'packages/kernel/src/testing/test-kernel.ts', 'packages/db/src/testing.ts', 'packages/test-utils/src/fixtures/cases.ts', 'tooling/bench/src/generate.ts', 'packages/kernel/src/cases/queries.ts', 'plugins/petitions/src/server/lookup/service.ts'];
    expect(files.map((file) => isTestCaller([{ file, fn: '' }]))).toEqual([true, true, true, true, true, false, false]);
  });

  it('takes a statement with no frame of the repository for test code', () => {
    expect(isTestCaller([])).toBe(true);
  });
});

describe('check', () => {
  it('passes pinned statements and counts what it judged', () => {
    const r = check([product('select * from kernel.cases where tenant_id = $1'), product('select * from kernel.tenants'), product('begin')], relations, references, []);
    expect([r.statements, r.judged, r.onTenantTables, r.offenders.length, passed(r)]).toEqual([3, 2, 1, 0, true]);
  });

  it('leaves statements that only tests ran unjudged', () => {
    const r = check([fromTest('select * from kernel.cases')], relations, references, []);
    expect([r.testOnly, r.judged, passed(r)]).toEqual([1, 0, false]);
  });

  it('judges a text that a test and the product both ran', () => {
    const r = check([fromTest('select * from kernel.cases'), product('select * from kernel.cases')], relations, references, []);
    expect(r.offenders).toEqual([{ sql: 'select * from kernel.cases', findings: [{ kind: 'unkeyed', table: 'kernel.cases' }], callers: [[{ file: 'packages/kernel/src/cases/service.ts', fn: 'listCases' }]] }]);
  });

  it('does not judge the tables kept on the coordinator', () => {
    const r = check([product('select * from kernel.outbox where id > $1')], relations, references, []);
    expect(r.offenders).toEqual([]);
  });

  it('lets an allowlisted caller through and counts it', () => {
    const allow: AllowEntry[] = [{ file: 'packages/kernel/src/cases/*.ts', fn: 'sweep', reason: 'every county' }];
    const r = check([product('select * from kernel.cases', 'packages/kernel/src/cases/reminders.ts', 'sweep')], relations, references, allow);
    expect([r.offenders.length, r.allowed[0]!.statements]).toEqual([0, 1]);
  });

  it('still fails a text when one of its callers is not allowlisted', () => {
    const allow: AllowEntry[] = [{ file: 'packages/kernel/src/cases/reminders.ts', reason: 'every county' }];
    const r = check([product('select * from kernel.cases', 'packages/kernel/src/cases/reminders.ts', 'sweep'), product('select * from kernel.cases')], relations, references, allow);
    expect(r.offenders.map((o) => o.callers)).toEqual([[[{ file: 'packages/kernel/src/cases/service.ts', fn: 'listCases' }]]]);
  });

  it('matches an entry with `contains` only on statements containing its text', () => {
    const allow: AllowEntry[] = [{ file: 'packages/kernel/src/cases/service.ts', contains: 'is true', reason: 'planner hint' }];
    const r = check([product('select * from kernel.cases where (tenant_id = $1) is true'), product('select * from kernel.cases where id = $1')], relations, references, allow);
    expect(r.offenders.map((o) => o.sql)).toEqual(['select * from kernel.cases where id = $1']);
  });

  it('leaves the relations of schemas that are no product schema to the tests that made them', () => {
    const fixture = mergeCatalogs([[{ name: 'probe.items', kind: 'table', tenant: true }, { name: 'probe.log', kind: 'table', tenant: false }]]);
    const r = check([product('select * from probe.items')], fixture, [], [], productSchemas(['petitions']));
    expect([r.offenders.length, r.unlistedReference, r.tenantTables]).toEqual([0, [], 0]);
  });

  it('judges the tables of a plugin of the repository', () => {
    const plugin = mergeCatalogs([[{ name: 'petitions.matters', kind: 'table', tenant: true }]]);
    const r = check([product('select * from petitions.matters where query_code = $1')], plugin, [], [], productSchemas(['petitions']));
    expect(r.offenders.map((o) => o.findings)).toEqual([[{ kind: 'unkeyed', table: 'petitions.matters' }]]);
  });

  it('fails on a relation without tenant_id that the list does not place', () => {
    const r = check([product('select 1')], mergeCatalogs([[{ name: 'kernel.holidays', kind: 'table', tenant: false }]]), [], []);
    expect(r.unlistedReference).toEqual(['kernel.holidays']);
  });

  it('fails on a reference table that has a tenant_id', () => {
    const r = check([product('select 1')], relations, [{ table: 'kernel.cases', placement: 'reference', reason: 'by mistake' }], []);
    expect(r.listedButTenant).toEqual(['kernel.cases']);
  });

  it('reports a statement that does not parse', () => {
    const r = check([product('selec 1')], relations, references, []);
    expect(r.unparsed).toEqual([{ sql: 'selec 1', error: 'syntax error at or near "selec"' }]);
  });

  it('ends its report with the figures', () => {
    const r = check([product('select * from kernel.cases where tenant_id = $1')], relations, references, []);
    expect(formatReport(r).at(-1)).toBe('tenant-key: 1 distinct statements logged, 0 from tests\' own code; 1 product statements judged, 1 on distributed tables (1 distributed by tenant_id, 3 not); 0 allowlisted, 0 offenders');
  });
});
