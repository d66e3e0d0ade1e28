// Points as the console shows and sums them: one decimal, summed in tenths so 0.1 + 0.2 is 0.3.
// Mirrors the server's rules for the live totals of the checklist editor and the score sheet. Pure.
export interface EditorItem {
  aspect: string;
  content: string;
  kind: 'points' | 'deduction' | 'veto';
  maxPoints: number;
  perDefect: number | null;
}

export const tenths = (x: number): number => Math.round(x * 10);

/** The sum of the items' maximum points (veto items count 0). */
export function itemsTotal(items: Pick<EditorItem, 'maxPoints' | 'kind'>[]): number {
  return items.reduce((sum, i) => sum + (i.kind === 'veto' ? 0 : tenths(i.maxPoints)), 0) / 10;
}

/** Items grouped by aspect, keeping the order in which each aspect first appears. */
export function byAspect<T extends { aspect: string }>(items: T[]): { aspect: string; items: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const i of items) groups.set(i.aspect, [...(groups.get(i.aspect) ?? []), i]);
  return [...groups].map(([aspect, list]) => ({ aspect, items: list }));
}

export interface SheetItem {
  id: string;
  kind: 'points' | 'deduction' | 'veto';
  maxPoints: number;
  perDefect: number | null;
}

export interface SheetEntry {
  points?: number | null;
  defects?: number | null;
  vetoed?: boolean;
}

/** A sheet's total as the reviewer types it: points as given (capped at the maximum), deductions from the maximum, vetoes flagged. */
export function sheetTotal(items: SheetItem[], entries: Record<string, SheetEntry | undefined>): { total: number; vetoed: boolean } {
  let total = 0;
  let vetoed = false;
  for (const item of items) {
    const e = entries[item.id] ?? {};
    if (item.kind === 'points') total += Math.min(tenths(e.points ?? 0), tenths(item.maxPoints));
    else if (item.kind === 'deduction') total += Math.max(0, tenths(item.maxPoints) - tenths(item.perDefect ?? 0) * (e.defects ?? 0));
    else if (e.vetoed) vetoed = true;
  }
  return { total: total / 10, vetoed };
}

export interface GradeRow {
  label: string;
  minScore: number;
}

/** The grade a total falls in (grades from the highest); a veto gives the lowest. */
export function gradeFor(grades: GradeRow[], total: number, vetoed: boolean): string | null {
  if (grades.length === 0) return null;
  const lowest = grades[grades.length - 1]!;
  if (vetoed) return lowest.label;
  return (grades.find((g) => tenths(total) >= tenths(g.minScore)) ?? lowest).label;
}
