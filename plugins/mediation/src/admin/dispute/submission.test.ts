import { describe, expect, it } from 'vitest';
import { keptValues, optionalNumber, partiesOn, readExtension, readObligations } from './submission.js';

function fd(entries: [string, string][]): FormData {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
}

describe('the dispute page submissions', () => {
  it('reads the obligation rows in order and leaves out wholly blank rows', () => {
    const f = fd([
      ['obligor', 'p1'], ['content', '支付赔偿款'], ['amount', '12,000.50'], ['dueOn', '2026-12-31'],
      ['obligor', 'p1'], ['content', ''], ['amount', ''], ['dueOn', ''],
      ['obligor', 'p2'], ['content', '赔礼道歉'], ['amount', ''], ['dueOn', '2026-12-20'],
    ]);
    expect(readObligations(f)).toEqual([
      { obligorPartyId: 'p1', content: '支付赔偿款', amount: 12000.5, dueOn: '2026-12-31' },
      { obligorPartyId: 'p2', content: '赔礼道歉', amount: null, dueOn: '2026-12-20' },
    ]);
  });

  it('sends a partly filled obligation row so the server names its missing field', () => {
    expect(readObligations(fd([['obligor', 'p1'], ['content', ''], ['amount', '500'], ['dueOn', '']]))).toEqual([{ obligorPartyId: 'p1', content: '', amount: 500, dueOn: '' }]);
  });

  it('reads an amount that is not a number as NaN for the server to refuse', () => {
    expect(optionalNumber('十元')).toBeNaN();
  });

  it('gives each checked party the form’s one date', () => {
    expect(partiesOn(fd([['signedParty', 'a'], ['signedParty', 'b'], ['signedOn', '2026-12-01']]), 'signedParty', 'signedOn', 'signedOn')).toEqual([
      { partyId: 'a', signedOn: '2026-12-01' },
      { partyId: 'b', signedOn: '2026-12-01' },
    ]);
  });

  it('reads an extension by days when no new date was given', () => {
    expect(readExtension(fd([['newDueOn', ''], ['days', '15']]))).toEqual({ newDueOn: null, days: 15 });
  });

  it('keeps every submitted value but the intent and the version for the form after a refusal', () => {
    expect(keptValues(fd([['intent', 'settle'], ['version', '3'], ['terms', '双方同意'], ['signedParty', 'a'], ['signedParty', 'b']]))).toEqual({ terms: ['双方同意'], signedParty: ['a', 'b'] });
  });
});
