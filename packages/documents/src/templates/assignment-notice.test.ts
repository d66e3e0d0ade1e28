import { describe, expect, it } from 'vitest';
import { renderDocx } from '../layout.js';
import { exampleAssignment } from '../examples.js';
import { openDocx } from '../testing.js';
import { assignmentNotice } from './assignment-notice.js';

const open = async (data = exampleAssignment) => openDocx(await renderDocx(assignmentNotice(data)));

describe('assignmentNotice', () => {
  it('renders a valid docx zip with [Content_Types].xml', async () => {
    expect((await open()).files).toContain('[Content_Types].xml');
  });

  it('formats the document number from the organ abbreviation with the assignment word', async () => {
    expect((await open()).paragraphs).toContain('示政法交〔2026〕12号');
  });

  it('dates the notice in Chinese at the foot', async () => {
    expect((await open()).paragraphs).toContain('2026年11月21日');
  });

  it('addresses the responsible unit', async () => {
    expect((await open()).paragraphs).toContain('示例县公安局：');
  });

  it('names the case with its registration number in the title and the introduction', async () => {
    const doc = await open();
    expect(doc.paragraphs).toContain('关于交办“王某反映邻里宅基地纠纷处置不当问题”的通知');
    expect(doc.text).toContain('王某反映邻里宅基地纠纷处置不当问题（示政法登〔2026〕37号）');
  });

  it('states the facts and all four fixes', async () => {
    const doc = await open();
    expect(doc.text).toContain('辖区派出所出警后未依法处理。');
    expect(doc.paragraphs).toContain('（一）包案领导：县公安局副局长刘某。');
    expect(doc.paragraphs).toContain('（二）承办责任人：城关派出所所长陈某。');
    expect(doc.text).toContain('（三）化解方案：调取出警记录');
    expect(doc.paragraphs).toContain('（四）处理期限：2026年12月20日前办结。');
  });

  it('asks for a written report by the reporting date', async () => {
    expect((await open()).text).toContain('请于2026年12月25日前将办理结果书面报送县委政法委执法监督室。');
  });

  it('reports to the committee itself when no office is named', async () => {
    const doc = await open({ ...exampleAssignment, reportTo: undefined });
    expect(doc.text).toContain('请于2026年12月25日前将办理结果书面报送本委。');
  });

  it('lists the cooperating units, the urgency mark and the copy-to line', async () => {
    const doc = await open();
    expect(doc.text).toContain('协办单位：城关镇人民政府、示例县司法局');
    expect(doc.paragraphs[0]).toBe('加急');
    expect(doc.paragraphs.at(-1)).toBe('抄送：县委政法委书记，县公安局局长。');
  });

  it('uses the organ supplied by the county, not a constant', async () => {
    const doc = await open({
      ...exampleAssignment,
      organ: { name: '中共宜州县委政法委员会', abbreviation: '宜' },
      urgency: 'normal',
    });
    expect(doc.paragraphs[0]).toBe('中共宜州县委政法委员会');
    expect(doc.paragraphs).toContain('宜政法交〔2026〕12号');
    expect(doc.text).not.toContain('示例县委政法委员会');
  });
});
