// The ledger's action for 批量催办: the selected matters' ids with one dispatch's date and
// note, sent to cases.dispatchMany; the answer counts what was urged (or carries the
// kernel's refusal, which names the matter that cannot be urged).
import type { AppLoadContext } from '@remix-run/server-runtime';
import { strings } from '../strings.js';
import { badForm, form, mutate } from './trpc.server.js';

export async function batchUrgeAction(context: AppLoadContext, fd: FormData) {
  const intent = form.str(fd, 'intent');
  if (intent !== 'dispatchMany') return badForm(intent);
  const r = await mutate(context, intent, '', (trpc) =>
    trpc.cases.dispatchMany({ ids: form.list(fd, 'ids'), heldOn: form.str(fd, 'heldOn'), summary: form.str(fd, 'summary'), nextSteps: form.str(fd, 'nextSteps') }),
  );
  return r.ok && r.result ? { ...r, message: strings.cases.batchUrged(r.result.urged, r.result.unchanged) } : r;
}
