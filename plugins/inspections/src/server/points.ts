// Points carry one decimal (numeric(6,1)): sums and comparisons are done in tenths, as
// integers, so 33.3 + 33.3 + 33.4 is exactly 100.
import { badRequest } from '@zhengfa/plugin-api';
import { messages as m } from './strings.js';

export function tenths(points: number): number {
  return Math.round(points * 10);
}

export function fromTenths(t: number): number {
  return t / 10;
}

/** Refuses a value with more than one decimal, naming the field. */
export function oneDecimal(value: number, field: string): number {
  if (Math.abs(value * 10 - Math.round(value * 10)) > 1e-9) throw badRequest(m.oneDecimal(field));
  return Math.round(value * 10) / 10;
}

/** A percentage of `count` in `total` to one decimal (118 of 120: 98.3); 0 when total is 0. */
export function rate(count: number, total: number): number {
  if (total === 0) return 0;
  return Math.round((count * 1000) / total) / 10;
}
