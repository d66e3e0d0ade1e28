// Input fields of the training procedures that the field kit has no builder for.
import { field as f, z } from '@zhengfa/plugin-api';
import { fieldMessages as m } from '../strings.js';

/** Class hours: a number of half hours from 0 to `max`; below zero reads 「学时」不能小于 0. */
export function classHours(label: string, max: number) {
  return f.withLabel(
    z
      .number({ error: (iss) => f.messageFor(label, iss) })
      .min(0, { error: m.notBelowZero(label) })
      .max(max, { error: m.notAbove(label, max) })
      .refine((v) => Number.isInteger(v * 2), { error: m.halfHours(label) }),
    label,
  );
}

/** An exam score from 0 to 100, at most one decimal. */
export function score(label: string) {
  return f.withLabel(
    z
      .number({ error: (iss) => f.messageFor(label, iss) })
      .min(0, { error: m.notBelowZero(label) })
      .max(100, { error: m.notAbove(label, 100) })
      .refine((v) => Math.abs(Math.round(v * 10) - v * 10) < 1e-6, { error: m.oneDecimal(label) }),
    label,
  );
}
