import { describe, expect, it } from 'vitest';
import { actionForms, actionLabel, eventLabel, filledClarities, formatSize, orderedActions } from './case-actions.js';

describe('workflow actions', () => {
  it('shows the allowed actions in a fixed order and drops unknown ones', () => {
    expect(orderedActions(['returnForRework', 'review', 'archive', 'bogus'])).toEqual(['review', 'returnForRework', 'archive']);
    expect(orderedActions([])).toEqual([]);
  });

  it('asks for a reason where the kernel requires one', () => {
    for (const a of ['transfer', 'returnForRework', 'reopen'] as const) expect(actionForms[a].comment).toBe('required');
    expect(actionForms.transfer.unit).toBe(true);
    expect(actionForms.submitResult.report).toBe(true);
    expect(actionForms.submitResult.attachments).toBe(true);
    expect(actionForms.reportProgress.attachments).toBe(true);
  });

  it("names actions and timeline events with the kernel's words, and unknown ones by their code", () => {
    const vocab = { actions: { acknowledge: '签收' }, events: { 'clock.extension.approve': '批准延期' } };
    expect(actionLabel('acknowledge', vocab)).toBe('签收');
    expect(actionLabel('bogus', vocab)).toBe('bogus');
    expect(eventLabel('clock.extension.approve', vocab)).toBe('批准延期');
    expect(eventLabel('something.new', vocab)).toBe('something.new');
  });
});

describe('helpers', () => {
  it('keeps only the clarities that were written', () => {
    expect(filledClarities({ parties: ' 张某，男 ', facts: '  ', bogus: 'x' })).toEqual({ parties: '张某，男' });
    expect(filledClarities(undefined)).toEqual({});
  });

  it('formats file sizes', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(34 * 1024)).toBe('34 KB');
    expect(formatSize(1.5 * 1024 * 1024)).toBe('1.5 MB');
  });
});
