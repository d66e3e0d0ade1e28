// One reviewer's sheet: each item of the file's template scored (points 0..max; a deduction
// item by its defects, 倒扣分 capped at the item's points; a veto item triggered or not) with
// a note. Pure: checks and sums, refusing naming the item's field.
import { badRequest } from '@zhengfa/plugin-api';
import type { TemplateItem } from '../checklists/service.js';
import { fieldNames as n, messages as m } from '../strings.js';
import { oneDecimal, tenths } from '../points.js';

export interface ItemScoreInput {
  itemId: string;
  points?: number | null | undefined;
  defects?: number | null | undefined;
  vetoed?: boolean | undefined;
  note?: string | null | undefined;
}

export interface ItemScore {
  itemId: string;
  points: number;
  defects: number | null;
  vetoed: boolean;
  note: string | null;
}

export function itemLabel(item: Pick<TemplateItem, 'position' | 'content'>): string {
  return `第 ${item.position} 项 ${item.content}`;
}

/** The sheet's item scores in template order, its total (in points) and whether a veto item was triggered. */
export function scoreSheet(items: TemplateItem[], input: ItemScoreInput[]): { scores: ItemScore[]; total: number; vetoed: boolean } {
  const byId = new Map(items.map((i) => [i.id, i]));
  const given = new Map<string, ItemScoreInput>();
  for (const s of input) {
    const item = byId.get(s.itemId);
    if (!item) throw badRequest(m.itemUnknown);
    if (given.has(s.itemId)) throw badRequest(m.itemTwice(itemLabel(item)));
    given.set(s.itemId, s);
  }
  let total = 0;
  let vetoed = false;
  const scores = items.map((item) => {
    const label = itemLabel(item);
    const s = given.get(item.id);
    if (!s) throw badRequest(m.itemMissing(label));
    if (s.vetoed && item.kind !== 'veto') throw badRequest(m.vetoForNormal(label));
    let points = 0;
    let defects: number | null = null;
    if (item.kind === 'points') {
      if (s.points == null) throw badRequest(m.defectsForPoints(label));
      points = oneDecimal(s.points, n.points);
      if (tenths(points) > tenths(item.maxPoints)) throw badRequest(m.scoreAboveMax(label, item.maxPoints));
    } else if (item.kind === 'deduction') {
      if (s.defects == null || s.points != null) throw badRequest(m.pointsForDeduction(label));
      defects = s.defects;
      points = Math.max(0, tenths(item.maxPoints) - tenths(item.perDefect ?? 0) * defects) / 10;
    } else {
      if (s.points != null || s.defects != null) throw badRequest(m.pointsForVeto(label));
      if (s.vetoed) vetoed = true;
    }
    total += tenths(points);
    return { itemId: item.id, points, defects, vetoed: item.kind === 'veto' && !!s.vetoed, note: s.note ?? null };
  });
  return { scores, total: total / 10, vetoed };
}
