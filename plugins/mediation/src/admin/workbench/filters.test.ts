import { describe, expect, it } from 'vitest';
import { listFilters } from './filters.js';

describe('the disputes list filters', () => {
  it('reads the outcome to-dos’ ?due= filter and labels it', () => {
    expect(listFilters(new URLSearchParams('due=confirmation'))).toEqual({ input: { due: 'confirmation' }, receivedOn: null, label: '司法确认申请期限将届满' });
  });

  it('reads the mediation to-dos’ ?mediationDue= filter and labels it', () => {
    expect(listFilters(new URLSearchParams('mediationDue=overdue'))).toEqual({ input: { mediationDue: 'overdue' }, receivedOn: null, label: '调解超期' });
  });

  it('reads the list form’s own filters without a label', () => {
    expect(listFilters(new URLSearchParams('status=registered&overdue=1&q=%20王%20'))).toEqual({ input: { status: 'registered', overdue: true, search: '王' }, receivedOn: null, label: null });
  });

  it('ignores filter values the server does not know', () => {
    expect(listFilters(new URLSearchParams('due=tomorrow&mediationDue=later&status=lost&receivedOn=today'))).toEqual({ input: {}, receivedOn: null, label: null });
  });

  it('reads the workbench’s day of intake', () => {
    expect(listFilters(new URLSearchParams('receivedOn=2026-12-07'))).toEqual({ input: {}, receivedOn: '2026-12-07', label: '2026-12-07 受理' });
  });
});
