import { describe, expect, it } from 'vitest';
import {
  buildOfficialDocument,
  chineseOrdinal,
  formatChineseDate,
  keepTogether,
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

/** The runs of word/document.xml whose text contains `text` (word joiners ignored): their rPr and text. */
function runsWith(xml: string, text: string): { rPr: string; t: string }[] {
  const out: { rPr: string; t: string }[] = [];
  for (const m of xml.matchAll(/<w:r>(<w:rPr>.*?<\/w:rPr>)?<w:t[^>]*>([^<]*)<\/w:t><\/w:r>/g)) {
    if (m[2]!.replaceAll('\u2060', '').includes(text)) out.push({ rPr: m[1] ?? '', t: m[2]! });
  }
  return out;
}

const WJ = '\u2060';

describe('document numbers never break across lines', () => {
  it('joins every character of a string with word joiners, spaces and hyphens made non-breaking', () => {
    expect(keepTogether('示政法督〔2026〕12号')).toBe(['示', '政', '法', '督', '〔', '2', '0', '2', '6', '〕', '1', '2', '号'].join(WJ));
    expect(keepTogether('A-1 B')).toBe(['A', '\u2011', '1', '\u00a0', 'B'].join(WJ));
  });

  it('leaves a string already joined as it is', () => {
    const once = keepTogether('示政法督〔2026〕12号');
    expect(keepTogether(once)).toBe(once);
  });

  it('emits the document number under the organ mark as one run, joined and marked as having no language', async () => {
    const doc = await openDocx(await renderDocx(buildOfficialDocument(spec)));
    const runs = runsWith(doc.xml, '示政法督〔2026〕12号');
    expect(runs).toHaveLength(1);
    expect(runs[0]!.t).toBe(keepTogether('示政法督〔2026〕12号'));
    expect(runs[0]!.rPr).toContain('<w:lang w:val="x-none" w:eastAsia="x-none"/>');
  });

  it('keeps the number together next to the signer too', async () => {
    const doc = await openDocx(await renderDocx(buildOfficialDocument({ ...spec, signer: '赵某' })));
    expect(runsWith(doc.xml, '示政法督〔2026〕12号').map((r) => r.t)).toEqual([keepTogether('示政法督〔2026〕12号')]);
  });

  it('keeps a case number cited in the body together and leaves the words around it breakable', async () => {
    const body = [{ kind: 'paragraph' as const, text: '现将王某反映的问题（示政法登〔2026〕37号）交由你单位办理。' }];
    const doc = await openDocx(await renderDocx(buildOfficialDocument({ ...spec, body })));
    expect(doc.paragraphs).toContain('现将王某反映的问题（示政法登〔2026〕37号）交由你单位办理。');
    const number = runsWith(doc.xml, '示政法登〔2026〕37号');
    expect(number.map((r) => r.t)).toEqual([keepTogether('示政法登〔2026〕37号')]);
    expect(number[0]!.rPr).toContain('w:eastAsia="x-none"');
    const before = runsWith(doc.xml, '现将王某反映的问题（');
    expect(before.map((r) => r.t)).toEqual(['现将王某反映的问题（']);
    expect(before[0]!.rPr).not.toContain('x-none');
  });

  it('keeps a number in a table cell together', async () => {
    const body = [{ kind: 'table' as const, columns: [{ title: '文号', width: 1 }, { title: '标题', width: 2 }], rows: [['示政法督〔2026〕3号', '某案']] }];
    const doc = await openDocx(await renderDocx(buildOfficialDocument({ ...spec, body })));
    expect(runsWith(doc.xml, '示政法督〔2026〕3号').map((r) => r.t)).toEqual([keepTogether('示政法督〔2026〕3号')]);
  });

  it('widens a table column until the document number in it fits on one line', async () => {
    const body = [{ kind: 'table' as const, columns: [{ title: '文号', width: 1 }, { title: '标题', width: 4 }], rows: [['示政法督〔2026〕1000号', '某案']] }];
    const doc = await openDocx(await renderDocx(buildOfficialDocument({ ...spec, body })));
    // 7 CJK characters at 1 em, 8 digits at 0.7 em and 0.1 em to spare at 小四 (12pt): 12.7 em = 3048 twips,
    // with 120 of padding; the title column (four fifths of 8844) gives up what the number column lacks.
    expect([...doc.xml.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]))).toEqual([3168, 5675]);
  });

  it('keeps another organ\'s number together when it is named as unbreakable', async () => {
    const body = [{ kind: 'paragraph' as const, text: '根据市委政法委〔2026〕5号文件要求。' }];
    const doc = await openDocx(await renderDocx(buildOfficialDocument({ ...spec, body, unbreakable: ['市委政法委〔2026〕5号'] })));
    expect(runsWith(doc.xml, '市委政法委〔2026〕5号').map((r) => r.t)).toEqual([keepTogether('市委政法委〔2026〕5号')]);
  });

  it('keeps another committee\'s number together unnamed', async () => {
    const body = [{ kind: 'paragraph' as const, text: '根据宜政法督〔2026〕5号文件要求。' }];
    const doc = await openDocx(await renderDocx(buildOfficialDocument({ ...spec, body })));
    expect(runsWith(doc.xml, '宜政法督〔2026〕5号').map((r) => r.t)).toEqual([keepTogether('宜政法督〔2026〕5号')]);
  });

  it('keeps at least the kind\'s word, year and sequence of any other organ\'s number together unnamed', async () => {
    const body = [{ kind: 'paragraph' as const, text: '根据市委办〔2026〕5号文件要求。' }];
    const doc = await openDocx(await renderDocx(buildOfficialDocument({ ...spec, body })));
    expect(runsWith(doc.xml, '办〔2026〕5号').map((r) => r.t)).toEqual([keepTogether('办〔2026〕5号')]);
  });
});
