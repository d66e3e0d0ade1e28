import { describe, expect, it } from 'vitest';
import { toCsv } from './csv.js';

describe('toCsv', () => {
  it('starts with a byte-order mark and ends every line with CRLF', () => {
    expect(toCsv(['文号', '标题'], [['某政法〔2026〕1号', '土地纠纷']])).toBe('\uFEFF文号,标题\r\n某政法〔2026〕1号,土地纠纷\r\n');
  });

  it('quotes a cell holding a comma, a quote or a line break', () => {
    expect(toCsv(['a'], [['甲,乙'], ['说"好"'], ['一\n二']])).toBe('\uFEFFa\r\n"甲,乙"\r\n"说""好"""\r\n"一\n二"\r\n');
  });

  it('keeps a cell that looks like a formula as text', () => {
    expect(toCsv(['a'], [['=1+1'], ['-3']])).toBe("\uFEFFa\r\n'=1+1\r\n'-3\r\n");
  });
});
