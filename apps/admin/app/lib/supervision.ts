// Pure helpers of the supervision pages: the instrument ladder of a case, which step
// buttons a user gets on an instrument, and the file name of a downloaded document.
// Unit tested; the labels come from strings.ts or the kernel.

/** The fields of the kernel's instrument view the ladder needs. */
export interface LadderInstrument {
  id: string;
  kind: string;
  kindName: string;
  docNo: string | null;
  status: string;
  overdue: boolean;
  previousId: string | null;
  suggestedNext: string | null;
  suggestedNextName: string | null;
  recipientOrgId: string;
  officerName: string | null;
  officerPost: string | null;
}

export interface LadderRung<I extends LadderInstrument> {
  kind: string;
  label: string;
  /** Instruments of this kind on the case, oldest first. */
  instruments: I[];
  /** The instrument one rung down whose late or rejected answer suggests this rung. */
  suggestedFrom: I | null;
  /** Steps status: finish (issued here), process (in the works here or suggested), wait. */
  state: 'finish' | 'process' | 'wait';
}

const settled = new Set(['accepted', 'rejected']);

/**
 * The six rungs with the case's instruments on each. A rung is suggested when an
 * instrument one rung down has a suggestedNext (late or rejected answer) that nobody has
 * followed yet (no instrument names it as its previous one).
 */
export function ladderRungs<I extends LadderInstrument>(kinds: readonly { value: string; label: string }[], instruments: readonly I[]): LadderRung<I>[] {
  const followed = new Set(instruments.map((i) => i.previousId).filter((x): x is string => Boolean(x)));
  // The kernel lists newest first; the ladder reads oldest first.
  const ordered = [...instruments].reverse();
  return kinds.map(({ value, label }) => {
    const here = ordered.filter((i) => i.kind === value);
    const suggestedFrom = [...ordered].reverse().find((i) => i.suggestedNext === value && !followed.has(i.id)) ?? null;
    const active = here.some((i) => !settled.has(i.status));
    const state: LadderRung<I>['state'] = suggestedFrom || active ? 'process' : here.length ? 'finish' : 'wait';
    return { kind: value, label, instruments: here, suggestedFrom, state };
  });
}

/** The index Steps should mark current: the highest rung in use or suggested, else the first. */
export function currentRung(rungs: readonly LadderRung<LadderInstrument>[]): number {
  let current = 0;
  rungs.forEach((r, i) => {
    if (r.instruments.length || r.suggestedFrom) current = i;
  });
  return current;
}

export type InstrumentButton = 'submit' | 'approve' | 'decline' | 'acknowledge' | 'answer' | 'accept' | 'reject';

/**
 * The step buttons a user gets on an instrument in a status. The kernel decides; this only
 * keeps buttons away from users who could never use them (the recipient unit's liaison
 * acknowledges and answers, the office submits and decides, a leader signs).
 */
export function instrumentButtons(status: string, user: { permissions: readonly string[]; committee: boolean }): InstrumentButton[] {
  const can = (p: string) => user.permissions.includes(p);
  switch (status) {
    case 'draft':
      return can('supervision.instruments') ? ['submit'] : [];
    case 'pending_signoff':
      return can('supervision.sign') ? ['approve', 'decline'] : [];
    case 'issued':
      return can('cases.handle') && !user.committee ? ['acknowledge'] : [];
    case 'acknowledged':
      return can('cases.handle') && !user.committee ? ['answer'] : [];
    case 'answered':
      return can('supervision.instruments') ? ['accept', 'reject'] : [];
    default:
      return [];
  }
}

/** What each button sends to supervision.instrumentStep. */
export const instrumentStepOf: Record<InstrumentButton, { step: 'submit' | 'sign' | 'acknowledge' | 'answer' | 'decide'; approve?: boolean; comment: 'none' | 'optional' | 'required'; answer?: boolean; danger?: boolean }> = {
  submit: { step: 'submit', comment: 'none' },
  approve: { step: 'sign', approve: true, comment: 'optional' },
  decline: { step: 'sign', approve: false, comment: 'required', danger: true },
  acknowledge: { step: 'acknowledge', comment: 'none' },
  answer: { step: 'answer', comment: 'none', answer: true },
  accept: { step: 'decide', approve: true, comment: 'optional' },
  reject: { step: 'decide', approve: false, comment: 'required', danger: true },
};

/** The meetings list's years: this year back to five years ago, plus the chosen one. */
export function yearOptions(thisYear: number, chosen: number): number[] {
  const years = new Set<number>([chosen]);
  for (let y = thisYear + 1; y >= thisYear - 5; y--) years.add(y);
  return [...years].sort((a, b) => b - a);
}
