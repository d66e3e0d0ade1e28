// 协调意见: the formal opinion of a coordination meeting, signed by the committee's leader
// and sent to every unit that must carry it out.
import type { Document } from 'docx';
import {
  buildOfficialDocument,
  chineseOrdinal,
  formatChineseDate,
  numberedHeadings,
  resolveDocNo,
  type BodyBlock,
  type DateInput,
} from '../layout.js';
import { documentStrings } from '../strings.js';
import type { CaseRef, DocumentBase } from './common.js';

export interface CoordinationOpinionData extends DocumentBase {
  meeting: {
    date: DateInput;
    place: string;
    /** Who chaired, with post, e.g. 县委政法委书记张三. */
    chair: string;
    /** Attending organisations. */
    attendees: readonly string[];
  };
  /** What the opinion is about: a case, or a free subject (e.g. 某村土地纠纷). */
  case?: CaseRef;
  subject?: string;
  /** Matters discussed at the meeting. */
  matters: readonly string[];
  /** Agreed opinion items, numbered 一、二、三. */
  opinions: readonly string[];
  /** Each unit's tasks. */
  tasks: readonly { unit: string; task: string }[];
  /** 签发人: the committee leader who signs the opinion. */
  signer: string;
  /** 主送 units; defaults to the units with tasks, then the attendees. */
  recipients?: readonly string[];
  /** Date by which units report on implementation, if any. */
  reportBy?: DateInput;
}

const stop = (t: string) => (/[。！？；]$/.test(t) ? t : `${t}${documentStrings.common.fullStop}`);

export function coordinationOpinion(data: CoordinationOpinionData): Document {
  const t = documentStrings.coordination;
  const c = documentStrings.common;
  const subjectTitle = data.case?.title ?? data.subject ?? '';
  const subjectRef = data.case ? c.caseWithNo(c.quoted(data.case.title), data.case.docNo) : (data.subject ?? '');
  const body: BodyBlock[] = [
    {
      kind: 'paragraph',
      text: t.intro(
        formatChineseDate(data.meeting.date),
        data.meeting.place,
        data.meeting.chair,
        data.meeting.attendees.join(c.listSeparator),
        subjectRef,
      ),
    },
    { kind: 'paragraph', text: t.mattersLead },
    ...data.matters.map((m, i): BodyBlock => ({ kind: 'paragraph', text: `${c.numbered(i + 1)}${stop(m)}` })),
    { kind: 'paragraph', text: t.opinionsLead },
    ...numberedHeadings(data.opinions.map(stop)).map((text): BodyBlock => ({ kind: 'paragraph', text })),
    { kind: 'paragraph', text: t.tasksLead },
    ...data.tasks.map((task, i): BodyBlock => ({ kind: 'paragraph', text: t.task(chineseOrdinal(i + 1), task.unit, stop(task.task)) })),
    { kind: 'paragraph', text: `${t.closing}${data.reportBy ? t.reporting(formatChineseDate(data.reportBy)) : ''}` },
  ];
  const taskUnits = [...new Set(data.tasks.map((x) => x.unit))];
  const recipients = data.recipients ?? (taskUnits.length > 0 ? taskUnits : data.meeting.attendees);
  return buildOfficialDocument({
    organ: data.organ,
    docNo: resolveDocNo(data.organ, data.docNo, t.kindWord),
    title: t.title(subjectTitle),
    recipients,
    body,
    attachments: data.attachments,
    signature: data.signature,
    signer: data.signer,
    date: data.date,
    copyTo: data.copyTo,
    urgency: data.urgency,
  });
}
