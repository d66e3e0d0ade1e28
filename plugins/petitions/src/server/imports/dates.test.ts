import { describe, expect, it } from 'vitest';
import { parseDate } from './rows.js';

describe('dates as people type them in a ledger', () => {
  it.each([
    ['２０２３年３月８日', '2023-03-08'],
    ['2023.3.5', '2023-03-05'],
    ['2023/3/5', '2023-03-05'],
    ['2023-03-05', '2023-03-05'],
    ['2023年3月5日', '2023-03-05'],
    ['2023年3月5号', '2023-03-05'],
    ['2023-03-05 14:30', '2023-03-05'],
    ['20230305', '2023-03-05'],
    ['44990', '2023-03-05'],
    [44990, '2023-03-05'],
    [20230305, '2023-03-05'],
  ] as const)('reads %s as %s', (typed, iso) => {
    expect(parseDate(typed)).toEqual({ date: iso });
  });

  it.each(['2023-13-05', '2023年2月30日', '２０２３．１３．１'])('calls %s a date that does not exist', (typed) => {
    expect(parseDate(typed)).toEqual({ invalid: 'impossible' });
  });

  it.each(['去年三月', '3月5日', '2023', 2023, 12])('does not take %s for a date', (typed) => {
    expect(parseDate(typed)).toEqual({ invalid: 'format' });
  });

  it('reads an empty cell as no date', () => {
    expect(parseDate(null)).toBeNull();
  });
});
