// The kinds of outcome and the period each one's effect lasts, as data with the law's
// defaults (a county may set its own months per kind: personnel.sanction_periods).
//
// - 政务处分 (公职人员政务处分法 第八条): 警告 6 months, 记过 12, 记大过 18, 降级 and 撤职 24;
//   开除 has no period (permanent).
// - 党纪处分 (中国共产党纪律处分条例): 警告 1 year and 严重警告 1.5 years without promotion,
//   撤销党内职务 2 years, 留党察看 1 or 2 years, 开除党籍 5 years before re-admission.
// - 组织处理: 诫勉 6 months without promotion (诫勉规定), 调整岗位 12 months; 谈话提醒,
//   批评教育 and 责令检查 carry no period.
//
// Convention (documented in the README): the period counts from the decision date itself
// (处分期自处分决定生效之日起计算), so its last day is the day before the same date `months`
// later: 记过 decided 2026-03-15 is in effect through 2027-03-14 and the officer is eligible
// again on 2027-03-15. Where that date does not exist (2026-08-31 + 6 months) the period ends
// on the last day of that month (2027-02-28).

export const sanctionCategories = ['organisational', 'governmental', 'party'] as const;
export type SanctionCategory = (typeof sanctionCategories)[number];

export const sanctionKinds = [
  'talk_reminder',
  'criticism',
  'self_examination',
  'admonishment',
  'reassignment',
  'gov_warning',
  'demerit',
  'major_demerit',
  'demotion',
  'dismissal_from_post',
  'expulsion',
  'party_warning',
  'party_serious_warning',
  'party_post_removal',
  'party_probation',
  'party_expulsion',
] as const;
export type SanctionKind = (typeof sanctionKinds)[number];

export interface SanctionKindRule {
  category: SanctionCategory;
  /** The four forms' usual place of the kind (the decision may classify otherwise). */
  usualForm: 1 | 2 | 3 | 4;
  /** The law's default effect period in months; null: no period; 'permanent': no end. */
  months: number | null | 'permanent';
}

export const sanctionRules: Record<SanctionKind, SanctionKindRule> = {
  talk_reminder: { category: 'organisational', usualForm: 1, months: null },
  criticism: { category: 'organisational', usualForm: 1, months: null },
  self_examination: { category: 'organisational', usualForm: 1, months: null },
  admonishment: { category: 'organisational', usualForm: 1, months: 6 },
  reassignment: { category: 'organisational', usualForm: 2, months: 12 },
  gov_warning: { category: 'governmental', usualForm: 2, months: 6 },
  demerit: { category: 'governmental', usualForm: 2, months: 12 },
  major_demerit: { category: 'governmental', usualForm: 2, months: 18 },
  demotion: { category: 'governmental', usualForm: 3, months: 24 },
  dismissal_from_post: { category: 'governmental', usualForm: 3, months: 24 },
  expulsion: { category: 'governmental', usualForm: 3, months: 'permanent' },
  party_warning: { category: 'party', usualForm: 2, months: 12 },
  party_serious_warning: { category: 'party', usualForm: 2, months: 18 },
  party_post_removal: { category: 'party', usualForm: 3, months: 24 },
  // 留党察看: the decision says 1 or 2 years (probationYears); the months follow from it.
  party_probation: { category: 'party', usualForm: 3, months: 12 },
  party_expulsion: { category: 'party', usualForm: 3, months: 60 },
};

/** The kinds whose months a county may set (those with a finite period fixed by kind). */
export const adjustableKinds = sanctionKinds.filter((k) => typeof sanctionRules[k].months === 'number' && k !== 'party_probation');

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * The last day of a period of `months` starting on `start` (YYYY-MM-DD), the start counted:
 * the day before the same date `months` later; the month's last day when that date does not exist.
 */
export function periodEnd(start: string, months: number): string {
  const [y, m, d] = start.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const lastOfMonth = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  if (d > lastOfMonth) return `${pad(ty, 4)}-${pad(tm)}-${pad(lastOfMonth)}`;
  const same = new Date(Date.UTC(ty, tm - 1, d));
  same.setUTCDate(same.getUTCDate() - 1);
  return same.toISOString().slice(0, 10);
}

export interface EffectPeriod {
  months: number | null;
  effectiveUntil: string | null;
  permanent: boolean;
}

/** The effect period of a decision of `kind` on `decidedOn`, with the county's own months. */
export function effectPeriod(kind: SanctionKind, decidedOn: string, opts: { probationYears?: 1 | 2 | null; countyMonths?: number | null } = {}): EffectPeriod {
  const rule = sanctionRules[kind];
  if (rule.months === 'permanent') return { months: null, effectiveUntil: null, permanent: true };
  if (rule.months === null) return { months: null, effectiveUntil: null, permanent: false };
  const months = kind === 'party_probation' ? (opts.probationYears ?? 1) * 12 : (opts.countyMonths ?? rule.months);
  return { months, effectiveUntil: periodEnd(decidedOn, months), permanent: false };
}
