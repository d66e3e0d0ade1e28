// 通报: the ledger's state for a period — counts, a table by unit and the overdue cases.
import type { Document } from 'docx';
import { buildOfficialDocument, formatChineseDate, numberedHeadings, numberedSubItems, resolveDocNo, type BodyBlock, type DateInput } from '../layout.js';
import { documentStrings } from '../strings.js';
import type { DocumentBase } from './common.js';

export interface BulletinUnitRow {
  unit: string;
  /** 在办. */
  open: number;
  /** 办结. */
  closed: number;
  /** 超期. */
  overdue: number;
}

export interface BulletinOverdueRow {
  docNo: string;
  title: string;
  /** 承办单位. */
  leadUnit: string;
  deadline: DateInput;
  overdueDays: number;
}

export interface BulletinData extends DocumentBase {
  /** 主送 units. */
  recipients: readonly string[];
  period: {
    from: DateInput;
    to: DateInput;
    /** How the title names the period, e.g. 2026年11月; defaults to the from–to dates. */
    label?: string;
  };
  /** The area covered, e.g. 全县 (default) or 全区. */
  scope?: string;
  /** An extra sentence before the standard introduction, e.g. the background of the bulletin. */
  intro?: string;
  counts: {
    /** All cases in the ledger for the period. */
    total: number;
    /** Registered during the period. */
    added: number;
    closed: number;
    overdue: number;
  };
  byUnit: readonly BulletinUnitRow[];
  overdueList: readonly BulletinOverdueRow[];
  /** Closing requirements; defaults to the wording in strings.ts. */
  requirements?: readonly string[];
}

/** closed / total as a percentage with at most one decimal: 118/120 → 98.3%, 3/3 → 100%. */
export function closureRate(closed: number, total: number): string {
  if (total <= 0) return '0%';
  const rate = Math.round((closed / total) * 1000) / 10;
  return `${Number.isInteger(rate) ? rate.toFixed(0) : rate.toFixed(1)}%`;
}

export function bulletin(data: BulletinData): Document {
  const t = documentStrings.bulletin;
  const scope = data.scope ?? t.defaultScope;
  const period = t.period(formatChineseDate(data.period.from), formatChineseDate(data.period.to));
  const label = data.period.label ?? period;
  const n = data.counts;
  const headings = numberedHeadings([t.overviewHeading, t.byUnitHeading, t.overdueHeading, t.requirementsHeading]);
  const sum = (f: (r: BulletinUnitRow) => number) => data.byUnit.reduce((a, r) => a + f(r), 0);
  const [unitCol, openCol, closedCol, overdueCol] = t.byUnitColumns;
  const [noCol, titleCol, leadCol, deadlineCol, daysCol] = t.overdueColumns;

  const body: BodyBlock[] = [
    { kind: 'paragraph', text: `${data.intro ?? ''}${t.intro(label, scope)}` },
    { kind: 'heading', text: headings[0]! },
    { kind: 'paragraph', text: t.overview(label, scope, n.total, n.added, n.closed, closureRate(n.closed, n.total), n.overdue) },
    { kind: 'heading', text: headings[1]! },
    {
      kind: 'table',
      columns: [
        { title: unitCol, width: 4 },
        { title: openCol, width: 2 },
        { title: closedCol, width: 2 },
        { title: overdueCol, width: 2 },
      ],
      rows: [
        ...data.byUnit.map((r) => [r.unit, r.open, r.closed, r.overdue]),
        [t.totalRow, sum((r) => r.open), sum((r) => r.closed), sum((r) => r.overdue)],
      ],
    },
    { kind: 'heading', text: headings[2]! },
  ];
  if (data.overdueList.length === 0) {
    body.push({ kind: 'paragraph', text: t.noOverdue });
  } else {
    body.push(
      { kind: 'paragraph', text: t.overdueLead(data.overdueList.length) },
      {
        kind: 'table',
        columns: [
          // Widths in points at 小四, so a date and a document number up to 示政法督〔2026〕999号
          // fit on one line; the layout widens the number column for a longer number.
          { title: noCol, width: 150 },
          { title: titleCol, width: 70, align: 'left' },
          { title: leadCol, width: 66 },
          { title: deadlineCol, width: 100 },
          { title: daysCol, width: 56 },
        ],
        rows: data.overdueList.map((r) => [r.docNo, r.title, r.leadUnit, formatChineseDate(r.deadline), r.overdueDays]),
      },
    );
  }
  body.push(
    { kind: 'heading', text: headings[3]! },
    ...numberedSubItems(data.requirements ?? t.defaultRequirements).map((text): BodyBlock => ({ kind: 'paragraph', text })),
  );
  return buildOfficialDocument({
    organ: data.organ,
    docNo: resolveDocNo(data.organ, data.docNo, t.kindWord),
    title: t.title(label),
    recipients: data.recipients,
    body,
    attachments: data.attachments,
    signature: data.signature,
    date: data.date,
    copyTo: data.copyTo,
    urgency: data.urgency,
  });
}
