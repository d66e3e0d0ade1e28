// 交办通知书: sends a case to the responsible unit with the "four fixes and one package".
import type { Document } from 'docx';
import { buildOfficialDocument, formatChineseDate, resolveDocNo, type BodyBlock, type DateInput } from '../layout.js';
import { documentStrings } from '../strings.js';
import type { CaseRef, DocumentBase } from './common.js';

export interface AssignmentNoticeData extends DocumentBase {
  /** 承办单位. */
  recipient: string;
  case: CaseRef;
  /** 案件来源, e.g. 来信. */
  source?: string;
  /** Summary of the facts (基本情况). */
  facts: string;
  /** 包案领导. */
  leadLeader: string;
  /** 承办责任人. */
  handler: string;
  /** 化解方案. */
  resolutionPlan: string;
  /** 处理期限. */
  deadline: DateInput;
  /** 协办单位. */
  cooperatingUnits?: readonly string[];
  /** The date by which the result is reported in writing. */
  reportBy: DateInput;
  /** Who receives the report; defaults to 本委. */
  reportTo?: string;
}

const ensureStop = (t: string) => (/[。！？]$/.test(t) ? t : `${t}${documentStrings.common.fullStop}`);

export function assignmentNotice(data: AssignmentNoticeData): Document {
  const t = documentStrings.assignment;
  const c = documentStrings.common;
  const caseRef = c.caseWithNo(data.case.title, data.case.docNo);
  const body: BodyBlock[] = [
    { kind: 'paragraph', text: t.intro(caseRef) },
    { kind: 'heading', text: t.factsHeading },
  ];
  if (data.source) body.push({ kind: 'paragraph', text: t.sourceLine(data.source) });
  body.push(
    { kind: 'paragraph', text: ensureStop(data.facts) },
    { kind: 'heading', text: t.fixesHeading },
    { kind: 'paragraph', text: t.leadLeader(data.leadLeader) },
    { kind: 'paragraph', text: t.handler(data.handler) },
    { kind: 'paragraph', text: t.resolutionPlan(ensureStop(data.resolutionPlan)) },
    { kind: 'paragraph', text: t.deadline(formatChineseDate(data.deadline)) },
  );
  if (data.cooperatingUnits && data.cooperatingUnits.length > 0) {
    body.push({ kind: 'paragraph', text: t.cooperating(data.cooperatingUnits.join(c.listSeparator)) });
  }
  body.push(
    { kind: 'heading', text: t.requirementsHeading },
    { kind: 'paragraph', text: `${t.requirement}${t.reporting(formatChineseDate(data.reportBy), data.reportTo ?? c.thisCommittee)}` },
    { kind: 'paragraph', text: c.noticeClosing },
  );
  return buildOfficialDocument({
    organ: data.organ,
    docNo: resolveDocNo(data.organ, data.docNo, t.kindWord),
    title: t.title(data.case.title),
    recipients: [data.recipient],
    body,
    attachments: data.attachments,
    signature: data.signature,
    date: data.date,
    copyTo: data.copyTo,
    urgency: data.urgency,
  });
}
