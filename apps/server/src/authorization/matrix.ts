// The authorization matrix: what each procedure and HTTP route answers each identity, for a
// target in the identity's own unit, another unit of its county, and another county.
//
// The first layer comes from the procedure itself: `public`, `authed` or the permissions its
// builder records in its meta (@zhengfa/plugin-api); a call that fails it is refused with
// the layer's own message, whatever the data. The declarations (procedures.ts, routes.ts)
// say what a call that passes it answers: the data rule (a unit sees what is assigned to it,
// the committee its county, nobody another county) and the procedure's own checks, each
// with the refusal's exact code and message.
import { TRPCError } from '@trpc/server';
import { apiStrings, type ProcedureAccess } from '@zhengfa/plugin-api';
import type { Identity, Target, TargetKey, World } from './world.js';

/**
 * How an identity stands to a target: the committee of the target's county, the unit that
 * leads it, a unit cooperating on it, another unit of the county, or another county.
 */
export type Relation = 'county' | 'lead' | 'cooperating' | 'none' | 'otherCounty';

export function relationOf(who: Identity, target: Target): Relation {
  if (who.tenantId !== target.tenantId) return 'otherCounty';
  if (who.committee) return 'county';
  if (who.unit === target.lead) return 'lead';
  if (who.unit && target.cooperating.includes(who.unit)) return 'cooperating';
  return 'none';
}

/** The kernel's case scope (cases/scope.ts): the committee its county, a unit what it leads or cooperates on. */
export const seesCase = (rel: Relation) => rel === 'county' || rel === 'lead' || rel === 'cooperating';
/** Organisation scope (scope.ts): the committee its county, a unit its own subtree. */
export const inSubtree = (rel: Relation) => rel === 'county' || rel === 'lead';
export const sameCounty = (rel: Relation) => rel !== 'otherCounty';

export type Outcome =
  | { ok: true; /** Returns what is wrong with the result, or null. */ check?: (result: any) => string | null }
  | { ok: false; code: TRPCError['code']; message: string };

export const ok = (check?: (result: any) => string | null): Outcome => ({ ok: true, check });
export const refused = (code: TRPCError['code'], message: string): Outcome => ({ ok: false, code, message });
export const notFound = (message: string) => refused('NOT_FOUND', message);
export const forbidden = (message: string) => refused('FORBIDDEN', message);
export const badRequest = (message: string) => refused('BAD_REQUEST', message);
export const conflict = refused('CONFLICT', apiStrings.conflict);

/** A list answer: the target's id is in it exactly when the rule lets the caller see it. */
export function lists(visible: boolean, id: string, ids: (result: any) => string[]): Outcome {
  return ok((result) => {
    const found = ids(result).includes(id);
    if (found === visible) return null;
    return visible ? `expected ${id} in the answer, it is missing` : `expected ${id} kept out of the answer, it is listed`;
  });
}

export interface ProbeContext {
  w: World;
  who: Identity;
  /** Null for a probe made once per identity. */
  target: Target | null;
  rel: Relation | null;
}

export interface Probe {
  /** A variant of the call (a transition's action); '' for a procedure's one probe. */
  variant?: string;
  /** 'units': own unit, another unit, another county; 'counties': own county and another; 'once': no target. */
  over: 'units' | 'counties' | 'once';
  /** A permission the procedure checks first for this variant (an action's or a step's own). */
  needs?: string;
  input(c: ProbeContext): unknown;
  /** What a call that passes the access checks answers. */
  expect(c: ProbeContext): Outcome;
}

export interface ProcedureDeclaration {
  /** Who may call: must equal what the procedure's builder records. */
  access: ProcedureAccess;
  /** The data rule, in words. */
  rule: string;
  probes: Probe[];
  /** Run after every other call (signing out ends the identity's session). */
  last?: boolean;
}

export const probeTargets: Record<Probe['over'], TargetKey[] | [null]> = {
  units: ['police', 'procuratorate', 'neighbour'],
  counties: ['police', 'neighbour'],
  once: [null],
};

/** The refusal of the access layer (the procedure's builder), or null when the call passes it. */
export function accessRefusal(access: ProcedureAccess, who: Identity, nameOf: (permission: string) => string): Outcome | null {
  if (access.access === 'public') return null;
  if (!who.userId) return refused('UNAUTHORIZED', apiStrings.unauthenticated);
  if (access.access === 'authed') return null;
  if (access.access === 'anyPermission') {
    if (access.permissions.some((p) => who.permissions.has(p))) return null;
    return forbidden(apiStrings.forbidden(access.permissions.map(nameOf)));
  }
  const missing = access.permissions.find((p) => !who.permissions.has(p));
  return missing ? forbidden(apiStrings.forbidden(nameOf(missing))) : null;
}

/** Compares a call's result with the expected outcome; returns what differs, or null. */
export function judge(expected: Outcome, result: { value: unknown } | { error: unknown }): string | null {
  if ('error' in result) {
    const e = result.error as { code?: string; message?: string };
    const got = e instanceof TRPCError ? `${e.code} 「${e.message}」` : `a ${(e as Error)?.name ?? typeof e}: ${(e as Error)?.message ?? String(e)}`;
    if (expected.ok) return `expected success, got ${got}`;
    if (e instanceof TRPCError && e.code === expected.code && e.message === expected.message) return null;
    return `expected ${expected.code} 「${expected.message}」, got ${got}`;
  }
  if (!expected.ok) return `expected ${expected.code} 「${expected.message}」, got success`;
  return expected.check?.(result.value) ?? null;
}

/**
 * What of `target` may not appear in any answer to `who`: the case, its petition and their
 * words when the caller does not see the case; the instrument and meeting addressed to the
 * target's unit when they are outside the caller's subtree; a draft instrument and the
 * leader's reason for sending it back to anyone but the committee of the county.
 */
export function secretsFrom(who: Identity, target: Target): string[] {
  const rel = relationOf(who, target);
  return [
    ...(seesCase(rel) ? [] : [target.caseId, target.caseTitle, target.caseDocNo, target.matterId, target.matterCaseId, target.matterContent]),
    ...(inSubtree(rel) ? [] : [target.instrumentId, target.meetingId]),
    ...(rel === 'county' ? [] : [target.draftInstrumentId, target.draftComment]),
  ];
}

/** The secrets of every target that an answer shows to a caller who may not see them. */
export function leaks(who: Identity, targets: Target[], answer: unknown): string[] {
  if (answer === undefined) return [];
  const text = JSON.stringify(answer);
  return targets.flatMap((t) => secretsFrom(who, t).filter((secret) => text.includes(secret)).map((secret) => `${t.key}: ${secret}`));
}
