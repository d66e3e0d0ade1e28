import { describe, expect, it } from 'vitest';
import { renderDocx } from '../layout.js';
import { exampleInstrument } from '../examples.js';
import { openDocx } from '../testing.js';
import { instrumentKinds, supervisionInstrument, type InstrumentKind } from './supervision-instrument.js';

const open = async (data = exampleInstrument) => openDocx(await renderDocx(supervisionInstrument(data)));

const titles: Record<InstrumentKind, string> = {
  warning: '预防警告书',
  guidance: '指导意见书',
  correction: '纠正通知书',
  removalProposal: '建议罢免书',
  disciplineTransfer: '移送纪检监察机关函',
  judicialTransfer: '移送司法机关函',
};

describe('supervisionInstrument', () => {
  it('renders a valid docx zip with [Content_Types].xml', async () => {
    expect((await open()).files).toContain('[Content_Types].xml');
  });

  it('carries the document number, the Chinese date and the recipient unit', async () => {
    const doc = await open();
    expect(doc.paragraphs).toContain('示政法督〔2026〕21号');
    expect(doc.paragraphs).toContain('2026年12月30日');
    expect(doc.paragraphs).toContain('示例县公安局：');
  });

  it.each(instrumentKinds)('titles the %s instrument with its own name', async (kind) => {
    const doc = await open({ ...exampleInstrument, kind });
    expect(doc.paragraphs).toContain(titles[kind]);
  });

  it('covers all six escalating kinds', () => {
    expect(instrumentKinds).toEqual(['warning', 'guidance', 'correction', 'removalProposal', 'disciplineTransfer', 'judicialTransfer']);
  });

  it('states the facts, the legal basis and the numbered requirements', async () => {
    const text = (await open()).text;
    expect(text).toContain('本委在对“王某反映邻里宅基地纠纷处置不当问题”（示政法登〔2026〕37号）的监督中发现：城关派出所');
    expect(text).toContain('根据《中国共产党政法工作条例》、《治安管理处罚法》第七十七条的规定，');
    expect(text).toContain('一、立即依法受案，调查处理。');
    expect(text).toContain('二、对相关责任人员');
  });

  it('asks for the correction report by the response deadline', async () => {
    expect((await open()).text).toContain('请于2027年1月10日前将纠正情况书面报告本委。');
  });

  it('asks a guidance recipient for a rectification report', async () => {
    expect((await open({ ...exampleInstrument, kind: 'guidance' })).text).toContain('请于2027年1月10日前将整改情况书面报告本委。');
  });

  it('addresses a named officer by unit, post and name', async () => {
    const doc = await open({
      ...exampleInstrument,
      kind: 'warning',
      recipient: { kind: 'officer', name: '陈某', unit: '示例县公安局城关派出所', post: '所长' },
    });
    expect(doc.paragraphs).toContain('示例县公安局城关派出所所长陈某同志：');
  });

  it('opens with 经查 when the instrument cites no case', async () => {
    const doc = await open({ ...exampleInstrument, case: undefined });
    expect(doc.text).toContain('经查，城关派出所对该纠纷');
  });
});
