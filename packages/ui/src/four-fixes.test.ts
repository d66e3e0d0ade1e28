import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { toFormData } from './form-data.js';
import { fourFixesSubmission, readFourFixes } from './four-fixes.js';

describe('the four-fixes form', () => {
  it('submits what the action reads back as the kernel takes it', () => {
    const fd = toFormData({
      intent: 'route',
      ...fourFixesSubmission({
        leadLeaderId: 'l1',
        leadUnitId: 'u1',
        cooperatingUnitIds: ['u2', 'u3'],
        handlerName: '李承办',
        resolutionPlan: '核实补偿款发放情况，限期答复',
        deadline: dayjs('2026-12-31'),
      }),
    });
    expect(readFourFixes(fd)).toEqual({
      leadLeaderId: 'l1',
      handlerName: '李承办',
      handlerPhone: null,
      resolutionPlan: '核实补偿款发放情况，限期答复',
      deadline: '2026-12-31',
      leadUnitId: 'u1',
      cooperatingUnitIds: ['u2', 'u3'],
    });
  });
});
