import { describe, expect, it } from 'vitest';
import { caseStatusColor, urgencyColor } from './case-tags.js';

describe('case tag colours', () => {
  it('colours the statuses by stage', () => {
    expect(caseStatusColor('registered')).toBe('default');
    expect(caseStatusColor('in_progress')).toBe('processing');
    expect(caseStatusColor('closed')).toBe('success');
    expect(caseStatusColor('unknown')).toBe('default');
  });

  it('makes the more urgent classes louder', () => {
    expect(urgencyColor('normal')).toBe('default');
    expect(urgencyColor('urgent')).toBe('orange');
    expect(urgencyColor('critical')).toBe('red');
  });
});
