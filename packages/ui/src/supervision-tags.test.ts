import { describe, expect, it } from 'vitest';
import { instrumentStatusColor, meetingStatusColor } from './supervision-tags.js';

describe('supervision tag colours', () => {
  it('colours instruments by where they stand', () => {
    expect(instrumentStatusColor('draft')).toBe('default');
    expect(instrumentStatusColor('pending_signoff')).toBe('gold');
    expect(instrumentStatusColor('accepted')).toBe('success');
    expect(instrumentStatusColor('rejected')).toBe('error');
    expect(instrumentStatusColor('unknown')).toBe('default');
  });

  it('colours meetings by outcome', () => {
    expect(meetingStatusColor('consensus')).toBe('success');
    expect(meetingStatusColor('escalated')).toBe('warning');
    expect(meetingStatusColor('unknown')).toBe('default');
  });
});
