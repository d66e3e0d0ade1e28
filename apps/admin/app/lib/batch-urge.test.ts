import type { AppLoadContext } from '@remix-run/server-runtime';
import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { batchUrgeAction } from './batch-urge.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

function submitted(values: Record<string, string | string[]>): FormData {
  const fd = new FormData();
  for (const [k, v] of Object.entries(values)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
  return fd;
}

/** A load context whose caller answers cases.dispatchMany with `answer` and keeps what it was sent. */
function contextAnswering(answer: (input: unknown) => unknown) {
  const sent: unknown[] = [];
  const context = { trpc: { cases: { dispatchMany: async (input: unknown) => (sent.push(input), answer(input)) } } } as unknown as AppLoadContext;
  return { context, sent };
}

describe('the ledger action for 批量催办', () => {
  it('sends the selected matters with the dispatch and answers with the count urged', async () => {
    const { context, sent } = contextAnswering(() => ({ urged: 2, unchanged: 0, items: [] }));
    const r = await batchUrgeAction(context, submitted({ intent: 'dispatchMany', ids: [A, B], heldOn: '2026-11-02', summary: '集中催办', nextSteps: '' }));
    expect(sent).toEqual([{ ids: [A, B], heldOn: '2026-11-02', summary: '集中催办', nextSteps: '' }]);
    expect(r).toMatchObject({ ok: true, message: '已催办 2 件事项' });
  });

  it('says which matters had already been urged with the same dispatch', async () => {
    const { context } = contextAnswering(() => ({ urged: 1, unchanged: 1, items: [] }));
    const r = await batchUrgeAction(context, submitted({ intent: 'dispatchMany', ids: [A, B], heldOn: '2026-11-02', summary: '集中催办' }));
    expect(r).toMatchObject({ ok: true, message: '已催办 1 件事项；另有 1 件已按同一调度催办过，未重复记录' });
  });

  it("shows the kernel's refusal, naming the matter, beside the form", async () => {
    const refusal = '事项 示政法督〔2026〕3号 当前为「已归档」，不在办理中，不能催办；本批事项均未催办';
    const { context } = contextAnswering(() => {
      throw new TRPCError({ code: 'BAD_REQUEST', message: refusal });
    });
    const r = await batchUrgeAction(context, submitted({ intent: 'dispatchMany', ids: [A], heldOn: '2026-11-02', summary: '集中催办' }));
    expect(r).toEqual({ ok: false, intent: 'dispatchMany', code: 'BAD_REQUEST', error: refusal });
  });
});
