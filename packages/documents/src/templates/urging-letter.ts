// 督办函: presses a unit on an assigned case that is overdue or stalled.
import type { Document } from 'docx';
import { buildOfficialDocument, formatChineseDate, numberedHeadings, resolveDocNo, type BodyBlock, type DateInput } from '../layout.js';
import { documentStrings } from '../strings.js';
import type { CaseRef, DocumentBase } from './common.js';

export interface UrgingLetterData extends DocumentBase {
  /** 承办单位. */
  recipient: string;
  case: CaseRef;
  /** When the case was assigned (交办日期), if known. */
  assignedOn?: DateInput;
  /** The original deadline (处理期限). */
  deadline: DateInput;
  /** What is overdue, in a sentence, e.g. 你单位至今未报送办理结果. */
  overdue: string;
  /** Days past the deadline, if any. */
  overdueDays?: number;
  /** Requirements, numbered 一、二、三. */
  requirements: readonly string[];
  /** Reply deadline. */
  replyBy: DateInput;
  /** Which round of urging (第N次督办), shown after the title. */
  round?: number;
}

export function urgingLetter(data: UrgingLetterData): Document {
  const t = documentStrings.urging;
  const c = documentStrings.common;
  const caseRef = c.caseWithNo(c.quoted(data.case.title), data.case.docNo);
  const deadline = formatChineseDate(data.deadline);
  const assigned = data.assignedOn
    ? t.assigned(formatChineseDate(data.assignedOn), caseRef, deadline)
    : t.assignedWithoutDate(caseRef, deadline);
  const overdue = /[。！？]$/.test(data.overdue) ? data.overdue : `${data.overdue}${c.fullStop}`;
  const days = data.overdueDays && data.overdueDays > 0 ? t.overdueDays(data.overdueDays) : '';
  const body: BodyBlock[] = [
    { kind: 'paragraph', text: `${assigned}${overdue}${days}${t.requirementsLead}` },
    ...numberedHeadings(data.requirements).map((text): BodyBlock => ({ kind: 'paragraph', text })),
    { kind: 'paragraph', text: t.reply(formatChineseDate(data.replyBy)) },
    { kind: 'paragraph', text: c.letterClosing },
  ];
  return buildOfficialDocument({
    organ: data.organ,
    docNo: resolveDocNo(data.organ, data.docNo, t.kindWord),
    title: `${t.title(data.case.title)}${data.round ? t.round(data.round) : ''}`,
    recipients: [data.recipient],
    body,
    attachments: data.attachments,
    signature: data.signature,
    date: data.date,
    copyTo: data.copyTo,
    urgency: data.urgency,
  });
}
