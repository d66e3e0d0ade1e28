// The kernel operations each plugin permission allows (definePlugin's `kernelAccess`), read
// and checked once when the host starts: a declaration for a permission the plugin does not
// own, an operation the kernel does not have, or a case kind nobody declared stops the boot.
import type { AnyPlugin, CaseKindDefinition } from '@zhengfa/plugin-api';
import { caseActions } from '../cases/lifecycle.js';

/** Permission key → the operations (`KernelOperation`) it allows. */
export type KernelAccessMap = ReadonlyMap<string, ReadonlySet<string>>;

const CASE_VERBS = new Set<string>(['read', 'register', 'link', 'clocks', ...caseActions]);
const PLAIN_OPERATIONS = new Set<string>(['orgs.list', 'users.find', 'calendar.read']);

/** The problem with one declared operation (Chinese), or null. */
function operationProblem(op: string, kinds: ReadonlyMap<string, unknown>): string | null {
  if (PLAIN_OPERATIONS.has(op)) return null;
  const m = /^cases\.([A-Za-z]+):([a-z0-9_]+)$/.exec(op);
  if (!m) return `「${op}」不是内核操作（应为 orgs.list、users.find、calendar.read 或 cases.<操作>:<事项类型>）`;
  if (!CASE_VERBS.has(m[1]!)) return `「${op}」中的「${m[1]}」不是事项操作（可用：${[...CASE_VERBS].join('、')}）`;
  if (!kinds.has(m[2]!)) return `「${op}」中的事项类型「${m[2]}」没有被内核或已启用的插件声明`;
  return null;
}

/**
 * Collects the enabled plugins' declarations. Throws `makeError(message)` on the first
 * declaration that cannot be honoured.
 */
export function collectKernelAccess(
  plugins: readonly AnyPlugin[],
  caseKinds: ReadonlyMap<string, CaseKindDefinition>,
  makeError: (message: string) => Error,
): KernelAccessMap {
  const access = new Map<string, Set<string>>();
  for (const p of plugins) {
    const own = new Set((p.permissions ?? []).map((perm) => perm.key));
    for (const [key, ops] of Object.entries(p.kernelAccess ?? {})) {
      if (!own.has(key)) throw makeError(`插件「${p.name}」(${p.id}) 在 kernelAccess 中为权限「${key}」声明了内核操作，但该权限不是本插件声明的权限`);
      for (const op of ops ?? []) {
        const problem = operationProblem(op, caseKinds);
        if (problem) throw makeError(`插件「${p.name}」(${p.id}) 为权限「${key}」声明的内核操作有误：${problem}`);
      }
      access.set(key, new Set(ops ?? []));
    }
    // A job's ctx.kernel acts as the system, allowed what the job itself declares.
    for (const job of p.jobs ?? []) {
      for (const op of job.kernelAccess ?? []) {
        const problem = operationProblem(op, caseKinds);
        if (problem) throw makeError(`插件「${p.name}」(${p.id}) 的后台任务「${job.name}」声明的内核操作有误：${problem}`);
      }
    }
  }
  return access;
}

/** The operations a procedure holding `permissions` may call. */
export function operationsOf(access: KernelAccessMap, permissions: readonly string[]): Set<string> {
  const ops = new Set<string>();
  for (const p of permissions) for (const op of access.get(p) ?? []) ops.add(op);
  return ops;
}
