// The effect period of every kind of outcome, from its decision date (2026-03-15), through the
// procedures: the officer is eligible for commendation and promotion the day before the
// decision, ineligible from the decision date through the period's last day, and eligible
// again the day after; a kind without a period never restricts, 开除 always does.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '@zhengfa/test-utils';
import { sanctionKinds, sanctionRules } from './periods.js';
import { api, insertOfficer, startWorld, type World } from '../test/officers.js';

/** The last day of each kind's effect when decided on 2026-03-15 (null: no period). */
const LAST_DAY: Record<(typeof sanctionKinds)[number], string | null | 'permanent'> = {
  talk_reminder: null,
  criticism: null,
  self_examination: null,
  admonishment: '2026-09-14',
  reassignment: '2027-03-14',
  gov_warning: '2026-09-14',
  demerit: '2027-03-14',
  major_demerit: '2027-09-14',
  demotion: '2028-03-14',
  dismissal_from_post: '2028-03-14',
  expulsion: 'permanent',
  party_warning: '2027-03-14',
  party_serious_warning: '2027-09-14',
  party_post_removal: '2028-03-14',
  party_probation: '2028-03-14',
  party_expulsion: '2031-03-14',
};

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86400_000).toISOString().slice(0, 10);

describeEachEngine('personnel eligibility through each kind’s effect period', (engine) => {
  let w: World;
  const officers: Record<string, string> = {};
  beforeAll(async () => {
    w = await startWorld(engine, '2026-06-01');
    for (const [i, kind] of sanctionKinds.entries()) {
      officers[kind] = await insertOfficer(w.t, { name: `干警${i + 1}`, officerNo: `E${String(i + 1).padStart(3, '0')}` });
      await api(w.staff).sanctions.decide({
        officerId: officers[kind],
        form: sanctionRules[kind].usualForm,
        kind,
        ...(kind === 'party_probation' ? { probationYears: 2 } : {}),
        decidedOn: '2026-03-15',
        reason: '违纪违规',
      });
    }
  }, 240_000);
  afterAll(() => w.t.stop());

  const eligible = async (kind: string, on: string) => ((await api(w.political).sanctions.eligibility({ officerId: officers[kind], on })) as { eligible: boolean }).eligible;

  it('restricts each kind from its decision date through the last day of its period and not a day longer', async () => {
    const seen: Record<string, [boolean, boolean, boolean, boolean]> = {};
    const expected: Record<string, [boolean, boolean, boolean, boolean]> = {};
    for (const kind of sanctionKinds) {
      const last = LAST_DAY[kind];
      if (last === null || last === 'permanent') continue;
      seen[kind] = [await eligible(kind, '2026-03-14'), await eligible(kind, '2026-03-15'), await eligible(kind, last), await eligible(kind, nextDay(last))];
      expected[kind] = [true, false, false, true];
    }
    expect(Object.keys(seen)).toHaveLength(12);
    expect(seen).toEqual(expected);
  });

  it('answers the end of each kind’s period as its last day', async () => {
    const until: Record<string, string | null> = {};
    for (const kind of sanctionKinds) {
      const r = (await api(w.political).sanctions.eligibility({ officerId: officers[kind], on: '2026-03-15' })) as { until: string | null; permanent: boolean };
      until[kind] = r.permanent ? 'permanent' : r.until;
    }
    expect(until).toEqual(LAST_DAY);
  });

  it('never restricts 谈话提醒, 批评教育 or 责令检查', async () => {
    expect([await eligible('talk_reminder', '2026-03-15'), await eligible('criticism', '2026-03-15'), await eligible('self_examination', '2026-03-15')]).toEqual([true, true, true]);
  });

  it('restricts 开除 for good', async () => {
    expect([await eligible('expulsion', '2026-03-14'), await eligible('expulsion', '2026-03-15'), await eligible('expulsion', '2036-03-15')]).toEqual([true, false, false]);
  });
});
