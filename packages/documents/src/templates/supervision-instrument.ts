// 监督文书: the escalating supervision instruments, from early warning to transfer to the
// judicial organs. One template; the kind chooses the title and the fixed wording.
import type { Document } from 'docx';
import { buildOfficialDocument, formatChineseDate, numberedHeadings, resolveDocNo, type BodyBlock, type DateInput } from '../layout.js';
import { documentStrings } from '../strings.js';
import type { CaseRef, DocumentBase } from './common.js';

export type InstrumentKind = keyof typeof documentStrings.instrument.kinds;

export const instrumentKinds = Object.keys(documentStrings.instrument.kinds) as InstrumentKind[];

/** The addressee: a unit, or a named officer (addressed as 单位职务姓名同志). */
export type InstrumentRecipient =
  | { kind: 'unit'; name: string }
  | { kind: 'officer'; name: string; unit: string; post?: string };

export interface SupervisionInstrumentData extends DocumentBase {
  kind: InstrumentKind;
  recipient: InstrumentRecipient;
  /** The case the instrument arises from, if any. */
  case?: CaseRef;
  /** What was found, after 经查，. */
  facts: string;
  /** Legal basis, e.g. 《中国共产党政法工作条例》第二十九条. Several are joined by 、. */
  legalBasis: string | readonly string[];
  /** Requirements, numbered 一、二、三. */
  requirements: readonly string[];
  /** Response deadline. */
  respondBy: DateInput;
}

export function instrumentTitle(kind: InstrumentKind): string {
  return documentStrings.instrument.kinds[kind].title;
}

export function supervisionInstrument(data: SupervisionInstrumentData): Document {
  const t = documentStrings.instrument;
  const c = documentStrings.common;
  const k = t.kinds[data.kind];
  const recipient =
    data.recipient.kind === 'unit'
      ? data.recipient.name
      : t.officerAddress(data.recipient.unit, data.recipient.post ?? '', data.recipient.name);
  const facts = /[。！？]$/.test(data.facts) ? data.facts : `${data.facts}${c.fullStop}`;
  const lead = data.case ? t.caseLead(c.caseWithNo(c.quoted(data.case.title), data.case.docNo)) : t.factsLead;
  const basis = typeof data.legalBasis === 'string' ? data.legalBasis : data.legalBasis.join(c.listSeparator);
  const body: BodyBlock[] = [
    { kind: 'paragraph', text: `${lead}${facts}` },
    { kind: 'paragraph', text: `${t.basisLead(basis)}${k.decision}${data.requirements.length > 0 ? t.requirementsLead : ''}` },
    ...numberedHeadings(data.requirements).map((text): BodyBlock => ({ kind: 'paragraph', text })),
    { kind: 'paragraph', text: k.response(formatChineseDate(data.respondBy)) },
    { kind: 'paragraph', text: k.closing },
  ];
  return buildOfficialDocument({
    organ: data.organ,
    docNo: resolveDocNo(data.organ, data.docNo, t.kindWord),
    title: k.title,
    recipients: [recipient],
    body,
    attachments: data.attachments,
    signature: data.signature,
    date: data.date,
    copyTo: data.copyTo,
    urgency: data.urgency,
  });
}
