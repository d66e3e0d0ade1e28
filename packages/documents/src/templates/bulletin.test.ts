import { describe, expect, it } from 'vitest';
import { renderDocx } from '../layout.js';
import { exampleBulletin } from '../examples.js';
import { openDocx } from '../testing.js';
import { bulletin, closureRate } from './bulletin.js';

const open = async (data = exampleBulletin) => openDocx(await renderDocx(bulletin(data)));

describe('bulletin', () => {
  it('renders a valid docx zip with [Content_Types].xml', async () => {
    expect((await open()).files).toContain('[Content_Types].xml');
  });

  it('carries the document number, the Chinese date and the recipients', async () => {
    const doc = await open();
    expect(doc.paragraphs).toContain('示政法通〔2026〕11号');
    expect(doc.paragraphs).toContain('2026年12月3日');
    expect(doc.paragraphs).toContain('县公安局、县人民检察院、县人民法院、县司法局：');
  });

  it('titles the bulletin after the period', async () => {
    expect((await open()).paragraphs).toContain('关于2026年11月执法监督案件办理情况的通报');
  });

  it('states the counts with the closure rate', async () => {
    expect((await open()).text).toContain(
      '2026年11月，全县共有执法监督案件120件，其中新增18件，办结98件，办结率81.7%；超期未办结2件。',
    );
  });

  it('tabulates each unit with a total row', async () => {
    const doc = await open();
    const tables = doc.xml.split('<w:tbl>').length - 1;
    expect(tables).toBe(2);
    const p = doc.paragraphs;
    const header = p.indexOf('单位');
    expect(p.slice(header, header + 4)).toEqual(['单位', '在办', '办结', '超期']);
    const total = p.indexOf('合计');
    expect(p.slice(total, total + 4)).toEqual(['合计', '22', '98', '2']);
  });

  it('lists the overdue cases with number, title, unit, deadline and days overdue', async () => {
    const p = (await open()).paragraphs;
    expect(p.slice(p.indexOf('文号'), p.indexOf('文号') + 5)).toEqual(['文号', '标题', '承办单位', '处理期限', '超期天数']);
    const row = p.indexOf('示政法登〔2026〕41号');
    expect(p.slice(row, row + 5)).toEqual(['示政法登〔2026〕41号', '张某反映执行款未到位问题', '县人民法院', '2026年11月25日', '5']);
  });

  it('says there is no overdue case instead of an empty table', async () => {
    const doc = await open({ ...exampleBulletin, overdueList: [] });
    expect(doc.text).toContain('本期无超期未办结案件。');
    expect(doc.xml.split('<w:tbl>').length - 1).toBe(1);
  });

  it('closes with the default requirements numbered （一）（二）（三）', async () => {
    const p = (await open()).paragraphs;
    expect(p.some((x) => x.startsWith('（一）各单位要对照通报情况认真自查'))).toBe(true);
    expect(p.some((x) => x.startsWith('（三）本委将持续跟踪督办'))).toBe(true);
  });

  it('uses the given scope and requirements', async () => {
    const doc = await open({ ...exampleBulletin, scope: '全区', requirements: ['各单位于月底前完成清理。'] });
    expect(doc.text).toContain('全区共有执法监督案件120件');
    expect(doc.paragraphs).toContain('（一）各单位于月底前完成清理。');
  });
});

describe('closureRate', () => {
  it('rounds to one decimal and drops a trailing zero', () => {
    expect(closureRate(118, 120)).toBe('98.3%');
    expect(closureRate(3, 3)).toBe('100%');
    expect(closureRate(1, 2)).toBe('50%');
  });

  it('is zero when there is no case', () => {
    expect(closureRate(0, 0)).toBe('0%');
  });
});
