// The yearly training plan as a docx on the official layout (@zhengfa/documents): an
// introduction with the year's total class hours and a table of the items.
import { buildOfficialDocument, renderDocx } from '@zhengfa/documents';
import type { AuthedContext } from '@zhengfa/plugin-api';
import { unitScope } from '../scope.js';
import { courseKindNames, trainingStrings as s } from '../strings.js';
import { loadPlan } from './plans.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const hoursText = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

export async function planDocument(ctx: AuthedContext, id: string): Promise<{ fileName: string; mimeType: string; base64: string }> {
  const plan = await loadPlan(ctx, ctx.db, await unitScope(ctx), id);
  const title = s.planDocTitle(plan.unitName, plan.year);
  const header = s.planDocHeader;
  const doc = buildOfficialDocument({
    organ: { name: s.organName(ctx.tenant.name), abbreviation: Array.from(ctx.tenant.name)[0] ?? '' },
    docNo: s.planDocNo(ctx.tenant.name, plan.year),
    title,
    recipients: [],
    date: ctx.now(),
    body: [
      { kind: 'paragraph', text: s.planDocIntro(plan.unitName, plan.year, hoursText(plan.totalHours)) },
      ...(plan.summary ? [{ kind: 'paragraph' as const, text: plan.summary }] : []),
      {
        kind: 'table',
        columns: header.map((h, i) => ({ title: h, width: i === 2 ? 3 : 1 })),
        rows: plan.items.map((it, i) => [String(i + 1), courseKindNames[it.kind], it.title, s.planDocMonth(it.month), hoursText(it.classHours), it.audience, it.organiser]),
      },
    ],
  });
  const buffer = await renderDocx(doc);
  await ctx.audit.record({ action: 'personnel.training.plan.document', targetType: 'personnel.plan', targetId: plan.id });
  return { fileName: s.planFileName(title), mimeType: DOCX, base64: buffer.toString('base64') };
}
