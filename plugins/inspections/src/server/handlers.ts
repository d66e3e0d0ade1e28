// The handler (承办人) of a sampled file is an officer: their name is masked the way the
// kernel masks personal names (张三 → 张*), unless the user holds inspections.personnel;
// every read that shows full names is audited. The plugin reaches the kernel only through
// its public API, so the mask is repeated here with the kernel's shape.
import type { AuthedContext } from '@zhengfa/plugin-api';

/** Whoever may see the officers behind the files and problems. */
export const REVEAL_PERMISSION = 'inspections.personnel';

/** Separators inside names of some ethnic minorities, e.g. 阿卜杜拉·艾力, kept visible. */
const NAME_SEPARATORS = new Set(['·', '•', '・', '.']);

/** Keeps the surname's first character: 张三 → 张*, 欧阳娜娜 → 欧***. A one-character name is fully hidden. */
export function maskName(name: string): string {
  const c = Array.from((name ?? '').trim());
  if (c.length <= 1) return '*'.repeat(c.length);
  return c[0]! + c.slice(1).map((ch) => (NAME_SEPARATORS.has(ch) ? ch : '*')).join('');
}

export function mayReveal(ctx: AuthedContext): boolean {
  return ctx.can(REVEAL_PERMISSION);
}

/**
 * The files with their handler names masked, or (for a holder of inspections.personnel) in
 * full with an audit entry naming the files whose handler was shown.
 */
export async function showHandlers<T extends { id: string; handlerName: string | null }>(
  ctx: AuthedContext,
  files: T[],
  target: { type: string; id: string },
): Promise<T[]> {
  if (!mayReveal(ctx)) return files.map((f) => (f.handlerName === null ? f : { ...f, handlerName: maskName(f.handlerName) }));
  const shown = files.filter((f) => f.handlerName !== null).map((f) => f.id);
  if (shown.length) {
    await ctx.audit.record({ action: 'inspections.files.handlers.reveal', targetType: target.type, targetId: target.id, detail: { fileIds: shown } });
  }
  return files;
}
