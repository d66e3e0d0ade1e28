import { describe, expect, it } from 'vitest';
import { disputeAction } from './actions.js';

const ID = '0b6f4b4e-2b1a-4c3e-9d7a-1f2e3d4c5b6a';

class TRPCError extends Error {
  override name = 'TRPCError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function args(entries: [string, string][], settle: (input: unknown) => Promise<unknown>) {
  const body = new URLSearchParams(entries);
  return {
    request: new Request(`http://console.test/mediation/${ID}`, { method: 'POST', body }),
    params: { id: ID },
    context: { trpc: { mediation: { outcomes: { settle } } } },
  };
}

const settleForm: [string, string][] = [
  ['intent', 'settle'],
  ['version', '4'],
  ['form', 'written'],
  ['agreedOn', '2026-12-07'],
  ['terms', '被申请人赔偿损失'],
  ['obligor', 'p2'],
  ['content', '赔偿围墙损失'],
  ['amount', '3000'],
  ['dueOn', '2026-12-01'],
  ['signedParty', 'p1'],
  ['signedParty', 'p2'],
  ['signedOn', '2026-12-07'],
];

describe('the dispute page’s action', () => {
  it('sends the agreement with its obligation rows and signatures to outcomes.settle', async () => {
    let sent: unknown;
    const result = await disputeAction(args(settleForm, async (input) => ((sent = input), { version: 5 })));
    expect(result).toEqual({ ok: true, intent: 'settle', message: '已记录调解协议', result: { version: 5 } });
    expect(sent).toEqual({
      disputeId: ID,
      version: 4,
      form: 'written',
      agreedOn: '2026-12-07',
      terms: '被申请人赔偿损失',
      obligations: [{ obligorPartyId: 'p2', content: '赔偿围墙损失', amount: 3000, dueOn: '2026-12-01' }],
      signatures: [
        { partyId: 'p1', signedOn: '2026-12-07' },
        { partyId: 'p2', signedOn: '2026-12-07' },
      ],
    });
  });

  it('shows the server’s Chinese refusal and keeps the user’s input for the form', async () => {
    const refusal = '第 1 项履行义务的「履行期限」不能早于达成协议日期 2026-12-07';
    const result = await disputeAction(args(settleForm, () => Promise.reject(new TRPCError('BAD_REQUEST', refusal))));
    expect(result).toMatchObject({ ok: false, intent: 'settle', code: 'BAD_REQUEST', error: refusal });
    expect(result.values).toMatchObject({ terms: ['被申请人赔偿损失'], dueOn: ['2026-12-01'], signedParty: ['p1', 'p2'] });
  });

  it('refuses a form naming no known step', async () => {
    const result = await disputeAction(args([['intent', 'pay']], () => Promise.resolve(null)));
    expect(result).toMatchObject({ ok: false, intent: 'pay', code: 'BAD_REQUEST' });
  });
});
