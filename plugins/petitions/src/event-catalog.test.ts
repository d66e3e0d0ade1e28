// The petitions plugin publishes the events it emits: names and payload schemas in
// ./contract, the same catalog declared in its definition.
import { describe, expect, it } from 'vitest';
import { checkEvent } from '@zhengfa/plugin-api';
import plugin from './server/index.js';
import { petitionEvents, petitionEventSchemas } from './contract.js';

describe('the petitions event catalog', () => {
  it('declares in its definition exactly the events its contract names', () => {
    expect(plugin.events).toBe(petitionEventSchemas);
    expect(Object.keys(petitionEventSchemas)).toEqual(Object.values(petitionEvents));
  });

  it('accepts a concluded event with a known outcome', () => {
    expect(() => checkEvent(petitionEventSchemas, 'petitions.concluded', { matterId: 'm1', caseId: 'c1', outcome: 'resolved' })).not.toThrow();
  });

  it('refuses a concluded event whose outcome it does not publish', () => {
    expect(() => checkEvent(petitionEventSchemas, 'petitions.concluded', { matterId: 'm1', caseId: 'c1', outcome: 'lost' })).toThrow(
      "Event 'petitions.concluded' payload does not match its schema at 'outcome'",
    );
  });
});
