import { describe, expect, it } from 'vitest';
import { currentRung, instrumentButtons, ladderRungs, yearOptions, type LadderInstrument } from './supervision.js';

const kinds = [
  { value: 'warning', label: '预防警告' },
  { value: 'guidance', label: '指导意见书' },
  { value: 'correction', label: '纠正通知书' },
  { value: 'removal_proposal', label: '建议罢免' },
  { value: 'discipline_transfer', label: '移交纪检' },
  { value: 'judicial_transfer', label: '移交司法机关' },
];

function inst(over: Partial<LadderInstrument> & { id: string; kind: string }): LadderInstrument {
  return { kindName: '', docNo: null, status: 'draft', overdue: false, previousId: null, suggestedNext: null, suggestedNextName: null, recipientOrgId: 'org', officerName: null, officerPost: null, ...over };
}

describe('ladderRungs', () => {
  it('puts nothing on any rung of a case without instruments', () => {
    const rungs = ladderRungs(kinds, []);
    expect(rungs.map((r) => r.label)).toEqual(kinds.map((k) => k.label));
    expect(rungs.every((r) => r.state === 'wait' && !r.suggestedFrom)).toBe(true);
    expect(currentRung(rungs)).toBe(0);
  });

  it('suggests the next rung after a rejected answer, until it is drafted', () => {
    const rejected = inst({ id: 'a', kind: 'warning', status: 'rejected', suggestedNext: 'guidance', suggestedNextName: '指导意见书' });
    let rungs = ladderRungs(kinds, [rejected]);
    expect(rungs[0]!.state).toBe('finish');
    expect(rungs[1]!.suggestedFrom?.id).toBe('a');
    expect(rungs[1]!.state).toBe('process');
    expect(currentRung(rungs)).toBe(1);

    // Newest first, as the kernel lists them.
    rungs = ladderRungs(kinds, [inst({ id: 'b', kind: 'guidance', previousId: 'a' }), rejected]);
    expect(rungs[1]!.suggestedFrom).toBeNull();
    expect(rungs[1]!.instruments.map((i) => i.id)).toEqual(['b']);
    expect(rungs[1]!.state).toBe('process');
  });

  it('suggests the next rung for an overdue answer too', () => {
    const rungs = ladderRungs(kinds, [inst({ id: 'c', kind: 'guidance', status: 'issued', overdue: true, suggestedNext: 'correction', suggestedNextName: '纠正通知书' })]);
    expect(rungs[2]!.suggestedFrom?.id).toBe('c');
    expect(currentRung(rungs)).toBe(2);
  });
});

describe('instrumentButtons', () => {
  const office = { permissions: ['cases.read', 'supervision.instruments'], committee: true };
  const leader = { permissions: ['cases.read', 'supervision.sign'], committee: true };
  const liaison = { permissions: ['cases.read', 'cases.handle'], committee: false };

  it('gives each role its own steps', () => {
    expect(instrumentButtons('draft', office)).toEqual(['submit']);
    expect(instrumentButtons('draft', leader)).toEqual([]);
    expect(instrumentButtons('pending_signoff', leader)).toEqual(['approve', 'decline']);
    expect(instrumentButtons('pending_signoff', office)).toEqual([]);
    expect(instrumentButtons('issued', liaison)).toEqual(['acknowledge']);
    expect(instrumentButtons('acknowledged', liaison)).toEqual(['answer']);
    expect(instrumentButtons('answered', office)).toEqual(['accept', 'reject']);
    expect(instrumentButtons('answered', liaison)).toEqual([]);
    expect(instrumentButtons('rejected', office)).toEqual([]);
  });
});

describe('yearOptions', () => {
  it('offers recent years and keeps the chosen one', () => {
    expect(yearOptions(2026, 2026)).toEqual([2027, 2026, 2025, 2024, 2023, 2022, 2021]);
    expect(yearOptions(2026, 2015)).toContain(2015);
  });
});
