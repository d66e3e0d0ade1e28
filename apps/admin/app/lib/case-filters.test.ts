import { describe, expect, it } from 'vitest';
import { dashboardLinks, emptyLedgerQuery, hasFilter, ledgerFilter, ledgerFormNames, ledgerHiddenFields, ledgerHref, ledgerInput, ledgerParams, parseLedgerParams } from './case-filters.js';

const UNIT = '0f8b7a1e-3c2d-4e5f-9a8b-7c6d5e4f3a2b';

describe('ledger filter ↔ URL parameters', () => {
  it('reads an empty URL as the default query', () => {
    expect(parseLedgerParams(new URLSearchParams())).toEqual(emptyLedgerQuery);
    expect(ledgerParams(emptyLedgerQuery).toString()).toBe('');
    expect(ledgerHref()).toBe('/cases');
  });

  it('round-trips every filter, the sort and the page', () => {
    const q = {
      ...emptyLedgerQuery,
      kind: ['supervision'],
      status: ['assigned', 'in_progress'] as const,
      urgency: ['critical'] as const,
      unitId: UNIT,
      overdue: true,
      dueWithinDays: 7,
      from: '2026-01-01',
      to: '2026-03-31',
      keyword: '拖欠工资',
      sort: 'deadline' as const,
      dir: 'asc' as const,
      page: 3,
      pageSize: 50,
    };
    const params = ledgerParams({ ...q, status: [...q.status], urgency: [...q.urgency] });
    expect(params.getAll('status')).toEqual(['assigned', 'in_progress']);
    expect(params.get('q')).toBe('拖欠工资');
    expect(parseLedgerParams(new URLSearchParams(params.toString()))).toEqual({ ...q, status: [...q.status], urgency: [...q.urgency] });
  });

  it('accepts comma lists and ignores malformed values', () => {
    const q = parseLedgerParams(new URLSearchParams('status=closed,bogus&urgency=urgent&urgency=urgent&unit=not-a-uuid&due=999&from=2026-13&sort=title&dir=up&page=0&size=500&overdue=yes'));
    expect(q.status).toEqual(['closed']);
    expect(q.urgency).toEqual(['urgent']);
    expect(q.unitId).toBeNull();
    expect(q.dueWithinDays).toBeNull();
    expect(q.from).toBeNull();
    expect(q.sort).toBe('registeredAt');
    expect(q.dir).toBe('desc');
    expect(q.page).toBe(1);
    expect(q.pageSize).toBe(20);
    expect(q.overdue).toBe(false);
  });

  it('keeps due=0 (due today) and the overdue flag', () => {
    const q = parseLedgerParams(new URLSearchParams('due=0&overdue=1'));
    expect(q.dueWithinDays).toBe(0);
    expect(ledgerFilter(q)).toEqual({ dueWithinDays: 0, overdue: true });
  });

  it('builds the kernel input with only the filters that are set', () => {
    const q = parseLedgerParams(new URLSearchParams('q=%20张三%20&status=submitted'));
    expect(ledgerFilter(q)).toEqual({ keyword: '张三', status: ['submitted'] });
    expect(ledgerInput(q)).toEqual({ keyword: '张三', status: ['submitted'], sort: 'registeredAt', dir: 'desc', page: 1, pageSize: 20 });
    expect(hasFilter(q)).toBe(true);
    expect(hasFilter(emptyLedgerQuery)).toBe(false);
  });
});

describe('the filter form sent without JavaScript', () => {
  const current = { ...emptyLedgerQuery, status: ['assigned' as const], unitId: UNIT, keyword: '旧关键词', overdue: true, sort: 'deadline' as const, dir: 'asc' as const, page: 4, pageSize: 50 };

  it('carries every other filter, the sort and the page size as hidden fields, but not the keyword, overdue or page', () => {
    expect(ledgerHiddenFields(current)).toEqual([
      ['status', 'assigned'],
      ['unit', UNIT],
      ['sort', 'deadline'],
      ['dir', 'asc'],
      ['size', '50'],
    ]);
  });

  it('reads back as the query with the keyword typed and overdue unticked, from page 1', () => {
    const sent = new URLSearchParams([...ledgerHiddenFields(current), [ledgerFormNames.keyword, '拖欠工资']]);
    expect(parseLedgerParams(sent)).toEqual({ ...current, keyword: '拖欠工资', overdue: false, page: 1 });
  });

  it('reads a ticked "overdue" box as the overdue filter', () => {
    const sent = new URLSearchParams([...ledgerHiddenFields(current), [ledgerFormNames.overdue, '1']]);
    expect(parseLedgerParams(sent).overdue).toBe(true);
  });

  it('drops the 本单位承办 and 待调度 filters from the hidden fields only where their boxes are on the form', () => {
    const q = { ...emptyLedgerQuery, status: ['assigned' as const], ledByMe: true, dispatchDue: true };
    expect(ledgerHiddenFields(q)).toEqual([
      ['status', 'assigned'],
      ['lead', 'mine'],
      ['dispatch', '1'],
    ]);
    expect(ledgerHiddenFields(q, { lead: true, dispatch: true })).toEqual([['status', 'assigned']]);
    const sent = new URLSearchParams([...ledgerHiddenFields(q, { lead: true }), [ledgerFormNames.lead, 'mine']]);
    expect(parseLedgerParams(sent)).toEqual(q);
  });
});

describe("the workbench's links", () => {
  it('open the ledger filtered to the cases the unit leads (待签收) and to the cases whose dispatch is due (待调度)', () => {
    const lead = parseLedgerParams(new URLSearchParams('status=assigned&lead=mine&sort=deadline&dir=asc'));
    expect(ledgerFilter(lead)).toEqual({ status: ['assigned'], ledByMe: true });
    expect(ledgerFilter(parseLedgerParams(new URLSearchParams('dispatch=1&sort=nextDispatch&dir=asc')))).toEqual({ dispatchDue: true });
  });
});

describe('dashboard links', () => {
  it('lead to the ledger filtered to what each figure counts', () => {
    expect(dashboardLinks.total()).toBe('/cases');
    expect(dashboardLinks.overdue()).toBe('/cases?overdue=1&sort=deadline&dir=asc');
    expect(dashboardLinks.dueThisWeek()).toBe('/cases?due=7&sort=deadline&dir=asc');
    expect(dashboardLinks.dispatchDue()).toBe('/cases?dispatch=1&sort=nextDispatch&dir=asc');
    expect(dashboardLinks.closed('supervision')).toBe('/cases?kind=supervision&status=closed&status=archived');
    expect(dashboardLinks.urgency('critical')).toBe('/cases?status=assigned&status=in_progress&status=submitted&urgency=critical');
    expect(dashboardLinks.unit(UNIT, { overdue: true })).toBe(`/cases?unit=${UNIT}&overdue=1`);
    const parsed = parseLedgerParams(new URLSearchParams(dashboardLinks.overdue().split('?')[1]));
    expect(parsed.overdue).toBe(true);
    expect(parsed.sort).toBe('deadline');
  });
});
