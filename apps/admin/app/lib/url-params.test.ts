import { describe, expect, it } from 'vitest';
import { loader as ledgerLoader } from '../routes/_console.cases._index.js';
import { loader as auditLoader } from '../routes/_console.audit.js';
import { addressProblem, isRealDay } from './url-params.js';

const names = { days: { from: '起始日期', to: '截止日期' }, texts: { q: '关键词' } };

describe('dates and text in the address', () => {
  it('tells real calendar dates from date-shaped strings that do not exist', () => {
    expect(isRealDay('2024-02-29')).toBe(true);
    expect(isRealDay('2026-02-30')).toBe(false);
    expect(isRealDay('2026-13-01')).toBe(false);
    expect(isRealDay('0000-01-01')).toBe(false);
  });

  it('names the field of a date that does not exist', () => {
    expect(addressProblem(new URLSearchParams('from=2026-02-30'), names)).toBe('地址中的「起始日期」2026-02-30 不是存在的日期，请重新选择');
    expect(addressProblem(new URLSearchParams('to=2026-13-01'), names)).toBe('地址中的「截止日期」2026-13-01 不是存在的日期，请重新选择');
  });

  it('names the field of text with a NUL character', () => {
    expect(addressProblem(new URLSearchParams('q=a%00b'), names)).toBe('地址中的「关键词」包含空字符（\\0），请删除后重试');
  });

  it('leaves real dates and values of other shapes to the parsers', () => {
    expect(addressProblem(new URLSearchParams('from=2026-02-28&to=abc&q=土地'), names)).toBeNull();
  });
});

/** What a loader threw: Remix's data() with its status. */
async function thrownBy(fn: () => Promise<unknown>): Promise<{ status: number; message: string }> {
  try {
    await fn();
  } catch (err) {
    const e = err as { init?: { status?: number }; data?: { message?: string } };
    return { status: e.init?.status ?? 0, message: e.data?.message ?? '' };
  }
  throw new Error('the loader did not refuse');
}

// The loaders refuse before calling any procedure: a context without a caller is enough.
const args = (url: string) => ({ request: new Request(url), context: {} as never, params: {} });

describe('console pages refuse a bad address with 400', () => {
  it('answers /cases?from=2026-02-30 with 400 naming the field', async () => {
    expect(await thrownBy(() => ledgerLoader(args('http://localhost/cases?from=2026-02-30')))).toEqual({ status: 400, message: '地址中的「起始日期」2026-02-30 不是存在的日期，请重新选择' });
  });

  it('answers /audit?to=2026-02-30 with 400 naming the field', async () => {
    expect(await thrownBy(() => auditLoader(args('http://localhost/audit?to=2026-02-30')))).toEqual({ status: 400, message: '地址中的「截止日期」2026-02-30 不是存在的日期，请重新选择' });
  });
});
