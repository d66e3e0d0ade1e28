import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as field from './fields.js';
import { chineseIssueMessage } from './field-errors.js';
import './trpc.js';

function firstMessage(schema: z.ZodType, input: unknown): string {
  const r = schema.safeParse(input);
  if (r.success) throw new Error(`accepted ${JSON.stringify(input)}`);
  return r.error.issues[0]!.message;
}

afterEach(() => field.setFieldClock(null));

describe('text', () => {
  const title = field.text('标题', { min: 4, max: 10 });

  it('names the field when the value is missing', () => {
    expect(firstMessage(z.object({ title }), {})).toBe('请填写「标题」');
  });

  it('names the field when the value is not a string', () => {
    expect(firstMessage(title, 12)).toBe('「标题」应为文字');
  });

  it('refuses NUL naming the field', () => {
    expect(firstMessage(title, '关于\u0000某事项')).toBe('「标题」不能包含空字符（\\0），请删除后重新提交');
  });

  it('strips control characters other than tab and newline and turns CRLF into LF', () => {
    expect(field.text('内容', { max: 100 }).parse('甲\u0001乙\u001f丙\t丁\r\n戊\u007f\u0085己\uffff')).toBe('甲乙丙\t丁\n戊己');
  });

  it('strips lone surrogates but keeps pairs', () => {
    expect(field.text('内容', { max: 100 }).parse('a\ud800b\udc00c😀')).toBe('abc😀');
  });

  it('counts the length after trimming and cleaning', () => {
    expect(title.parse(`  关于\u0002某事项  `)).toBe('关于某事项');
    expect(firstMessage(title, '关于某')).toBe('「标题」至少 4 个字');
    expect(firstMessage(title, '一二三四五六七八九十一')).toBe('「标题」不能超过 10 个字');
  });

  it('reads an empty required text as missing', () => {
    expect(firstMessage(field.text('姓名', { min: 1, max: 10 }), '   ')).toBe('请填写「姓名」');
  });

  it('turns an empty optional text into null', () => {
    const s = z.object({ address: field.optionalText('住址', { max: 20 }) });
    expect(s.parse({ address: '  ' })).toEqual({ address: null });
    expect(s.parse({})).toEqual({ address: null });
  });
});

describe('fileName', () => {
  it('refuses a right-to-left override that disguises the extension', () => {
    expect(firstMessage(field.fileName('文件名'), '报告\u202Excod.exe')).toBe('「文件名」不能包含改变文字方向的控制字符，请改用普通文件名');
  });

  it('accepts an ordinary Chinese file name', () => {
    expect(field.fileName('文件名').parse(' 2026年信访台账.xlsx ')).toBe('2026年信访台账.xlsx');
  });
});

describe('isoDate', () => {
  const received = field.isoDate('受理日期', { notFuture: true });

  it('refuses a date that matches YYYY-MM-DD but does not exist', () => {
    expect(firstMessage(received, '2026-02-30')).toBe('「受理日期」2026-02-30 不是存在的日期');
    expect(firstMessage(received, '2026-13-01')).toBe('「受理日期」2026-13-01 不是存在的日期');
    expect(firstMessage(received, '0000-01-01')).toBe('「受理日期」0000-01-01 不是存在的日期');
  });

  it('refuses a date that is not in YYYY-MM-DD form', () => {
    expect(firstMessage(received, '2026/3/5')).toBe('「受理日期」应为“年-月-日”格式的日期，例如 2026-03-05');
  });

  it('refuses a future date when the field is notFuture, by the field clock', () => {
    field.setFieldClock(() => new Date('2026-11-21T15:59:59Z'));
    expect(received.parse('2026-11-21')).toBe('2026-11-21');
    expect(firstMessage(received, '2026-11-22')).toBe('「受理日期」不能晚于今天（2026-11-21）');
    field.setFieldClock(() => new Date('2026-11-21T16:00:00Z'));
    expect(received.parse('2026-11-22')).toBe('2026-11-22');
  });

  it('refuses year 9999 for any date', () => {
    field.setFieldClock(() => new Date('2026-11-21T04:00:00Z'));
    expect(firstMessage(field.isoDate('截止日期'), '9999-12-31')).toBe('「截止日期」不能晚于 2036-11-21');
  });

  it('refuses a deadline further ahead than its limit', () => {
    field.setFieldClock(() => new Date('2026-11-21T04:00:00Z'));
    const deadline = field.isoDate('处理期限', { maxDaysAhead: field.DEADLINE_DAYS_AHEAD });
    expect(deadline.parse('2028-11-21')).toBe('2028-11-21');
    expect(firstMessage(deadline, '2028-11-22')).toBe('「处理期限」不能晚于 2028-11-21');
  });

  it('refuses dates before 1990', () => {
    expect(firstMessage(received, '1989-12-31')).toBe('「受理日期」不能早于 1990-01-01');
  });
});

describe('dateTime', () => {
  it('refuses an instant that is not a time', () => {
    expect(firstMessage(field.dateTime('会议时间'), 'tomorrow')).toBe('「会议时间」应为日期和时间，例如 2026-03-05 09:30');
  });

  it('refuses an instant beyond the plausible range', () => {
    field.setFieldClock(() => new Date('2026-11-21T04:00:00Z'));
    expect(firstMessage(field.dateTime('会议时间'), '+275760-09-13T00:00:00.000Z')).toBe('「会议时间」不能晚于 2036-11-21');
    expect(firstMessage(field.dateTime('会议时间'), new Date('0001-01-01T00:00:00Z'))).toBe('「会议时间」不能早于 1990-01-01');
  });

  it('accepts an ISO timestamp and a Date', () => {
    expect(field.dateTime('会议时间').parse('2026-03-05T01:30:00.000Z')).toEqual(new Date('2026-03-05T01:30:00.000Z'));
  });
});

describe('uuid, int, choice, list', () => {
  it('asks to choose a missing id', () => {
    expect(firstMessage(z.object({ unitId: field.uuid('承办单位') }), {})).toBe('请选择「承办单位」');
    expect(firstMessage(field.uuid('承办单位'), 'abc')).toBe('「承办单位」格式不正确');
  });

  it('refuses huge and fractional numbers naming the field', () => {
    const n = field.int('人数', { min: 1, max: 100 });
    expect(firstMessage(n, 1e308)).toBe('「人数」不能大于 100');
    expect(firstMessage(n, 1.5)).toBe('「人数」应为整数');
    expect(firstMessage(n, '3')).toBe('「人数」应为数字');
    expect(firstMessage(n, 0)).toBe('「人数」不能小于 1');
  });

  it('asks to choose among the values', () => {
    expect(firstMessage(field.choice('紧急程度', ['normal', 'urgent']), 'x')).toBe('请选择「紧急程度」');
  });

  it('names the list when it is too long', () => {
    expect(firstMessage(field.list('协办单位', field.uuid('协办单位'), { max: 1 }), ['a', 'b'])).toBe('「协办单位」最多 1 项');
  });
});

describe('the error map for schemas written by hand', () => {
  it('names a field by its key when no name was given', () => {
    expect(firstMessage(z.object({ keyword: z.string() }), {})).toBe('请填写「关键词」');
  });

  it('answers an input that is not an object without zod English or its locale', () => {
    expect(firstMessage(z.object({ a: z.string() }), 'x')).toBe('提交的内容格式不正确，请刷新页面后重试');
  });

  it('names a field built by a helper even through optional and default wrappers', () => {
    expect(chineseIssueMessage({ code: 'invalid_type', expected: 'string', input: undefined, path: ['x'], inst: field.text('事由', { max: 5 }).optional() } as never)).toBe(
      '请填写「事由」',
    );
  });
});
