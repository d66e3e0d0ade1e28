import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDocx } from '@zhengfa/documents/testing';
import { describeEachEngine } from '@zhengfa/test-utils';
import { messages as m } from '../strings.js';
import { api, scoredCampaign, startWorld, type Scored, type World } from '../test/world.js';

// The fixture on the 3-grade scale (优秀 ≥90, 合格 ≥60):
//   police P1 100 (2 volumes), P2 33+30+15+7 = 85, P3 20+20+0+5 = 45; procuratorate Q1 40+30+15+5 = 90 (3 volumes)
//   overall 4 files 7 volumes: 优秀 2, 合格 1, 不合格 1; 合格率 75%, 优秀率 50%, 优良率 75%
//   police 3 files 4 volumes [1, 1, 1] 66.7% 33.3%, 2 problems unrectified (1 point each); procuratorate 1 file 3 volumes [1, 0, 0] 100% 100%
describeEachEngine('inspections documents', (engine) => {
  let w: World;
  let c: Scored;

  beforeAll(async () => {
    w = await startWorld(engine, '2026-10-16');
    c = await scoredCampaign(w, {
      police: [
        ['P1', 2, [40, 30, 0, 10]],
        ['P2', 1, [33, 30, 1, 7]],
        ['P3', 1, [20, 20, 4, 5]],
      ],
      procuratorate: [['Q1', 3, [40, 30, 1, 5]]],
    });
    const a = api(w.sup);
    await a.findings.create({ fileId: c.ids.P3, scope: 'common', defectType: '法律文书', severity: 'serious', description: '起诉意见书未载明证据来源', responsibleName: '李法制', deadline: '2026-10-30', officerName: '王警官' });
    await a.findings.create({ fileId: c.ids.P2, scope: 'individual', defectType: '卷宗装订', severity: 'general', description: '卷宗目录与页码不符', responsibleName: '李法制', deadline: '2026-10-30' });
  });
  afterAll(() => w.t.stop());

  async function open(input: Record<string, unknown>) {
    const file = await api(w.sup).documents.build({ campaignId: c.campaignId, ...input });
    const doc = await openDocx(Buffer.from(file.base64, 'base64'));
    return { file, paragraphs: doc.paragraphs, text: doc.text };
  }

  it('drafts the bulletin with the very figures of the campaign’s results', async () => {
    const r = await api(w.sup).results.campaign({ campaignId: c.campaignId });
    expect([r.overall.files, r.overall.volumes, r.overall.grades.map((g: any) => g.count), r.overall.passRate, r.overall.excellentRate, r.overall.combinedRate]).toEqual([4, 7, [2, 1, 1], 75, 50, 75]);
    expect(r.units.map((u: any) => [u.unitName, u.files, u.volumes, u.grades.map((g: any) => g.count), u.passRate, u.excellentRate, u.unrectified, u.deduction])).toEqual([
      ['示范县人民检察院', 1, 3, [1, 0, 0], 100, 100, 0, 0],
      ['示范县公安局', 3, 4, [1, 1, 1], 66.7, 33.3, 2, 2],
    ]);
    const { file, paragraphs, text } = await open({ kind: 'bulletin' });
    expect(file.fileName).toBe('关于2026年度案件质量评查情况的通报-2026年度案件质量评查.docx');
    expect(text).toContain('共评查案卷4件7卷，其中优秀2件、合格1件、不合格1件；合格率75%、优秀率50%、优良率75%。');
    const row = (name: string) => paragraphs.slice(paragraphs.indexOf(name), paragraphs.indexOf(name) + 10);
    expect(row('示范县公安局')).toEqual(['示范县公安局', '3', '4', '1', '1', '1', '66.7%', '33.3%', '2', '2']);
    expect(row('示范县人民检察院')).toEqual(['示范县人民检察院', '1', '3', '1', '0', '0', '100%', '100%', '0', '0']);
    expect(row('合计')).toEqual(['合计', '4', '7', '2', '1', '1', '75%', '50%', '2', '2']);
  });

  it('lists the main problems by type in the bulletin and leaves good practice and requirements to the staff, naming no officer', async () => {
    const { paragraphs, text } = await open({ kind: 'bulletin' });
    expect(paragraphs).toEqual(expect.arrayContaining(['1. 卷宗装订问题1个。P2：卷宗目录与页码不符', '2. 法律文书问题1个。P3：起诉意见书未载明证据来源', '四、好的做法', '五、下一步工作要求']));
    expect(paragraphs.filter((p) => p === '（此处由工作人员根据实际情况填写）')).toHaveLength(2);
    expect(text).not.toContain('王警官');
  });

  it('prints the implementation plan with the scope, standard and phases', async () => {
    const { paragraphs } = await open({ kind: 'plan' });
    expect(paragraphs).toEqual(
      expect.arrayContaining([
        '2026年度案件质量评查实施方案',
        '检查类型：案件质量评查。被检查单位：示范县人民检察院、示范县公安局。案件类别：刑事、行政。案件范围：2025年7月1日至2026年6月30日办结的案件。',
        '自查自纠阶段：2026年9月1日至2026年9月15日。',
        '抽查评查阶段：2026年9月16日至2026年10月15日。',
        '整改阶段：2026年10月16日至2026年11月30日。',
        '通报阶段：2026年12月10日前印发通报。',
      ]),
    );
  });

  it('prints a file’s review opinion with its items, score, grade and problems', async () => {
    const { file, paragraphs } = await open({ kind: 'opinion', fileId: c.ids.P3 });
    expect(file.fileName).toBe('案件质量评查意见书-P3.docx');
    expect(paragraphs).toEqual(expect.arrayContaining(['案件质量评查意见书', '示范县公安局：', '评查得分', '45', '评查等级', '不合格', '1. 法律文书（共性问题）：起诉意见书未载明证据来源']));
    // The handler 张办案, masked for a user without inspections.personnel.
    expect(paragraphs.slice(paragraphs.indexOf('承办人'), paragraphs.indexOf('承办人') + 2)).toEqual(['承办人', '张**']);
    const i = paragraphs.indexOf('法律文书制作规范');
    expect(paragraphs.slice(i - 1, i + 3)).toEqual(['法律文书', '法律文书制作规范', '20', '0']);
  });

  it('prints a unit’s rectification notice with its problems, deadlines and responsible person', async () => {
    const { paragraphs } = await open({ kind: 'notice', unitId: w.units.police });
    expect(paragraphs).toEqual(
      expect.arrayContaining(['整改通知书', '你单位被评查案卷3件，其中优秀1件、合格1件、不合格1件。', 'P3', '起诉意见书未载明证据来源', '2026年10月30日', '李法制']),
    );
  });

  it('refuses a review opinion without a file', async () => {
    await expect(api(w.sup).documents.build({ campaignId: c.campaignId, kind: 'opinion' })).rejects.toThrow(m.documentNeedsFile);
  });
});
