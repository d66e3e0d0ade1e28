import { describe, expect, it } from 'vitest';
import {
  buildOfficialDocument,
  chineseOrdinal,
  formatChineseDate,
  renderDocx,
  resolveDocNo,
  type OfficialDocumentSpec,
} from './layout.js';
import { exampleOrgan } from './examples.js';
import { openDocx } from './testing.js';

const spec: OfficialDocumentSpec = {
  organ: exampleOrgan,
  docNo: '示政法督〔2026〕12号',
  title: '关于测试的通知',
  recipients: ['县公安局', '县人民法院'],
  body: [
    { kind: 'heading', text: '一、总体情况' },
    { kind: 'paragraph', text: '正文第一段。' },
  ],
  attachments: ['案件清单', '统计表'],
  date: '2026-11-21',
  copyTo: ['县委办公室', '县政府办公室'],
};

describe('formatChineseDate', () => {
  it('writes an ISO date as year, month and day without leading zeros', () => {
    expect(formatChineseDate('2026-11-21')).toBe('2026年11月21日');
    expect(formatChineseDate('2026-01-05')).toBe('2026年1月5日');
  });

  it('ignores the time part of an ISO timestamp', () => {
    expect(formatChineseDate('2026-11-21T23:30:00+08:00')).toBe('2026年11月21日');
  });

  it('reads a Date in local time', () => {
    expect(formatChineseDate(new Date(2026, 10, 21, 9))).toBe('2026年11月21日');
  });

  it('rejects a date that does not exist', () => {
    expect(() => formatChineseDate('2026-02-30')).toThrow(RangeError);
    expect(() => formatChineseDate('21/11/2026')).toThrow(RangeError);
  });
});

describe('numbering', () => {
  it('writes Chinese ordinals up to ninety-nine', () => {
    expect([1, 3, 10, 12, 20, 21, 99].map(chineseOrdinal)).toEqual(['一', '三', '十', '十二', '二十', '二十一', '九十九']);
  });

  it('formats a document number from its parts with the organ abbreviation', () => {
    expect(resolveDocNo(exampleOrgan, { year: 2026, seq: 12 }, '督')).toBe('示政法督〔2026〕12号');
    expect(resolveDocNo({ ...exampleOrgan, abbreviation: '宜' }, { year: 2026, seq: 3, kindWord: '协' }, '督')).toBe('宜政法协〔2026〕3号');
  });

  it('passes a ready document number through unchanged', () => {
    expect(resolveDocNo(exampleOrgan, '宜政法督〔2026〕12号', '交')).toBe('宜政法督〔2026〕12号');
  });
});

describe('official layout', () => {
  it('produces a valid docx zip with content types and a document part', async () => {
    const doc = await openDocx(await renderDocx(buildOfficialDocument(spec)));
    expect(doc.files).toContain('[Content_Types].xml');
    expect(doc.files).toContain('word/document.xml');
  });

  it('prints the organ mark in red above the document number and the red separator line', async () => {
    const doc = await openDocx(await renderDocx(buildOfficialDocument(spec)));
    expect(doc.paragraphs.indexOf(exampleOrgan.mark!)).toBeLessThan(doc.paragraphs.indexOf('示政法督〔2026〕12号'));
    expect(doc.xml).toMatch(/<w:color w:val="FF0000"\/>/);
    expect(doc.xml).toMatch(/<w:bottom [^>]*w:color="FF0000"/);
  });

  it('puts the recipients joined by the enumeration comma and a full-width colon', async () => {
    const doc = await openDocx(await renderDocx(buildOfficialDocument(spec)));
    expect(doc.paragraphs).toContain('县公安局、县人民法院：');
  });

  it('uses A4 with the official margins', async () => {
    const doc = await openDocx(await renderDocx(buildOfficialDocument(spec)));
    expect(doc.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(doc.xml).toMatch(/w:top="2098"/);
    expect(doc.xml).toMatch(/w:left="1587"/);
  });

  it('names the official fonts for the title and the body', async () => {
    const doc = await openDocx(await renderDocx(buildOfficialDocument(spec)));
    expect(doc.xml).toContain('w:eastAsia="方正小标宋简体"');
    expect(doc.xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(doc.xml).toContain('w:ascii="FangSong"');
  });

  it('lists several attachments numbered after 附件', async () => {
    const doc = await openDocx(await renderDocx(buildOfficialDocument(spec)));
    expect(doc.paragraphs).toContain('附件：1.案件清单');
    expect(doc.paragraphs).toContain('2.统计表');
  });

  it('signs with the organ name and the Chinese date at the foot, then the copy-to line', async () => {
    const doc = await openDocx(await renderDocx(buildOfficialDocument(spec)));
    const p = doc.paragraphs;
    const sig = p.lastIndexOf(exampleOrgan.name);
    expect(sig).toBeGreaterThan(p.indexOf('正文第一段。'));
    expect(p[sig + 1]).toBe('2026年11月21日');
    expect(p.at(-1)).toBe('抄送：县委办公室，县政府办公室。');
  });

  it('shows the signer next to the document number when one is given', async () => {
    const doc = await openDocx(await renderDocx(buildOfficialDocument({ ...spec, signer: '赵某' })));
    expect(doc.paragraphs).toContain('示政法督〔2026〕12号签发人：赵某');
  });

  it('numbers pages as — 1 — in the footer', async () => {
    const doc = await openDocx(await renderDocx(buildOfficialDocument(spec)));
    expect(doc.footerText).toContain('— ');
    expect(doc.footerText).toContain(' —');
    const footers = doc.files.filter((f) => f.startsWith('word/footer'));
    expect(footers.length).toBeGreaterThan(0);
  });
});
