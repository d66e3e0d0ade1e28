import { describe, expect, it } from 'vitest';
import { renderDocx } from '../layout.js';
import { exampleCoordination } from '../examples.js';
import { openDocx } from '../testing.js';
import { coordinationOpinion } from './coordination-opinion.js';

const open = async (data = exampleCoordination) => openDocx(await renderDocx(coordinationOpinion(data)));

describe('coordinationOpinion', () => {
  it('renders a valid docx zip with [Content_Types].xml', async () => {
    expect((await open()).files).toContain('[Content_Types].xml');
  });

  it('carries the document number with the signer and the Chinese date', async () => {
    const doc = await open();
    expect(doc.paragraphs).toContain('示政法协〔2026〕3号签发人：赵某');
    expect(doc.paragraphs).toContain('2026年11月28日');
  });

  it('sends the opinion to every unit with tasks, separated by the enumeration comma', async () => {
    expect((await open()).paragraphs).toContain('城关镇人民政府、县公安局、县司法局：');
  });

  it('uses the given recipients when they are listed', async () => {
    const doc = await open({ ...exampleCoordination, recipients: ['县公安局', '县人民法院'] });
    expect(doc.paragraphs).toContain('县公安局、县人民法院：');
  });

  it('describes the meeting date, place, chair and attending organisations', async () => {
    const text = (await open()).text;
    expect(text).toContain(
      '2026年11月26日，县委常委、政法委书记赵某在县委政法委三楼会议室主持召开案（事）件协调会，县公安局、县人民法院、县司法局、城关镇人民政府等单位参加会议。',
    );
  });

  it('lists the matters discussed and numbers the agreed opinions 一、二、三', async () => {
    const p = (await open()).paragraphs;
    expect(p).toContain('1.宅基地界址的认定及确权程序。');
    expect(p).toContain('一、宅基地界址由城关镇人民政府依据土地档案组织测量认定。');
    expect(p).toContain('二、县公安局依法处理双方肢体冲突引发的治安案件。');
    expect(p).toContain('三、县司法局组织人民调解员开展调解，促成双方达成调解协议。');
  });

  it("states each unit's tasks and the reporting date", async () => {
    const doc = await open();
    expect(doc.paragraphs).toContain('（二）县公安局：12月15日前依法作出处理决定。');
    expect(doc.text).toContain('请于2026年12月20日前将落实情况书面报告本委。');
  });

  it('titles the opinion after a free subject when no case is cited', async () => {
    const doc = await open({ ...exampleCoordination, case: undefined, subject: '某村山林权属纠纷' });
    expect(doc.paragraphs).toContain('关于某村山林权属纠纷的协调意见');
  });
});
