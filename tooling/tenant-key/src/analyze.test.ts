import { beforeAll, describe, expect, it } from 'vitest';
import { analyze, loadParser, type Catalog } from './analyze.js';

const catalog: Catalog = new Map([
  ['kernel.cases', { tenant: true }],
  ['kernel.parties', { tenant: true }],
  ['kernel.tenants', { tenant: false }],
  ['kernel.holidays', { tenant: false }],
  ['petitions.petitions', { tenant: true }],
]);

const findings = (text: string) => analyze(text, catalog).findings;

beforeAll(loadParser);

describe('analyze', () => {
  it('passes a select pinned by a parameter', () => {
    expect(findings('select * from kernel.cases where tenant_id = $1 and id = $2')).toEqual([]);
  });

  it('finds a select with no tenant_id equality', () => {
    expect(findings('select * from kernel.cases where id = $1')).toEqual([{ kind: 'unkeyed', table: 'kernel.cases' }]);
  });

  it('does not take an equality under OR as pinning', () => {
    expect(findings("select * from kernel.cases where tenant_id = $1 or id = $2")).toEqual([{ kind: 'unkeyed', table: 'kernel.cases' }]);
  });

  it('does not take tenant_id = any($1) as pinning', () => {
    expect(findings('select * from kernel.cases where tenant_id = any($1)')).toEqual([{ kind: 'unkeyed', table: 'kernel.cases' }]);
  });

  it('takes a constant and a cast parameter as pinning', () => {
    expect(findings("select * from kernel.cases c where c.tenant_id = '510104'")).toEqual([]);
    expect(findings('select * from kernel.cases c where c.tenant_id = $1::text')).toEqual([]);
  });

  it('passes a join tied by tenant_id in its ON clause', () => {
    expect(findings('select * from kernel.cases c join kernel.parties p on p.tenant_id = c.tenant_id and p.case_id = c.id where c.tenant_id = $1')).toEqual([]);
  });

  it('passes a join whose two sides are pinned by the same parameter', () => {
    expect(findings('select * from kernel.cases c join kernel.parties p on p.case_id = c.id where c.tenant_id = $1 and p.tenant_id = $1')).toEqual([]);
  });

  it('finds a join whose two sides are pinned by different parameters', () => {
    expect(findings('select * from kernel.cases c join kernel.parties p on p.case_id = c.id where c.tenant_id = $1 and p.tenant_id = $2')).toEqual([
      { kind: 'unjoined', tables: ['kernel.cases', 'kernel.parties'] },
    ]);
  });

  it('finds the unpinned side of a join', () => {
    expect(findings('select * from kernel.cases c left join kernel.parties p on p.case_id = c.id where c.tenant_id = $1')).toEqual([
      { kind: 'unkeyed', table: 'kernel.parties' },
    ]);
  });

  it('passes a join with a reference table', () => {
    expect(findings('select * from kernel.cases c join kernel.tenants t on t.id = c.tenant_id where c.tenant_id = $1')).toEqual([]);
  });

  it('passes a correlated subquery tied to the pinned outer reference', () => {
    expect(findings('select * from kernel.cases c where c.tenant_id = $1 and exists (select 1 from kernel.parties p where p.tenant_id = c.tenant_id and p.case_id = c.id)')).toEqual([]);
  });

  it('finds a correlated subquery tied only by the case id', () => {
    expect(findings('select * from kernel.cases c where c.tenant_id = $1 and exists (select 1 from kernel.parties p where p.case_id = c.id)')).toEqual([
      { kind: 'unkeyed', table: 'kernel.parties' },
    ]);
  });

  it('resolves an unqualified tenant_id in a subquery to its own table', () => {
    expect(findings('select * from kernel.cases c where c.tenant_id = $1 and c.id in (select case_id from kernel.parties where tenant_id = $1)')).toEqual([]);
  });

  it('passes a LATERAL subquery tied to the pinned reference before it', () => {
    expect(findings('select * from kernel.cases c, lateral (select count(*) from kernel.parties p where p.tenant_id = c.tenant_id and p.case_id = c.id) n where c.tenant_id = $1')).toEqual([]);
  });

  it('finds a LATERAL subquery tied only by the case id', () => {
    expect(findings('select * from kernel.cases c, lateral (select count(*) from kernel.parties p where p.case_id = c.id) n where c.tenant_id = $1')).toEqual([{ kind: 'unkeyed', table: 'kernel.parties' }]);
  });

  it('passes a pinned CTE joined to a pinned table', () => {
    expect(findings('with x as (select id, tenant_id from kernel.cases where tenant_id = $1) select * from x join kernel.parties p on p.tenant_id = x.tenant_id and p.case_id = x.id')).toEqual([]);
  });

  it('finds an unpinned CTE', () => {
    expect(findings('with x as (select id from kernel.cases) select * from x')).toEqual([{ kind: 'unkeyed', table: 'kernel.cases' }]);
  });

  it('passes an insert that writes tenant_id', () => {
    expect(findings('insert into petitions.petitions (tenant_id, id) values ($1, $2) on conflict (tenant_id, id) do update set id = excluded.id')).toEqual([]);
  });

  it('finds an insert that does not write tenant_id', () => {
    expect(findings('insert into petitions.petitions (id) values ($1)')).toEqual([{ kind: 'unkeyed', table: 'petitions.petitions' }]);
  });

  it('checks the query an insert copies from', () => {
    expect(findings('insert into kernel.parties (tenant_id, case_id) select tenant_id, id from kernel.cases')).toEqual([{ kind: 'unkeyed', table: 'kernel.cases' }]);
  });

  it('finds an update and a delete with no tenant_id equality', () => {
    expect(findings('update kernel.cases set title = $1 where id = $2')).toEqual([{ kind: 'unkeyed', table: 'kernel.cases' }]);
    expect(findings('delete from kernel.parties where case_id = $1')).toEqual([{ kind: 'unkeyed', table: 'kernel.parties' }]);
  });

  it('passes an update from another county table tied by tenant_id', () => {
    expect(findings('update kernel.cases c set title = p.name from kernel.parties p where c.tenant_id = $1 and p.tenant_id = c.tenant_id and p.case_id = c.id')).toEqual([]);
  });

  it('finds each side of a union on its own', () => {
    expect(findings('select id from kernel.cases where tenant_id = $1 union all select case_id from kernel.parties')).toEqual([{ kind: 'unkeyed', table: 'kernel.parties' }]);
  });

  it('leaves reference tables and statements other than DML alone', () => {
    expect(analyze('select * from kernel.holidays', catalog)).toEqual({ dml: true, tenantTables: [], unknownTables: [], findings: [] });
    expect(analyze('create index on kernel.cases (id)', catalog)).toEqual({ dml: false, tenantTables: [], unknownTables: [], findings: [] });
  });

  it('names the relations missing from the catalog', () => {
    expect(analyze('select * from cases_view', catalog).unknownTables).toEqual(['public.cases_view']);
  });
});
