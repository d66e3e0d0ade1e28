import { describe, expect, it } from 'vitest';
import type { TemplateItem } from '../checklists/service.js';
import { scoreSheet } from './sheet.js';

const items: TemplateItem[] = [
  { id: 'a', position: 1, aspect: '实体', content: '证据确实充分', kind: 'points', maxPoints: 60, perDefect: null },
  { id: 'b', position: 2, aspect: '法律文书', content: '文书规范', kind: 'deduction', maxPoints: 40, perDefect: 7.5 },
  { id: 'c', position: 3, aspect: '实体', content: '存在错案', kind: 'veto', maxPoints: 0, perDefect: null },
];

describe('a reviewer’s sheet', () => {
  it('deducts per defect down to the item’s points and no further', () => {
    expect(scoreSheet(items, [{ itemId: 'a', points: 55.5 }, { itemId: 'b', defects: 3 }, { itemId: 'c' }])).toMatchObject({ total: 73, vetoed: false });
    expect(scoreSheet(items, [{ itemId: 'a', points: 60 }, { itemId: 'b', defects: 9 }, { itemId: 'c' }]).scores[1]).toEqual({ itemId: 'b', points: 0, defects: 9, vetoed: false, note: null });
  });

  it('marks a triggered veto', () => {
    expect(scoreSheet(items, [{ itemId: 'a', points: 60 }, { itemId: 'b', defects: 0 }, { itemId: 'c', vetoed: true }])).toMatchObject({ total: 100, vetoed: true });
  });

  it('refuses points for a veto item', () => {
    expect(() => scoreSheet(items, [{ itemId: 'a', points: 60 }, { itemId: 'b', defects: 0 }, { itemId: 'c', points: 5 }])).toThrow(
      '「第 3 项 存在错案」为一票否决项，只需勾选「触发一票否决」，不填「得分」或「问题处数」',
    );
  });

  it('refuses a score with two decimals naming the field', () => {
    expect(() => scoreSheet(items, [{ itemId: 'a', points: 59.25 }, { itemId: 'b', defects: 0 }, { itemId: 'c' }])).toThrow('「得分」最多保留一位小数');
  });
});
