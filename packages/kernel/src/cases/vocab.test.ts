import { describe, expect, it } from 'vitest';
import { caseActionLabels, caseEventNames } from '../strings.js';
import { caseActions } from './lifecycle.js';

describe("the kernel's case vocabulary (cases.vocab)", () => {
  it('labels every action of the lifecycle for the workflow buttons', () => {
    expect(Object.keys(caseActionLabels).sort()).toEqual([...caseActions].sort());
    expect(caseActionLabels.approve).toBe('同意立项');
  });

  it('names the timeline events of actions, clocks, instruments, powers and meetings', () => {
    for (const a of caseActions) expect(caseEventNames[a]).toBeTruthy();
    expect(caseEventNames.approve).toBe('立项');
    expect(caseEventNames.setFourFixes).toBe('落实四定一包');
    expect(caseEventNames['clock.extension.approve']).toBe('批准延期');
    expect(caseEventNames['instrument.revise']).toBe('修改监督文书');
    expect(caseEventNames['power.use']).toBe('行使监督权力');
    expect(caseEventNames['meeting.schedule']).toBe('安排协调会');
  });
});
