// The petitioner's documents as docx on the official layout (@zhengfa/documents): the
// registration form (登记表) and the notices (受理告知书, 不予受理告知书, 延期办理告知书,
// 处理意见书). Each carries the query code (查询码) for the public progress look-up.
// Personal data are masked unless the caller revealed them (audited); an accusation's
// documents are printed only for committee users allowed to see the accuser.
import { buildOfficialDocument, formatChineseDate, renderDocx, type BodyBlock, type IssuingOrgan } from '@zhengfa/documents';
import { apiStrings, badRequest, forbidden, sql, type AuthedContext } from '@zhengfa/plugin-api';
import { loadMatter, maySeeAccuser, type MatterRow } from '../matters/access.js';
import { addDays } from '../matters/dates.js';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../matters/personal-data.js';
import { petitionersOf } from '../matters/queries.js';
import { openMaterial } from '../matters/sealing.js';
import { categoryNames, channelNames, documentTexts as t, matterStrings as s, noticeKindNames } from '../strings.js';
import { own } from '../db.js';

export const documentKinds = ['registration', 'acceptance', 'non_acceptance', 'extension', 'answer'] as const;
export type DocumentKind = (typeof documentKinds)[number];

export interface DocumentFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function organOf(tenantName: string): IssuingOrgan {
  return { name: t.organName(tenantName), abbreviation: Array.from(tenantName)[0] ?? '' };
}

const para = (text: string): BodyBlock => ({ kind: 'paragraph', text });

export async function buildDocument(
  ctx: AuthedContext,
  input: { id: string; kind: DocumentKind; reveal?: boolean; extensionReason?: string },
): Promise<DocumentFile> {
  const { matter: m, kase } = await loadMatter(ctx, own(ctx), input.id);
  if (m.is_accusation && !maySeeAccuser(ctx, m)) {
    await ctx.audit.record({ action: 'petitions.document', outcome: 'denied', targetType: 'petition', targetId: m.id, detail: { kind: input.kind, accusation: true } });
    throw forbidden(s.accusationDocumentDenied);
  }
  const reveal = Boolean(input.reveal);
  if (reveal && !ctx.can('petitions.reveal')) throw forbidden(apiStrings.forbidden(ctx.permissionName('petitions.reveal')));
  const petitioners = await petitionersOf(ctx, ctx.tenant.id, m.id);
  const show = (p: (typeof petitioners)[number]) =>
    reveal
      ? { name: p.name, id: p.id_number ?? '', phone: p.phone ?? '', address: p.address ?? '' }
      : { name: maskName(p.name), id: p.id_number ? maskIdNumber(p.id_number) : '', phone: p.phone ? maskPhone(p.phone) : '', address: p.address ? maskAddress(p.address) : '' };
  const shown = petitioners.map(show);
  const names = shown.map((p) => p.name).join('、');
  const received = formatChineseDate(m.first_received_on);
  const organ = organOf(ctx.tenant.name);
  const today = ctx.now();
  const clock = (key: string) => kase.clocks.find((c) => c.key === key);
  const notApplicable = (why: string) => badRequest(s.noticeNotApplicable(noticeKindNames[input.kind as Exclude<DocumentKind, 'registration'>], why));

  let title: string;
  let body: BodyBlock[];
  let recipients: string[] = [names];
  switch (input.kind) {
    case 'registration': {
      title = t.registrationTitle;
      recipients = [];
      const visits = await sql<{ channel: keyof typeof channelNames; received_on: string; person_count: number; is_repeat: boolean }>`
        select channel, received_on, person_count, is_repeat from petitions.visits where tenant_id = ${ctx.tenant.id} and matter_id = ${m.id}
        order by received_on, created_at`.execute(own(ctx));
      const first = visits.rows[0];
      const r = t.rows;
      const rows: [string, string][] = [
        [r.docNo, m.doc_no],
        [r.receivedOn, received],
        [r.channel, first ? channelNames[first.channel] : ''],
        [r.personCount, String(visits.rows.reduce((n, v) => n + v.person_count, 0))],
        [r.collective, visits.rows.some((v) => v.person_count >= 5) ? t.yes : t.no],
        [r.category, categoryNames[m.category]],
        [r.involved, m.involved_org_name ?? ''],
        ...(m.is_accusation ? ([[r.accused, [m.accused_org_name, m.accused_person].filter(Boolean).join('，')]] as [string, string][]) : []),
        [r.petitioners, shown.map((p) => t.petitionerLine(p.name, p.id, p.phone, p.address)).join('；')],
        [r.content, openMaterial(ctx.vault, m.content)],
        [r.demands, openMaterial(ctx.vault, m.demands)],
        [r.officer, m.receiving_officer_name],
        [r.repeat, String(visits.rows.filter((v) => v.is_repeat).length)],
      ];
      body = [{ kind: 'table', columns: [{ title: t.field, width: 1 }, { title: t.value, width: 3 }], rows }];
      break;
    }
    case 'acceptance': {
      if (m.acceptance !== 'accepted') throw notApplicable(s.noticeNeedsAcceptance);
      title = t.acceptanceTitle;
      const due = clock('handle')?.dueOn ?? kase.deadline ?? '';
      body = [para(t.acceptanceBody(received, m.doc_no, m.lead_unit_name ?? '', due ? formatChineseDate(due) : ''))];
      break;
    }
    case 'non_acceptance': {
      if (m.acceptance !== 'not_accepted') throw notApplicable(s.noticeNeedsNonAcceptance);
      title = t.nonAcceptanceTitle;
      body = [para(t.nonAcceptanceBody(received, m.doc_no, m.acceptance_note ?? '')), para(t.nonAcceptanceRights)];
      break;
    }
    case 'extension': {
      const reason = input.extensionReason?.trim();
      if (!reason) throw badRequest(s.extensionReasonRequired);
      const handle = clock('handle');
      const routedOn = m.routed_at ? new Date(m.routed_at.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10) : null;
      if (!handle?.dueOn || !routedOn || handle.dueOn <= addDays(routedOn, 60)) throw notApplicable(s.noticeNeedsExtension);
      title = t.extensionTitle;
      body = [para(t.extensionBody(received, m.doc_no, reason.replace(/[。.]$/, ''), formatChineseDate(handle.dueOn)))];
      break;
    }
    case 'answer': {
      if (!m.answered_on || !m.answer) throw notApplicable(s.noticeNeedsAnswer);
      title = t.answerTitle;
      body = [
        para(t.answerBody(received, m.doc_no)),
        para(m.answer),
        ...(m.review_result ? [para(t.reviewResult(m.review_result))] : []),
        ...(m.re_review_result ? [para(t.reReviewResult(m.re_review_result))] : []),
        para(t.answerRights(formatChineseDate(addDays(m.answered_on, 30)))),
      ];
      break;
    }
  }
  body.push(para(t.queryCodeLine(m.query_code)));
  const doc = buildOfficialDocument({ organ, docNo: m.doc_no, title, recipients, body, date: today });
  const buffer = await renderDocx(doc);
  await ctx.audit.record({
    action: 'petitions.document',
    targetType: 'petition',
    targetId: m.id,
    detail: { kind: input.kind, revealed: reveal },
  });
  return { fileName: t.fileName(title, m.doc_no), mimeType: DOCX, base64: buffer.toString('base64') };
}

export type { MatterRow };
