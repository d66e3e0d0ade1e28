import { describe, expect, it } from 'vitest';
import { parseFileLines, parseList, parseStrata } from './file-lines.js';

describe('pasted candidate files', () => {
  it('reads tab-separated lines with the optional title and handler', () => {
    expect(parseFileLines('（2026）公刑1号\t刑事\t2\t张某盗窃案\t李警官\n（2026）公刑2号\t刑事\t1')).toEqual({
      files: [
        { caseNo: '（2026）公刑1号', caseType: '刑事', volumes: 2, title: '张某盗窃案', handlerName: '李警官' },
        { caseNo: '（2026）公刑2号', caseType: '刑事', volumes: 1 },
      ],
      badLines: [],
    });
  });

  it('reads full-width commas and skips blank lines', () => {
    expect(parseFileLines('\nA1，行政，3\n\n').files).toEqual([{ caseNo: 'A1', caseType: '行政', volumes: 3 }]);
  });

  it('reports a line without a whole number of volumes by its number', () => {
    expect(parseFileLines('A1,行政,3\nA2,行政,两卷\nA3,行政,0')).toEqual({ files: [{ caseNo: 'A1', caseType: '行政', volumes: 3 }], badLines: [2, 3] });
  });
});

describe('sampling strata', () => {
  it('reads a case type and a count per line', () => {
    expect(parseStrata('刑事 2\n行政处罚，1')).toEqual({ strata: [{ caseType: '刑事', count: 2 }, { caseType: '行政处罚', count: 1 }], badLines: [] });
  });

  it('reports a line without a count', () => {
    expect(parseStrata('刑事')).toEqual({ strata: [], badLines: [1] });
  });
});

describe('case number lists', () => {
  it('splits on lines, commas and 、 and drops repeats', () => {
    expect(parseList('A1、A2\nA1，A3')).toEqual(['A1', 'A2', 'A3']);
  });
});
