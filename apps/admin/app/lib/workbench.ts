// The workbench's to-do list: the kernel's items (cases, deadlines, instruments, meetings)
// and every enabled plugin's, in one list, most urgent first, then oldest first. Pure, so it
// is unit tested; the page renders what it returns.
import type { PluginTodos } from '@zhengfa/plugin-api';

export type Tone = 'danger' | 'warning' | 'normal';

export interface KernelTodo {
  key: string;
  label: string;
  count: number;
  urgent: number;
  link: string;
  oldest: string | null;
  tone: Tone;
}

export interface WorkbenchTodo extends KernelTodo {
  /** Unique on the page: `kernel:<key>` or `<plugin id>:<key>`. */
  id: string;
  /** Where it comes from: the kernel's group name or the plugin's name. */
  source: string;
}

export interface FailedProvider {
  pluginId: string;
  pluginName: string;
  error: string;
}

/** The kernel's deadline items (临期/超期): cases already counted at their step. */
const deadlineItems = new Set(['kernel:overdue', 'kernel:dueSoon']);

const toneRank: Record<Tone, number> = { danger: 0, warning: 1, normal: 2 };

/** Overdue first, then deadlines, then items holding urgent cases, then the longest waiting. */
export function byUrgency(a: WorkbenchTodo, b: WorkbenchTodo): number {
  return toneRank[a.tone] - toneRank[b.tone] || Number(b.urgent > 0) - Number(a.urgent > 0) || (a.oldest ?? '9999').localeCompare(b.oldest ?? '9999');
}

export function mergeTodos(kernel: readonly KernelTodo[], kernelSource: string, plugins: readonly PluginTodos[]): { items: WorkbenchTodo[]; failed: FailedProvider[]; total: number } {
  const items: WorkbenchTodo[] = kernel.map((k) => ({ ...k, id: `kernel:${k.key}`, source: kernelSource }));
  const failed: FailedProvider[] = [];
  for (const p of plugins) {
    if (p.error) failed.push({ pluginId: p.pluginId, pluginName: p.pluginName, error: p.error });
    for (const i of p.items) items.push({ key: i.key, label: i.label, count: i.count, urgent: 0, link: i.link, oldest: i.oldest ?? null, tone: 'normal', id: `${p.pluginId}:${i.key}`, source: p.pluginName });
  }
  items.sort(byUrgency);
  // Deadlines overlap the steps they are counted with: the total counts the steps only.
  const total = items.filter((i) => !deadlineItems.has(i.id)).reduce((n, i) => n + i.count, 0);
  return { items, failed, total };
}

export interface UnitOverdue {
  unitId: string;
  name: string;
  overdue: number;
  open: number;
}

/** The units with overdue cases, most overdue first (the leader's overview). */
export function overdueByUnit(byUnit: readonly UnitOverdue[]): UnitOverdue[] {
  return byUnit.filter((u) => u.overdue > 0).sort((a, b) => b.overdue - a.overdue || a.name.localeCompare(b.name, 'zh-CN'));
}

/** The county overview is the leader's: whoever approves cases or signs instruments for the committee. */
export function showsCountyOverview(permissions: readonly string[], committee: boolean): boolean {
  return committee && (permissions.includes('cases.approve') || permissions.includes('supervision.sign'));
}
