// The four phases of a campaign in order (自查自纠 → 抽查评查 → 整改 → 通报): each date no
// earlier than the one before it; a refusal names both fields.
import { badRequest } from '@zhengfa/plugin-api';
import { fieldNames as n, messages as m } from '../strings.js';

export interface Phases {
  selfCheckFrom: string;
  selfCheckTo: string;
  reviewFrom: string;
  reviewTo: string;
  rectifyFrom: string;
  rectifyTo: string;
  bulletinOn: string;
}

export const phaseKeys = ['selfCheckFrom', 'selfCheckTo', 'reviewFrom', 'reviewTo', 'rectifyFrom', 'rectifyTo', 'bulletinOn'] as const;

export function checkPhases(p: Phases): void {
  for (let i = 1; i < phaseKeys.length; i += 1) {
    const earlier = phaseKeys[i - 1]!;
    const later = phaseKeys[i]!;
    if (p[later] < p[earlier]) throw badRequest(m.phaseOrder(n[later], n[earlier]));
  }
}

export const statuses = ['planning', 'self_check', 'review', 'rectification', 'bulletin', 'closed'] as const;
export type Status = (typeof statuses)[number];

export function nextStatus(s: Status): Status | null {
  const i = statuses.indexOf(s);
  return i < statuses.length - 1 ? statuses[i + 1]! : null;
}
