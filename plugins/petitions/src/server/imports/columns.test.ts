import { describe, expect, it } from 'vitest';
import { columnDefinitions, resolveColumns } from './columns.js';
import { shortForms } from './units.js';

const header = (...names: string[]) => new Map(names.map((n, i) => [i + 1, n]));
const fieldsOf = (h: Map<number, string>, given?: Parameters<typeof resolveColumns>[1]) =>
  Object.fromEntries(Object.entries(resolveColumns(h, given).columns).map(([f, c]) => [f, c!.header]));

describe('ledger columns', () => {
  it('maps common synonyms by themselves: 联系电话, 人次, 信访内容', () => {
    expect(fieldsOf(header('日期', '渠道', '人次', '姓名', '联系电话', '类别', '信访内容', '诉求'))).toEqual({
      receivedOn: '日期', channel: '渠道', personCount: '人次', name: '姓名', phone: '联系电话', category: '类别', content: '信访内容', demands: '诉求',
    });
  });

  it('takes 诉求 for the content when the ledger has no content column', () => {
    expect(fieldsOf(header('日期', '渠道', '姓名', '类别', '诉求'))).toMatchObject({ content: '诉求' });
    expect(fieldsOf(header('日期', '渠道', '姓名', '类别', '诉求')).demands).toBeUndefined();
  });

  it('ignores spaces, a trailing colon or asterisk and a trailing note in brackets', () => {
    expect(fieldsOf(header('日 期', '渠道：', '姓名*', '类别（必填）', '内容'))).toMatchObject({ receivedOn: '日 期', channel: '渠道：', name: '姓名*', category: '类别（必填）' });
  });

  it('prefers what the officer mapped, and says which mapped header is missing', () => {
    expect(fieldsOf(header('日期', '收信日期', '渠道', '姓名', '类别', '内容'), { receivedOn: '收信日期' })).toMatchObject({ receivedOn: '收信日期' });
    expect(resolveColumns(header('日期', '渠道', '姓名', '类别', '内容'), { receivedOn: '收信日期' }).errors).toEqual(['表头中没有「收信日期」列，请检查列对应关系']);
  });

  it('names the missing required columns by their template header', () => {
    expect(resolveColumns(header('年月', '渠道', '姓名'), undefined).missing).toEqual(['日期', '类别', '内容']);
  });

  it('gives the console the same template headers the check uses', () => {
    expect(columnDefinitions().map((c) => c.header)).toEqual(['日期', '渠道', '人数', '姓名', '身份证号', '电话', '住址', '涉及单位', '类别', '内容', '诉求', '是否息访', '办理结果', '办结日期']);
    expect(columnDefinitions().find((c) => c.field === 'phone')?.synonyms).toContain('联系电话');
  });
});

describe('short forms of unit names', () => {
  it('drops the county or keeps its level, and drops 人民', () => {
    expect(shortForms('示范县人民检察院', '示范县').sort()).toEqual(['人民检察院', '县人民检察院', '县检察院', '检察院', '示范县检察院'].sort());
    expect(shortForms('示范县公安局', '示范县').sort()).toEqual(['公安局', '县公安局'].sort());
    expect(shortForms('城关派出所', '示范县')).toEqual([]);
  });
});
