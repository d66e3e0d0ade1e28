// The shared layout of an official document (公文), loosely after GB/T 9704-2012: A4, the
// issuing organ's mark in red with a red separator line, the document number, the title,
// the recipients, the body, attachments, the organ's signature and date at the foot, the
// copy-to line and page numbers "— 1 —". A document number never breaks across lines
// (unbreakableRun). Built with the `docx` library; pure, no I/O.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  Tab,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { documentStrings } from './strings.js';

const s = documentStrings.common;

/** An ISO date 'YYYY-MM-DD' (a time part is ignored) or a Date (read in local time). */
export type DateInput = string | Date;

/** 2026-11-21 → 2026年11月21日. Throws a RangeError on anything that is not a real date. */
export function formatChineseDate(input: DateInput): string {
  let y: number;
  let m: number;
  let d: number;
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) throw new RangeError('Invalid date');
    y = input.getFullYear();
    m = input.getMonth() + 1;
    d = input.getDate();
  } else {
    const match = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/.exec(input);
    if (!match) throw new RangeError(`Not an ISO date: ${input}`);
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
    const check = new Date(Date.UTC(y, m - 1, d));
    if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) {
      throw new RangeError(`Not a real date: ${input}`);
    }
  }
  return `${y}${s.year}${m}${s.month}${d}${s.day}`;
}

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (1–99). */
export function chineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`Ordinal out of range: ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const tensPart = tens === 0 ? '' : tens === 1 ? s.ten : `${s.digits[tens]}${s.ten}`;
  return `${tensPart}${ones === 0 ? '' : s.digits[ones]}`;
}

/** The committee (or other organ) issuing the document; every county supplies its own. */
export interface IssuingOrgan {
  /** Full name, used for the signature at the foot, e.g. 中共示例县委政法委员会. */
  name: string;
  /** Abbreviation used in document numbers, e.g. 示 (示政法督〔2026〕12号). */
  abbreviation: string;
  /** The red mark at the top (发文机关标志); defaults to `name`. */
  mark?: string;
}

/** A ready document number, or its parts to be formatted with the organ's abbreviation. */
export type DocNoInput = string | { kindWord?: string; year: number; seq: number };

export function resolveDocNo(organ: IssuingOrgan, docNo: DocNoInput, defaultKindWord: string): string {
  if (typeof docNo === 'string') return docNo;
  return documentStrings.docNumber(organ.abbreviation, docNo.kindWord ?? defaultKindWord, docNo.year, docNo.seq);
}

export type Urgency = 'normal' | 'urgent' | 'critical';

export interface TableColumn {
  title: string;
  /** Relative width. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** A block of the body. */
export type BodyBlock =
  /** Ordinary paragraph, indented two characters. */
  | { kind: 'paragraph'; text: string }
  /** First-level heading (一、…), 黑体. */
  | { kind: 'heading'; text: string }
  /** Second-level heading ((一)…), 楷体. */
  | { kind: 'subheading'; text: string }
  | { kind: 'table'; columns: readonly TableColumn[]; rows: readonly (readonly (string | number)[])[] };

export interface OfficialDocumentSpec {
  organ: IssuingOrgan;
  docNo: string;
  title: string;
  /** 主送机关, joined by 、 and followed by a full-width colon. */
  recipients: readonly string[];
  body: readonly BodyBlock[];
  /** 附件 titles, listed 附件：1. … under the body. */
  attachments?: readonly string[];
  /** 发文机关署名; defaults to the organ's name. */
  signature?: string;
  /** 成文日期. */
  date: DateInput;
  /** 抄送机关. */
  copyTo?: readonly string[];
  /** 签发人 (printed right of the document number). */
  signer?: string;
  urgency?: Urgency;
  /**
   * Further strings that must not break across lines, e.g. another organ's document number.
   * The document's own number and every number in the organ's form are kept together anyway.
   */
  unbreakable?: readonly string[];
}

/** An East Asian font with the font used for Latin text and digits as fallback. */
export interface FontPair {
  eastAsia: string;
  latin: string;
}

export const officialFonts = {
  title: { eastAsia: '方正小标宋简体', latin: 'SimSun' },
  body: { eastAsia: '仿宋_GB2312', latin: 'FangSong' },
  heading: { eastAsia: '黑体', latin: 'SimHei' },
  subheading: { eastAsia: '楷体_GB2312', latin: 'KaiTi' },
  pageNumber: { eastAsia: '宋体', latin: 'SimSun' },
} as const satisfies Record<string, FontPair>;

/** Chinese type sizes in points. */
export const typeSizes = { chuHao: 42, xiaoChu: 36, erHao: 22, sanHao: 16, siHao: 14, xiaoSi: 12 } as const;

export const pageGeometry = {
  widthMm: 210,
  heightMm: 297,
  marginMm: { top: 37, bottom: 35, left: 28, right: 26 },
} as const;

/** Millimetres to twips, rounded (A4 is 11906 × 16838). */
function mmToTwip(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

const TEXT_WIDTH_TWIPS = mmToTwip(pageGeometry.widthMm - pageGeometry.marginMm.left - pageGeometry.marginMm.right);
/** One body character (3号 = 16pt) in twips. */
const CHAR = typeSizes.sanHao * 20;
/** Body line pitch: exactly 28pt. */
const LINE = 28 * 20;
const RED = 'FF0000';

type Align = (typeof AlignmentType)[keyof typeof AlignmentType];

type RunExtra = { color?: string; bold?: boolean };

function run(text: string, font: FontPair, sizePt: number, extra: RunExtra = {}): TextRun {
  return new TextRun({
    text,
    font: { eastAsia: font.eastAsia, ascii: font.latin, hAnsi: font.latin, cs: font.latin },
    size: sizePt * 2,
    ...extra,
  });
}

/** U+2060 WORD JOINER: no line break on either side of it (Unicode line breaking class WJ). */
export const WORD_JOINER = '\u2060';

/**
 * A string in its non-breaking form: a word joiner between every two characters, spaces
 * as no-break spaces and hyphens as non-breaking hyphens. Idempotent.
 */
export function keepTogether(text: string): string {
  const chars = Array.from(text.replaceAll(WORD_JOINER, '').replace(/ /g, '\u00a0').replace(/-/g, '\u2011'));
  return chars.join(WORD_JOINER);
}

/**
 * A document number (or any string that must stay on one line) as its own run: in its
 * non-breaking form and marked as having no language ("x-none", the value Word itself
 * writes for "no language"). Both are needed, as converting to PDF with LibreOffice shows:
 * under a Chinese language tag its CJK line breaker breaks between any two characters,
 * digits included, honouring only the kinsoku rules and ignoring joiners; with no language
 * it applies the Unicode line breaking rules, under which a word joiner forbids the break.
 * Joiners alone, zero-width joiners (U+200D) and a language tag alone all still broke.
 */
function unbreakableRun(text: string, font: FontPair, sizePt: number, extra: RunExtra = {}): TextRun {
  return new TextRun({
    text: keepTogether(text),
    font: { eastAsia: font.eastAsia, ascii: font.latin, hAnsi: font.latin, cs: font.latin },
    size: sizePt * 2,
    language: { value: 'x-none', eastAsia: 'x-none' },
    ...extra,
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * What a document keeps on one line: its own number, any `extra` strings, every number in
 * the organ's own form (示政法督〔2026〕12号: the abbreviation, 政法, the kind's word,
 * year and sequence), another committee's number with a one-character abbreviation
 * (宜政法督〔2026〕5号) and, of any other number, at least its kind's word with 〔year〕n号
 * (where such a number starts cannot be told from the words before it).
 */
export function unbreakablePattern(organ: IssuingOrgan, extra: readonly string[] = []): RegExp {
  const exact = [...new Set(extra.filter((t) => t.length > 1))].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const own = `${escapeRegExp(organ.abbreviation)}政法\\p{Script=Han}{1,4}〔\\d{4}〕\\d+号`;
  const other = '(?:\\p{Script=Han}政法)?\\p{Script=Han}〔\\d{4}〕\\d+号';
  return new RegExp([...exact, own, other].join('|'), 'gu');
}

/** Splits `text` into runs, the parts matching `keep` as unbreakable runs. */
function runsOf(text: string, keep: RegExp, font: FontPair, sizePt: number, extra: RunExtra = {}): TextRun[] {
  const out: TextRun[] = [];
  let at = 0;
  for (const m of text.matchAll(keep)) {
    if (m.index > at) out.push(run(text.slice(at, m.index), font, sizePt, extra));
    out.push(unbreakableRun(m[0], font, sizePt, extra));
    at = m.index + m[0].length;
  }
  if (at < text.length || out.length === 0) out.push(run(text.slice(at), font, sizePt, extra));
  return out;
}

/** Width of a string in body characters: CJK counts 1, ASCII 0.5. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) if (ch !== WORD_JOINER) w += ch.charCodeAt(0) < 0x2e80 && ch !== '—' ? 0.5 : 1;
  return w;
}

function exactSpacing(linePt = 28, before = 0, after = 0) {
  return { line: linePt * 20, lineRule: LineRuleType.EXACT, before, after };
}

function bodyParagraph(text: string, keep: RegExp, opts: { indent?: boolean; align?: Align; before?: number; font?: FontPair } = {}): Paragraph {
  return new Paragraph({
    alignment: opts.align ?? AlignmentType.BOTH,
    indent: opts.indent === false ? undefined : { firstLine: 2 * CHAR },
    spacing: exactSpacing(28, opts.before ?? 0),
    children: runsOf(text, keep, opts.font ?? officialFonts.body, typeSizes.sanHao),
  });
}

/** The organ mark shrinks so a long name stays on one line. */
function markSize(mark: string): number {
  const fit = Math.floor(TEXT_WIDTH_TWIPS / 20 / Math.max(textWidth(mark), 1)) - 1;
  return Math.max(typeSizes.erHao, Math.min(typeSizes.xiaoChu, fit));
}

function header(spec: OfficialDocumentSpec, keep: RegExp): Paragraph[] {
  const out: Paragraph[] = [];
  const urgencyMark = spec.urgency ? documentStrings.urgencyMarks[spec.urgency] : '';
  if (urgencyMark) {
    out.push(new Paragraph({ spacing: exactSpacing(), children: [run(urgencyMark, officialFonts.heading, typeSizes.sanHao)] }));
  }
  const mark = spec.organ.mark ?? spec.organ.name;
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      // Auto line height: the default exact 28pt pitch would clip the large mark.
      spacing: { line: 240, lineRule: LineRuleType.AUTO, before: urgencyMark ? 0 : LINE, after: 0 },
      children: [run(mark, officialFonts.title, markSize(mark), { color: RED })],
    }),
  );
  // The document number sits two lines below the mark; the red separator line is its bottom border.
  const redLine = { bottom: { style: BorderStyle.SINGLE, color: RED, size: 18, space: 10 } };
  if (spec.signer) {
    out.push(
      new Paragraph({
        border: redLine,
        spacing: exactSpacing(28, 2 * LINE),
        // Tabs rather than indents, so the red line under the paragraph spans the full width.
        tabStops: [
          { type: TabStopType.LEFT, position: CHAR },
          { type: TabStopType.RIGHT, position: TEXT_WIDTH_TWIPS - CHAR },
        ],
        children: [
          new TextRun({ children: [new Tab()] }),
          unbreakableRun(spec.docNo, officialFonts.body, typeSizes.sanHao),
          new TextRun({ children: [new Tab()] }),
          run(s.signerLabel, officialFonts.body, typeSizes.sanHao),
          run(spec.signer, officialFonts.subheading, typeSizes.sanHao),
        ],
      }),
    );
  } else {
    out.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        border: redLine,
        spacing: exactSpacing(28, 2 * LINE),
        children: [unbreakableRun(spec.docNo, officialFonts.body, typeSizes.sanHao)],
      }),
    );
  }
  out.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { line: 35 * 20, lineRule: LineRuleType.EXACT, before: 2 * LINE, after: LINE },
      children: runsOf(spec.title, keep, officialFonts.title, typeSizes.erHao),
    }),
  );
  if (spec.recipients.length > 0) {
    out.push(bodyParagraph(`${spec.recipients.join(s.listSeparator)}${s.colon}`, keep, { indent: false, align: AlignmentType.LEFT }));
  }
  return out;
}

/** Cell padding left and right in twips. */
const CELL_MARGIN = 60;

/**
 * Width in twips that the longest unbreakable part of `text` needs at `sizePt`, padding
 * included: a CJK character is one em, anything else is counted at 0.7 em (a digit of the
 * official fonts is half an em; where they are missing, fallback fonts are wider: DejaVu
 * Sans's digits are 0.64 em), with a tenth of an em to spare.
 */
function unbreakableWidth(text: string, keep: RegExp, sizePt: number): number {
  let widest = 0;
  for (const m of text.matchAll(keep)) {
    let em = 0.1;
    for (const ch of m[0]) em += ch.charCodeAt(0) < 0x2e80 ? 0.7 : 1;
    widest = Math.max(widest, em);
  }
  return widest === 0 ? 0 : Math.ceil(widest * sizePt * 20) + 2 * CELL_MARGIN;
}

/**
 * Column widths in twips: as the relative widths ask, except that a column holding a
 * document number widens until the number fits on one line, the other columns giving up
 * width in proportion (a number wider than its cell would be broken anyway).
 */
export function tableColumnWidths(block: Extract<BodyBlock, { kind: 'table' }>, keep: RegExp, sizePt: number, totalTwips = TEXT_WIDTH_TWIPS): number[] {
  const total = block.columns.reduce((a, c) => a + c.width, 0) || 1;
  const widths = block.columns.map((c) => Math.floor((totalTwips * c.width) / total));
  const needs = block.columns.map((c, i) => Math.max(unbreakableWidth(c.title, keep, sizePt), ...block.rows.map((r) => unbreakableWidth(String(r[i] ?? ''), keep, sizePt))));
  const short = widths.map((w, i) => Math.max(0, needs[i]! - w));
  const deficit = short.reduce((a, b) => a + b, 0);
  if (deficit === 0) return widths;
  const free = widths.reduce((a, w, i) => (short[i] === 0 ? a + w : a), 0);
  const scale = free > deficit ? (free - deficit) / free : 0;
  return widths.map((w, i) => (short[i]! > 0 ? needs[i]! : Math.floor(w * scale)));
}

function table(block: Extract<BodyBlock, { kind: 'table' }>, keep: RegExp): Table {
  const widths = tableColumnWidths(block, keep, typeSizes.xiaoSi);
  const alignOf = (a: TableColumn['align']): Align =>
    a === 'left' ? AlignmentType.LEFT : a === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER;
  const cell = (text: string, i: number, isHeader: boolean) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { left: CELL_MARGIN, right: CELL_MARGIN, top: 40, bottom: 40 },
      children: [
        new Paragraph({
          alignment: isHeader ? AlignmentType.CENTER : alignOf(block.columns[i]?.align),
          spacing: exactSpacing(20),
          children: runsOf(text, keep, isHeader ? officialFonts.heading : officialFonts.body, typeSizes.xiaoSi),
        }),
      ],
    });
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    alignment: AlignmentType.CENTER,
    rows: [
      new TableRow({ tableHeader: true, children: block.columns.map((c, i) => cell(c.title, i, true)) }),
      ...block.rows.map(
        (r) => new TableRow({ cantSplit: true, children: block.columns.map((_, i) => cell(String(r[i] ?? ''), i, false)) }),
      ),
    ],
  });
}

function body(blocks: readonly BodyBlock[], keep: RegExp): (Paragraph | Table)[] {
  return blocks.map((b) => {
    switch (b.kind) {
      case 'paragraph':
        return bodyParagraph(b.text, keep);
      case 'heading':
        return bodyParagraph(b.text, keep, { font: officialFonts.heading });
      case 'subheading':
        return bodyParagraph(b.text, keep, { font: officialFonts.subheading });
      case 'table':
        return table(b, keep);
    }
  });
}

function attachments(list: readonly string[], keep: RegExp): Paragraph[] {
  if (list.length === 0) return [];
  const label = s.attachmentsLabel;
  if (list.length === 1) return [bodyParagraph(`${label}${list[0]}`, keep, { before: LINE, align: AlignmentType.LEFT })];
  return list.map((title, i) => {
    const text = `${s.numbered(i + 1)}${title}`;
    return i === 0
      ? bodyParagraph(`${label}${text}`, keep, { before: LINE, align: AlignmentType.LEFT })
      : new Paragraph({
          indent: { left: (2 + textWidth(label)) * CHAR },
          spacing: exactSpacing(),
          children: runsOf(text, keep, officialFonts.body, typeSizes.sanHao),
        });
  });
}

/** Signature centred over the date; the date four characters from the right edge. */
function foot(signature: string, date: string): Paragraph[] {
  const sw = textWidth(signature);
  const dw = textWidth(date);
  const centre = Math.max(4 + dw / 2, sw / 2);
  const line = (text: string, rightChars: number, before: number) =>
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(rightChars * CHAR) },
      spacing: exactSpacing(28, before),
      keepNext: before > 0,
      children: [run(text, officialFonts.body, typeSizes.sanHao)],
    });
  return [line(signature, centre - sw / 2, 3 * LINE), line(date, centre - dw / 2, 0)];
}

function copyTo(list: readonly string[]): Paragraph[] {
  if (list.length === 0) return [];
  const rule = { style: BorderStyle.SINGLE, color: '000000', size: 6, space: 4 };
  return [
    new Paragraph({
      border: { top: rule, bottom: rule },
      indent: { left: 14 * 20, right: 14 * 20, hanging: 0 },
      spacing: { line: 28 * 20, lineRule: LineRuleType.EXACT, before: 3 * LINE },
      children: [run(`${s.copyToLabel}${list.join(s.copyToSeparator)}${s.fullStop}`, officialFonts.body, typeSizes.siHao)],
    }),
  ];
}

function pageFooter(): Footer {
  const font = officialFonts.pageNumber;
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: [s.pageNumberPrefix, PageNumber.CURRENT, s.pageNumberSuffix],
            font: { eastAsia: font.eastAsia, ascii: font.latin, hAnsi: font.latin, cs: font.latin },
            size: typeSizes.siHao * 2,
          }),
        ],
      }),
    ],
  });
}

/** Lays out one official document. */
export function buildOfficialDocument(spec: OfficialDocumentSpec): Document {
  const m = pageGeometry.marginMm;
  const date = formatChineseDate(spec.date);
  const body3 = officialFonts.body;
  const keep = unbreakablePattern(spec.organ, [spec.docNo, ...(spec.unbreakable ?? [])]);
  return new Document({
    title: spec.title,
    creator: spec.organ.name,
    styles: {
      default: {
        document: {
          run: {
            font: { eastAsia: body3.eastAsia, ascii: body3.latin, hAnsi: body3.latin, cs: body3.latin },
            size: typeSizes.sanHao * 2,
            language: { value: 'zh-CN', eastAsia: 'zh-CN' },
          },
          paragraph: { spacing: { line: LINE, lineRule: LineRuleType.EXACT } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwip(pageGeometry.widthMm), height: mmToTwip(pageGeometry.heightMm) },
            margin: {
              top: mmToTwip(m.top),
              bottom: mmToTwip(m.bottom),
              left: mmToTwip(m.left),
              right: mmToTwip(m.right),
              header: mmToTwip(15),
              footer: mmToTwip(24),
            },
          },
        },
        footers: { default: pageFooter() },
        children: [
          ...header(spec, keep),
          ...body(spec.body, keep),
          ...attachments(spec.attachments ?? [], keep),
          ...foot(spec.signature ?? spec.organ.name, date),
          ...copyTo(spec.copyTo ?? []),
        ],
      },
    ],
  });
}

/** Packs a document into the bytes of a .docx file. */
export function renderDocx(doc: Document): Promise<Buffer> {
  return Packer.toBuffer(doc);
}

/** Numbered first-level items: 一、… 二、… */
export function numberedHeadings(items: readonly string[]): string[] {
  return items.map((t, i) => `${chineseOrdinal(i + 1)}${s.headingMark}${t}`);
}

/** Numbered sub-items: （一）… （二）… */
export function numberedSubItems(items: readonly string[]): string[] {
  return items.map((t, i) => `${s.subItem(chineseOrdinal(i + 1))}${t}`);
}
