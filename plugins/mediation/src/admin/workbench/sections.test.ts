import { describe, expect, it } from 'vitest';
import { workbenchSections } from './sections.js';

const row = (id: string, receivedOn: string) => ({ id, code: `TJ-${id}`, receivedOn, disputeType: '邻里', partyNames: ['张三'] });

describe('the center’s workbench', () => {
  const sections = workbenchSections({
    today: '2026-12-07',
    all: [row('1', '2026-12-07'), row('2', '2026-12-07'), row('3', '2026-12-06')],
    registered: [row('1', '2026-12-07')],
    mediating: [],
    mediationSoon: [],
    mediationOverdue: [],
    confirmation: [row('3', '2026-12-06')],
    confirmationOverdue: [],
    followUp: Array.from({ length: 7 }, (_, i) => row(`f${i}`, '2026-11-01')),
  });
  const byKey = new Map(sections.map((s) => [s.key, s]));

  it('counts today’s intake and links to the list of that day', () => {
    expect(byKey.get('today')).toMatchObject({ count: 2, link: '/mediation?receivedOn=2026-12-07' });
  });

  it('links each falling-due section to the list the to-dos open', () => {
    expect(sections.map((s) => s.link)).toEqual([
      '/mediation?receivedOn=2026-12-07',
      '/mediation?status=registered',
      '/mediation?status=mediating',
      '/mediation?mediationDue=soon',
      '/mediation?mediationDue=overdue',
      '/mediation?due=confirmation',
      '/mediation?due=confirmation-overdue',
      '/mediation?due=follow-up',
    ]);
  });

  it('shows the first five rows of a section and counts them all', () => {
    expect(byKey.get('follow-up')).toMatchObject({ count: 7 });
    expect(byKey.get('follow-up')!.rows).toHaveLength(5);
  });
});
