import { describe, expect, it } from 'vitest';
import { renderDocx } from '../layout.js';
import { exampleUrging } from '../examples.js';
import { openDocx } from '../testing.js';
import { urgingLetter } from './urging-letter.js';

const open = async (data = exampleUrging) => openDocx(await renderDocx(urgingLetter(data)));

describe('urgingLetter', () => {
  it('renders a valid docx zip with [Content_Types].xml', async () => {
    expect((await open()).files).toContain('[Content_Types].xml');
  });

  it('carries the given document number, the Chinese date and the recipient', async () => {
    const doc = await open();
    expect(doc.paragraphs).toContain('示政法督〔2026〕15号');
    expect(doc.paragraphs).toContain('2026年12月28日');
    expect(doc.paragraphs).toContain('示例县公安局：');
  });

  it('titles the letter with the case and the urging round', async () => {
    expect((await open()).paragraphs).toContain('关于督办“王某反映邻里宅基地纠纷处置不当问题”的函（第1次督办）');
  });

  it('recalls the assignment date, the deadline and what is overdue', async () => {
    const text = (await open()).text;
    expect(text).toContain('2026年11月21日，本委将“王某反映邻里宅基地纠纷处置不当问题”（示政法登〔2026〕37号）交由你单位办理');
    expect(text).toContain('处理期限为2026年12月20日');
    expect(text).toContain('你单位未报送办理结果，亦未说明理由。截至目前已超期8日。');
  });

  it('numbers the requirements and sets the reply deadline', async () => {
    const doc = await open();
    expect(doc.paragraphs).toContain('一、请立即组织专人核查案件办理进展，查明超期原因。');
    expect(doc.paragraphs[doc.paragraphs.indexOf('一、请立即组织专人核查案件办理进展，查明超期原因。') + 1]).toMatch(/^二、/);
    expect(doc.text).toContain('请于2027年1月5日前将办理进展及结果书面回复本委。');
  });

  it('omits the overdue days and the assignment date when they are not given', async () => {
    const doc = await open({ ...exampleUrging, assignedOn: undefined, overdueDays: undefined });
    expect(doc.text).not.toContain('已超期');
    expect(doc.text).toContain('本委交由你单位办理的“王某反映邻里宅基地纠纷处置不当问题”');
  });
});
