import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64, dispositionFileName, safeFileName } from './download.js';

describe('downloads', () => {
  it("takes the file name of a Content-Disposition header, the UTF-8 one first", () => {
    expect(dispositionFileName(`attachment; filename="____.docx"; filename*=UTF-8''${encodeURIComponent('预防警告_示政法监〔2026〕1号.docx')}`)).toBe('预防警告_示政法监〔2026〕1号.docx');
    expect(dispositionFileName('attachment; filename="a.docx"')).toBe('a.docx');
    expect(dispositionFileName(null)).toBeNull();
  });

  it('keeps file names inside the download folder', () => {
    expect(safeFileName('../a/b:c.docx', 'x.docx')).toBe('.._a_b_c.docx');
    expect(safeFileName('  ', 'x.docx')).toBe('x.docx');
  });

  it('round-trips base64', () => {
    const bytes = new Uint8Array(5_000).map((_, i) => i % 251);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    expect(bytesToBase64(new TextEncoder().encode('信访'))).toBe(Buffer.from('信访').toString('base64'));
  });
});
