import { describe, expect, it } from 'vitest';
import { parseRosterDate } from './dates.js';

describe('dates as rosters write them', () => {
  it.each([
    ['2008-07-01', '2008-07-01', false],
    ['2008/7/1', '2008-07-01', false],
    ['2008年7月1日', '2008-07-01', false],
    ['２００８年７月１日', '2008-07-01', false],
    ['20080701', '2008-07-01', false],
    [39630, '2008-07-01', false],
    ['39630', '2008-07-01', false],
    ['2008.07', '2008-07-01', true],
    ['2008.7', '2008-07-01', true],
    ['2008-07', '2008-07-01', true],
    ['2008年7月', '2008-07-01', true],
    ['200807', '2008-07-01', true],
    [2008.07, '2008-07-01', true],
    [2008.1, '2008-10-01', true],
  ] as const)('reads %s as %s', (typed, iso, monthOnly) => {
    expect(parseRosterDate(typed)).toEqual({ date: iso, monthOnly });
  });

  it.each(['2008.13', '2008年2月30日'])('calls %s a date that does not exist', (typed) => {
    expect(parseRosterDate(typed)).toEqual({ invalid: 'impossible' });
  });

  it.each(['去年七月', '7月', 12])('does not take %s for a date', (typed) => {
    expect(parseRosterDate(typed)).toEqual({ invalid: 'format' });
  });
});
