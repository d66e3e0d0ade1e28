// The center's documents as docx on the official layout (@zhengfa/documents): the
// registration form (受理登记表), the mediation agreement (人民调解协议书), the termination
// notice (终止调解告知书), the joint application for judicial confirmation (司法确认申请书),
// the follow-up record (履行回访记录) and the record of one session (调解笔录). ID numbers and phones are printed masked, as the
// dispute shows them. Each print is audited.
import { buildOfficialDocument, chineseOrdinal, formatChineseDate, renderDocx, type BodyBlock, type IssuingOrgan } from '@zhengfa/documents';
import { apiStrings, badRequest, chinaDay, forbidden, sql, type AuthedContext } from '@zhengfa/plugin-api';
import { maskIdNumber, maskPhone } from '../disputes/personal-data.js';
import { getDispute } from '../disputes/queries.js';
import { listSessions, type Session } from '../mediations/sessions.js';
import { readOutcome, type OutcomeView } from '../outcomes/queries.js';
import {
  documentTexts as t,
  openRouteNames,
  outcomeMessages as om,
  performanceNames,
  riskNames,
  routeNames,
  sourceNames,
  statusNames,
  visitMethodNames,
} from '../strings.js';

export const documentKinds = ['registration', 'agreement', 'termination', 'confirmation_application', 'follow_up', 'session_record'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export interface DocumentFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const titles: Record<DocumentKind, string> = {
  registration: t.registrationTitle,
  agreement: t.agreementTitle,
  termination: t.terminationTitle,
  confirmation_application: t.applicationTitle,
  follow_up: t.followUpTitle,
  session_record: t.sessionRecordTitle,
};

const para = (text: string): BodyBlock => ({ kind: 'paragraph', text });
const heading = (i: number, text: string): BodyBlock => ({ kind: 'heading', text: `${chineseOrdinal(i)}、${text}` });

type Dispute = Awaited<ReturnType<typeof getDispute>>;

/** The parties in order, ID numbers and phones in full or masked. */
async function partiesFor(ctx: AuthedContext, disputeId: string, reveal: boolean): Promise<Dispute['parties']> {
  const r = await sql<{ id: string; kind: string; role: string; name: string; id_number: string | null; phone: string | null; address: string | null }>`
    select id, kind, role, name, id_number, phone, address from mediation.parties
    where tenant_id = ${ctx.tenant.id} and dispute_id = ${disputeId} order by position`.execute(ctx.db);
  return r.rows.map((p) => {
    const id = p.id_number ? ctx.vault.open(p.id_number) : null;
    const phone = p.phone ? ctx.vault.open(p.phone) : null;
    return {
      id: p.id,
      kind: p.kind,
      role: p.role,
      name: p.name,
      idNumber: id && (reveal ? id : maskIdNumber(id)),
      phone: phone && (reveal ? phone : maskPhone(phone)),
      address: p.address,
    };
  });
}

function partyLines(d: Dispute): string[] {
  return d.parties.map((p) => t.partyLine(t.roleNames[p.role as keyof typeof t.roleNames] ?? '', p.name, p.idNumber ?? '', p.phone ?? '', p.address ?? ''));
}

/** The committee (or department) the dispute was routed to; the center itself otherwise. */
async function organOf(ctx: AuthedContext, disputeId: string): Promise<IssuingOrgan> {
  const r = await sql<{ name: string | null }>`select o.name from mediation.disputes d
    left join mediation.organisations o on o.tenant_id = d.tenant_id and o.id = d.route_org_id
    where d.tenant_id = ${ctx.tenant.id} and d.id = ${disputeId}`.execute(ctx.db);
  const name = r.rows[0]?.name ?? t.centerName(ctx.tenant.name);
  return { name, abbreviation: Array.from(ctx.tenant.name)[0] ?? '' };
}

function registration(d: Dispute): BodyBlock[] {
  const r = t.rows;
  const routed = d.handoffs[0];
  const rows: [string, string][] = [
    [r.code, d.code],
    [r.receivedOn, formatChineseDate(d.receivedOn)],
    [r.source, sourceNames[d.source as keyof typeof sourceNames] ?? d.source],
    [r.referenceNo, d.referenceNo ?? ''],
    [r.disputeType, d.disputeType],
    [r.amount, d.amount ?? ''],
    [r.personCount, String(d.personCount)],
    [r.riskLevel, riskNames[d.riskLevel as keyof typeof riskNames] ?? d.riskLevel],
    [r.parties, partyLines(d).join('；')],
    [r.summary, d.summary],
    [r.route, routed ? [routeNames[routed.route as keyof typeof routeNames], routed.orgName].filter(Boolean).join('：') : ''],
    [r.status, statusNames[d.status as keyof typeof statusNames] ?? d.status],
  ];
  return [{ kind: 'table', columns: [{ title: t.field, width: 1 }, { title: t.value, width: 3 }], rows }];
}

function obligationLines(o: OutcomeView): string[] {
  return o.obligations.map((x) => `${chineseOrdinal(x.position)}、${t.obligationLine(x.obligorName, x.content, x.amount, formatChineseDate(x.dueOn))}`);
}

function agreementBody(d: Dispute, o: OutcomeView): BodyBlock[] {
  const a = o.agreement!;
  return [
    ...partyLines(d).map(para),
    heading(1, t.disputeHeading),
    para(d.summary),
    heading(2, t.termsHeading),
    para(a.terms),
    ...(o.obligations.length > 0 ? [heading(3, t.obligationsHeading), ...obligationLines(o).map(para)] : []),
    heading(o.obligations.length > 0 ? 4 : 3, t.effectHeading),
    para(t.effect(d.parties.length + 1)),
    para(t.confirmationRight),
    para(t.noFee),
    {
      kind: 'table',
      columns: t.signatureColumns.map((title) => ({ title, width: 1 })),
      rows: o.parties.map((p) => {
        const s = a.signatures.find((x) => x.partyId === p.id);
        return [p.name, '', s ? formatChineseDate(s.signedOn) : ''];
      }),
    },
    para(t.mediatorSignature),
  ];
}

function terminationBody(d: Dispute, o: OutcomeView): BodyBlock[] {
  const x = o.termination!;
  return [
    para(t.terminationBody(d.disputeType, d.code, x.reason)),
    para(t.terminationRoutes),
    ...x.routes.map((r, i) => para(`${chineseOrdinal(i + 1)}、${openRouteNames[r as keyof typeof openRouteNames] ?? r}；`)),
    para(t.terminationClose),
  ];
}

function applicationBody(d: Dispute, o: OutcomeView, organName: string): BodyBlock[] {
  const a = o.agreement!;
  return [
    para(`${t.applicants}：`),
    ...partyLines(d).map((line) => para(line.replace(/^[^：]+：/, ''))),
    heading(1, t.requestHeading),
    para(t.request(formatChineseDate(a.agreedOn), organName, d.code)),
    heading(2, t.factsHeading),
    para(t.facts(formatChineseDate(a.effectiveOn!))),
    para(t.applicantSignature),
  ];
}

function followUpBody(o: OutcomeView): BodyBlock[] {
  const byId = new Map(o.obligations.map((x) => [x.id, x]));
  return [
    heading(1, t.obligationsTableHeading),
    {
      kind: 'table',
      columns: t.obligationColumns.map((title, i) => ({ title, width: i === 2 ? 3 : 1 })),
      rows: o.obligations.map((x) => [String(x.position), x.obligorName, x.content, x.amount ?? '', formatChineseDate(x.dueOn), performanceNames[x.performance]]),
    },
    heading(2, t.visitsHeading),
    o.followUps.length === 0
      ? para(t.noVisits)
      : {
          kind: 'table',
          columns: t.visitColumns.map((title, i) => ({ title, width: i === 5 ? 3 : 1 })),
          rows: o.followUps.map((f) => {
            const x = f.obligationId ? byId.get(f.obligationId) : undefined;
            return [
              formatChineseDate(f.visitedOn),
              visitMethodNames[f.method as keyof typeof visitMethodNames] ?? f.method,
              f.visitor,
              x ? `${x.position}. ${x.content}` : t.wholeAgreement,
              performanceNames[f.result as keyof typeof performanceNames] ?? f.result,
              f.note ?? '',
            ];
          }),
        },
  ];
}

/** 调解笔录: when and where, who was present, the parties and the dispute, then the record as written. */
function sessionRecordBody(d: Dispute, x: Session): BodyBlock[] {
  const r = t.sessionRows;
  const rows: [string, string][] = [
    [r.code, d.code],
    [r.seq, t.sessionSeq(x.seq)],
    [r.heldOn, formatChineseDate(x.heldOn)],
    [r.place, x.place],
    [r.mediators, x.mediatorsPresent.join('、')],
    [r.parties, x.partiesPresent.join('、')],
    [r.recordedBy, x.recordedBy],
  ];
  return [
    { kind: 'table', columns: [{ title: t.field, width: 1 }, { title: t.value, width: 3 }], rows },
    heading(1, t.partiesHeading),
    ...partyLines(d).map(para),
    heading(2, t.disputeHeading),
    para(d.summary),
    heading(3, t.recordHeading),
    ...x.record.split(/\r?\n/).filter((line) => line.trim()).map(para),
    para(t.recordCheck),
    para(t.partiesSignature),
    para(t.mediatorSignature),
    para(t.recorderSignature),
  ];
}

export async function buildDocument(
  ctx: AuthedContext,
  input: { disputeId: string; kind: DocumentKind; court?: string | null | undefined; reveal?: boolean | undefined; sessionSeq?: number | null | undefined },
): Promise<DocumentFile> {
  const reveal = Boolean(input.reveal);
  if (reveal && !ctx.can('mediation.reveal')) throw forbidden(apiStrings.forbidden(ctx.permissionName('mediation.reveal')));
  const found = await getDispute(ctx, input.disputeId);
  const d: Dispute = { ...found, parties: await partiesFor(ctx, found.id, reveal) };
  const o = await readOutcome(ctx, ctx.db, input.disputeId);
  const title = titles[input.kind];
  const notApplicable = (why: string) => badRequest(om.documentNotApplicable(title, why));
  const organ = input.kind === 'registration' ? { name: t.centerName(ctx.tenant.name), abbreviation: Array.from(ctx.tenant.name)[0] ?? '' } : await organOf(ctx, d.id);
  const today = chinaDay(ctx.now());
  let recipients: string[] = [];
  let body: BodyBlock[];
  let date = today;
  let attachments: string[] | undefined;
  switch (input.kind) {
    case 'registration':
      body = registration(d);
      break;
    case 'agreement':
      if (!o.agreement) throw notApplicable(om.needsAgreement);
      if (o.agreement.form !== 'written') throw notApplicable(om.needsWrittenAgreement);
      body = agreementBody(d, o);
      date = o.agreement.agreedOn;
      break;
    case 'termination':
      if (!o.termination) throw notApplicable(om.needsTermination);
      recipients = d.parties.map((p) => p.name);
      body = terminationBody(d, o);
      date = o.termination.terminatedOn;
      break;
    case 'confirmation_application': {
      if (!o.agreement) throw notApplicable(om.needsAgreement);
      if (o.agreement.form !== 'written') throw notApplicable(om.needsWrittenAgreement);
      const court = o.agreement.confirmation.court ?? input.court?.trim();
      if (!court) throw badRequest(om.courtRequired);
      recipients = [court];
      body = applicationBody(d, o, organ.name);
      attachments = [t.attachment];
      date = o.agreement.confirmation.appliedOn ?? today;
      break;
    }
    case 'follow_up':
      if (!o.agreement) throw notApplicable(om.needsAgreement);
      body = followUpBody(o);
      break;
    case 'session_record': {
      if (!input.sessionSeq) throw badRequest(om.sessionRequired);
      const x = (await listSessions(ctx, d.id)).find((one) => one.seq === input.sessionSeq);
      if (!x) throw badRequest(om.sessionNotFound(input.sessionSeq));
      body = sessionRecordBody(d, x);
      date = x.heldOn;
      break;
    }
  }
  const doc = buildOfficialDocument({
    organ,
    docNo: d.code,
    title,
    recipients,
    body,
    date,
    ...(attachments ? { attachments } : {}),
    // The parties sign an application and an agreement themselves; the committee signs the rest.
    ...(input.kind === 'confirmation_application' ? { signature: d.parties.map((p) => p.name).join('、') } : {}),
  });
  const buffer = await renderDocx(doc);
  const sessionSeq = input.kind === 'session_record' ? (input.sessionSeq ?? null) : null;
  await ctx.audit.record({ action: 'mediation.document', targetType: 'mediation.dispute', targetId: d.id, detail: { kind: input.kind, revealed: reveal, ...(sessionSeq ? { sessionSeq } : {}) } });
  return { fileName: sessionSeq ? t.sessionFileName(title, d.code, sessionSeq) : t.fileName(title, d.code), mimeType: DOCX, base64: buffer.toString('base64') };
}
