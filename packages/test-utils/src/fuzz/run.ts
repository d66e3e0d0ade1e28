// Calls every procedure of a router with inputs derived from its schema (arbitraries.ts)
// and checks each answer:
// - never INTERNAL_SERVER_ERROR (a 500): bad input is refused as the user's mistake;
// - a refusal carries a Chinese message; an input error (zod's) names the field, 「…」;
// - a refused call writes nothing (fingerprint.ts says what a refusal may still write).
import fc from 'fast-check';
import { labelOf, type ProcedureMeta } from '@zhengfa/plugin-api';
import { arbitraryFor, inputArbitrary, mutationOf } from './arbitraries.js';
import { changedTables, type Fingerprinter } from './fingerprint.js';

export interface FuzzProcedure {
  path: string;
  type: 'query' | 'mutation' | 'subscription';
  /** The zod schema of the input, if the procedure takes one. */
  input?: unknown;
  /** Who may call it (plugin-api's ProcedureAccess); a procedure built without a recording builder counts as public. */
  meta: ProcedureMeta;
}

interface ProcedureDef {
  type: FuzzProcedure['type'];
  inputs: unknown[];
  meta?: ProcedureMeta;
}

/** Every procedure of a tRPC router, by its dotted path. */
export function proceduresOf(router: { _def: { procedures: Record<string, unknown> } }): FuzzProcedure[] {
  return Object.entries(router._def.procedures)
    .map(([path, p]) => {
      const def = (p as { _def: ProcedureDef })._def;
      return { path, type: def.type, input: def.inputs[0], meta: def.meta ?? { access: 'public' as const } };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
}

/** Calls `path` ('cases.register') on a tRPC caller. */
export function callAt(caller: unknown, path: string, input: unknown): Promise<unknown> {
  let fn: unknown = caller;
  for (const key of path.split('.')) fn = (fn as Record<string, unknown>)[key];
  return (fn as (i: unknown) => Promise<unknown>)(input);
}

export interface FuzzFailure {
  path: string;
  input: unknown;
  problem: string;
}

export interface FuzzReport {
  procedures: number;
  skipped: string[];
  inputs: number;
  runsPerProcedure: number;
  accepted: number;
  refused: number;
  refusedByCode: Record<string, number>;
  failures: FuzzFailure[];
  seed: number;
  /** Milliseconds spent in the calls and in the fingerprints. */
  ms: { calls: number; fingerprints: number; generating: number };
}

export interface FuzzOptions {
  procedures: FuzzProcedure[];
  /** Inputs tried per procedure. */
  runs: number;
  seed: number;
  /** The caller to use for a procedure (one holding its permissions), or null to skip it. */
  callerFor(proc: FuzzProcedure): Promise<unknown | null>;
  /** Valid inputs of some procedures: half the runs mutate one of their fields. */
  examples?: Record<string, () => unknown>;
  fingerprint: Fingerprinter;
}

const CJK = /[\u4e00-\u9fff]/;
const codesOfRefusal = new Set(['BAD_REQUEST', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT', 'PRECONDITION_FAILED', 'TOO_MANY_REQUESTS', 'PAYLOAD_TOO_LARGE', 'UNPROCESSABLE_CONTENT']);

function describeInput(input: unknown): string {
  const text = JSON.stringify(input, (_k, v) => (v === undefined ? '<undefined>' : typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)) ?? 'undefined';
  return text.length > 300 ? `${text.slice(0, 300)}…(${text.length} chars)` : text;
}

/**
 * A schema without its wrappers (optional, nullable, default … through `innerType`; a pipe
 * through its input), at most eight deep, stopping early at a schema `stop` accepts.
 */
export function unwrapped(schema: unknown, stop?: (schema: unknown) => boolean): unknown {
  let current = schema;
  for (let i = 0; i < 8; i += 1) {
    if (stop?.(current)) break;
    const def = (current as { _zod?: { def?: { type: string; innerType?: unknown; in?: unknown } } } | undefined)?._zod?.def;
    if (def?.innerType) current = def.innerType;
    else if (def?.type === 'pipe') current = def.in;
    else break;
  }
  return current;
}

/** The schema of the field at `path` in an input schema (through wrappers, objects and lists). */
function schemaAt(schema: unknown, path: readonly PropertyKey[]): unknown {
  let current = schema;
  for (const key of path) {
    current = unwrapped(current);
    const def = (current as { _zod?: { def?: { type: string; shape?: Record<string, unknown>; element?: unknown } } } | undefined)?._zod?.def;
    if (def?.type === 'object' && typeof key === 'string') current = def.shape?.[key];
    else if (def?.type === 'array') current = def.element;
    else return undefined;
  }
  return current;
}

/**
 * Whether an input error's message names its field: by 「…」, or by the Chinese name the
 * field's schema was built with (a message of the plugin's own, "查询码格式不正确").
 */
function namesField(message: string, input: unknown, path: readonly PropertyKey[]): boolean {
  if (message.includes('「')) return true;
  for (let n = path.length; n > 0; n -= 1) {
    const label = labelOf(schemaAt(input, path.slice(0, n)));
    if (label) return message.includes(label);
  }
  return false;
}

/** What is wrong with a refusal's error, or null. */
export function refusalProblem(err: unknown, inputSchema: unknown): { code: string; problem: string | null } {
  const e = err as { name?: string; code?: unknown; message?: unknown; cause?: unknown };
  if (e?.name !== 'TRPCError' || typeof e.code !== 'string') return { code: 'THROWN', problem: `threw a non-tRPC error: ${String(err)}` };
  const message = String(e.message ?? '');
  if (!codesOfRefusal.has(e.code)) return { code: e.code, problem: `answered ${e.code}: ${message}` };
  if (!CJK.test(message)) return { code: e.code, problem: `refused without a Chinese message: ${message}` };
  const issues = (e.cause as { issues?: { message: string; path: PropertyKey[] }[] } | undefined)?.issues;
  if (e.code === 'BAD_REQUEST' && Array.isArray(issues)) {
    const unnamed = issues.find((i) => i.path.length > 0 && !namesField(i.message, inputSchema, i.path));
    if (unnamed) return { code: e.code, problem: `input error naming no field at ${unnamed.path.join('.')}: ${unnamed.message}` };
    if (issues.some((i) => /期望|实际接收|Invalid|expected/i.test(i.message))) return { code: e.code, problem: `input error in zod's words: ${message}` };
  }
  return { code: e.code, problem: null };
}

/** Runs the fuzz; the caller asserts `failures` is empty and prints the figures. */
export async function fuzzProcedures(opts: FuzzOptions): Promise<FuzzReport> {
  const report: FuzzReport = {
    procedures: 0,
    skipped: [],
    inputs: 0,
    runsPerProcedure: opts.runs,
    accepted: 0,
    refused: 0,
    refusedByCode: {},
    failures: [],
    seed: opts.seed,
    ms: { calls: 0, fingerprints: 0, generating: 0 },
  };
  let baseline = await opts.fingerprint.take();
  for (const [index, proc] of opts.procedures.entries()) {
    const caller = await opts.callerFor(proc);
    if (!caller) {
      report.skipped.push(proc.path);
      continue;
    }
    report.procedures += 1;
    const example = opts.examples?.[proc.path];
    const arbitrary = example
      ? fc.oneof(inputArbitrary(proc.input), fc.constant(null).chain(() => mutationOf(example())))
      : proc.input
        ? fc.oneof({ weight: 4, arbitrary: inputArbitrary(proc.input) }, { weight: 1, arbitrary: arbitraryFor(proc.input) })
        : inputArbitrary(undefined);
    const generating = performance.now();
    const inputs = fc.sample(arbitrary, { numRuns: proc.input ? opts.runs : 1, seed: opts.seed + index });
    report.ms.generating += performance.now() - generating;
    for (const input of inputs) {
      report.inputs += 1;
      let refusal: unknown = null;
      const started = performance.now();
      try {
        await callAt(caller, proc.path, input);
      } catch (err) {
        refusal = err ?? new Error('rejected with nothing');
      }
      const called = performance.now();
      const after = await opts.fingerprint.take();
      report.ms.calls += called - started;
      report.ms.fingerprints += performance.now() - called;
      if (refusal === null) {
        report.accepted += 1;
      } else {
        report.refused += 1;
        const { code, problem } = refusalProblem(refusal, proc.input);
        report.refusedByCode[code] = (report.refusedByCode[code] ?? 0) + 1;
        if (problem) report.failures.push({ path: proc.path, input: describeInput(input), problem });
        const changed = changedTables(baseline, after);
        if (changed.length) report.failures.push({ path: proc.path, input: describeInput(input), problem: `refused, yet wrote to ${changed.join(', ')}` });
      }
      baseline = after;
    }
  }
  return report;
}

/** One line of figures for the end of the run. */
export function fuzzSummary(r: FuzzReport, engine: string): string {
  const codes = Object.entries(r.refusedByCode)
    .sort()
    .map(([c, n]) => `${c} ${n}`)
    .join(', ');
  return (
    `fuzz [${engine}]: ${r.procedures} procedures, ${r.inputs} inputs (${r.runsPerProcedure} runs per procedure, FUZZ_RUNS to change; seed ${r.seed}), ` +
    `${r.refused} refused (${codes || 'none'}), ${r.accepted} accepted, ${r.failures.length} failures; ` +
    `${Math.round(r.ms.calls / 1000)} s in calls, ${Math.round(r.ms.fingerprints / 1000)} s in fingerprints, ${Math.round(r.ms.generating / 1000)} s generating` +
    (r.skipped.length ? `; not called: ${r.skipped.join(', ')}` : '')
  );
}

/**
 * The paths of an input schema's fields that have no Chinese name (were not built with the
 * plugin API's fields, nor given one with withLabel): their errors could not name them.
 */
export function unnamedFields(schema: unknown, path = ''): string[] {
  const current = unwrapped(schema, (x) => Boolean(labelOf(x)));
  const def = (current as { _zod?: { def?: { type: string; shape?: Record<string, unknown>; element?: unknown } } } | undefined)?._zod?.def;
  if (!def) return [];
  if (def.type === 'object') return Object.entries(def.shape ?? {}).flatMap(([k, child]) => unnamedFields(child, path ? `${path}.${k}` : k));
  const own = labelOf(current) || path === '' ? [] : [path];
  if (def.type === 'array') return [...own, ...unnamedFields(def.element, `${path}[]`)];
  return own;
}
