import { describe, expect, it } from 'vitest';
import { defectRanking, gradeDistribution } from './charts.js';

describe('the grade distribution chart', () => {
  it('stacks one series per grade over the units', () => {
    const option = gradeDistribution(
      [
        { unitName: '县公安局', grades: [{ label: '优秀', count: 1 }, { label: '不合格', count: 1 }] },
        { unitName: '县法院', grades: [{ label: '优秀', count: 0 }, { label: '不合格', count: 2 }] },
      ],
      ['优秀', '不合格'],
    );
    expect(option.xAxis).toEqual({ type: 'category', data: ['县公安局', '县法院'] });
    expect(option.series).toEqual([
      { name: '优秀', type: 'bar', stack: 'grades', data: [1, 0] },
      { name: '不合格', type: 'bar', stack: 'grades', data: [1, 2] },
    ]);
  });
});

describe('the defect ranking chart', () => {
  it('puts the most frequent defect on top and keeps only the first ones', () => {
    const option = defectRanking(
      [
        { aspect: '立案', content: '立案审批', files: 3 },
        { aspect: '结案', content: '文书送达', files: 2 },
        { aspect: '归档', content: '卷宗装订', files: 1 },
      ],
      '案卷数',
      2,
    );
    expect(option.yAxis).toEqual({ type: 'category', data: ['结案：文书送达', '立案：立案审批'] });
    expect(option.series).toEqual([{ name: '案卷数', type: 'bar', data: [2, 3] }]);
  });
});
