// The mediation plugin publishes the events it emits: names and payload schemas in
// ./contract, the same catalog declared in its definition.
import { describe, expect, it } from 'vitest';
import { checkEvent } from '@zhengfa/plugin-api';
import { mediationEvents, mediationEventSchemas } from './contract.js';
import plugin from './server/index.js';

describe('the mediation event catalog', () => {
  it('declares in its definition exactly the events its contract names', () => {
    expect(plugin.events).toBe(mediationEventSchemas);
    expect(Object.keys(mediationEventSchemas)).toEqual(Object.values(mediationEvents));
  });

  it('accepts a settled event of a dispute from no petition', () => {
    expect(() => checkEvent(mediationEventSchemas, 'mediation.dispute.settled', { disputeId: 'd1', code: '调2026-000001', petitionRef: null, settledOn: '2026-10-20' })).not.toThrow();
  });

  it('refuses a performed event without its date', () => {
    expect(() => checkEvent(mediationEventSchemas, 'mediation.dispute.performed', { disputeId: 'd1', code: '调2026-000001', petitionRef: 'm1' })).toThrow(
      "Event 'mediation.dispute.performed' payload does not match its schema at 'performedOn'",
    );
  });
});
