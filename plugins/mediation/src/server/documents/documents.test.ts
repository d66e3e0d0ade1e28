import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDocx } from '@zhengfa/documents/testing';
import { sql } from '@zhengfa/plugin-api';
import { addUserWithPermissions, describeEachEngine } from '@zhengfa/test-utils';
import { committeeOf, mediating, writtenAgreement, type Mediating } from '../test/outcomes.js';
import { api, chinaMorning, startWorld, type World } from '../test/world.js';

describeEachEngine('mediation documents', (engine) => {
  let w: World;
  let committee: string;
  let agreed: Mediating;
  beforeAll(async () => {
    w = await startWorld(engine, '2026-09-05');
    committee = await committeeOf(w);
    agreed = await mediating(w, committee, { receivedOn: '2026-09-05' });
    await api(w.sup).outcomes.settle(writtenAgreement(agreed, '2026-09-05'));
  });
  afterAll(() => w.t.stop());

  async function open(disputeId: string, kind: string, extra: Record<string, unknown> = {}) {
    const file = await api(w.sup).documents.build({ disputeId, kind, ...extra });
    const opened = await openDocx(Buffer.from(file.base64, 'base64'));
    // The dispute's code is kept on one line: its hyphen is printed as a non-breaking one.
    const paragraphs = opened.paragraphs.map((p) => p.replaceAll('\u2011', '-'));
    return { file, doc: { paragraphs, text: paragraphs.join('\n') } };
  }

  it('prints the registration form with the parties’ ID numbers and phones masked', async () => {
    const { file, doc } = await open(agreed.id, 'registration');
    expect([file.fileName, file.mimeType]).toEqual([`矛盾纠纷受理登记表-${agreed.code}.docx`, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);
    expect(doc.paragraphs).toEqual(expect.arrayContaining(['矛盾纠纷受理登记表', '纠纷编号', agreed.code, '2026年9月5日', '来访（中心窗口）', '邻里纠纷', '3000.00', '本中心人民调解：城关镇人民调解委员会', '已达成协议']));
    expect(doc.text).toContain('申请人：王建国，身份证号码 430***********1234，联系电话 138****5678');
    expect(doc.text).not.toContain('430102199001011234');
    expect(doc.text).not.toContain('13812345678');
  });

  it('prints the mediation agreement with its terms, each obligation with amount and date, and the signatures', async () => {
    const { doc } = await open(agreed.id, 'agreement');
    expect(doc.paragraphs).toEqual(
      expect.arrayContaining([
        '人民调解协议书',
        '城关镇人民调解委员会',
        '双方同意排水沟恢复原走向，李春梅赔偿王建国菜地损失。',
        '一、李春梅于2026年10月20日前一次性支付菜地损失赔偿款（金额1500.00元）。',
        '二、王建国于2026年10月31日前配合恢复排水沟原走向。',
        '人民调解不收取任何费用。',
      ]),
    );
    expect(doc.text).toContain('本协议一式3份');
    expect(doc.text).toContain('王建国\n\n2026年9月5日');
  });

  it('prints the joint application for judicial confirmation to the court named', async () => {
    const { doc } = await open(agreed.id, 'confirmation_application', { court: '示例县人民法院' });
    expect(doc.paragraphs).toEqual(
      expect.arrayContaining([
        '司法确认申请书',
        '示例县人民法院：',
        `请求人民法院确认申请人于2026年9月5日经城关镇人民调解委员会主持调解达成的调解协议（纠纷编号${agreed.code}）有效。`,
      ]),
    );
    expect(doc.text).toContain('该协议已于2026年9月5日生效');
  });

  it('refuses the application without a court while none was recorded', async () => {
    await expect(api(w.sup).documents.build({ disputeId: agreed.id, kind: 'confirmation_application' })).rejects.toThrow('尚未登记司法确认申请，请填写「受理法院」');
  });

  it('prints the follow-up record with each obligation’s performance and the visits', async () => {
    const a = api(w.sup);
    const o = await a.outcomes.get({ disputeId: agreed.id });
    w.clock.set(chinaMorning('2026-10-21'));
    await a.followUp.visit({ disputeId: agreed.id, version: o.version, obligationId: o.obligations[0].id, visitedOn: '2026-10-21', method: 'visit', visitor: '张调解员', result: 'partial', note: '已付800元，余款承诺月底前付清' });
    const { doc } = await open(agreed.id, 'follow_up');
    expect(doc.paragraphs).toEqual(
      expect.arrayContaining(['调解协议履行回访记录', '一次性支付菜地损失赔偿款', '1500.00', '部分履行', '待回访', '2026年10月21日', '上门回访', '张调解员', '已付800元，余款承诺月底前付清']),
    );
  });

  it('prints the termination notice to the parties with the reason and the routes still open', async () => {
    const a = api(w.sup);
    const d = await mediating(w, committee, { receivedOn: '2026-09-05' });
    await a.outcomes.terminate({ disputeId: d.id, version: d.version, terminatedOn: '2026-09-20', reason: '被申请人拒绝继续调解。', routes: ['arbitration', 'litigation'] });
    const { doc } = await open(d.id, 'termination');
    expect(doc.paragraphs).toEqual(
      expect.arrayContaining([
        '终止调解告知书',
        '王建国、李春梅：',
        `你（你们）之间的矛盾纠纷（邻里纠纷，纠纷编号${d.code}），经本委员会调解，因被申请人拒绝继续调解，未能达成调解协议。依据《中华人民共和国人民调解法》第二十六条的规定，本委员会决定终止调解。`,
        '一、依法申请仲裁；',
        '二、依法向人民法院提起诉讼；',
        '2026年9月20日',
      ]),
    );
  });

  it('refuses the termination notice for a dispute that was settled', async () => {
    await expect(api(w.sup).documents.build({ disputeId: agreed.id, kind: 'termination' })).rejects.toThrow('「文书种类」终止调解告知书：该纠纷未终止调解');
  });

  it('audits each print', async () => {
    const printed = async () =>
      (await sql<{ n: number }>`select count(*)::int as n from kernel.audit_log where action = 'mediation.document' and target_id = ${agreed.id}`.execute(w.t.database.db)).rows[0]!.n;
    const before = await printed();
    await open(agreed.id, 'registration');
    expect((await printed()) - before).toBe(1);
  });

  it('prints the parties’ ID numbers and phones in full for a user allowed to reveal them, and audits that it did', async () => {
    const clerk = await addUserWithPermissions(w.t, { username: 'med-clerk', displayName: '周文书', orgName: '示范县委政法委', permissions: ['mediation.read', 'mediation.reveal'] });
    const file = await api(clerk).documents.build({ disputeId: agreed.id, kind: 'agreement', reveal: true });
    const doc = await openDocx(Buffer.from(file.base64, 'base64'));
    expect(doc.paragraphs).toContain('申请人：王建国，身份证号码 430102199001011234，联系电话 13812345678');
    const r = await sql<{ detail: unknown }>`select detail from kernel.audit_log where action = 'mediation.document' and target_id = ${agreed.id} and actor_id = ${clerk.id}`.execute(w.t.database.db);
    expect(r.rows.map((x) => x.detail)).toEqual([{ kind: 'agreement', revealed: true }]);
  });

  it('refuses to reveal the parties’ identities to a user without the permission', async () => {
    await expect(api(w.sup).documents.build({ disputeId: agreed.id, kind: 'agreement', reveal: true })).rejects.toThrow('您没有「查看和打印矛盾纠纷当事人完整个人信息」权限，请联系安全管理员分配');
  });
});
