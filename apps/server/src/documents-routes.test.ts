import { afterAll, beforeAll, expect, it } from 'vitest';
import JSZip from 'jszip';
import pino from 'pino';
import { describeEachEngine, startTestKernel, type ActingUser, type TestKernel } from '@zhengfa/test-utils';
import { createApp } from './app.js';

function chineseDate(d: string): string {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
}

async function docText(res: Response): Promise<string> {
  const zip = await JSZip.loadAsync(await res.arrayBuffer());
  expect(zip.file('[Content_Types].xml')).not.toBeNull();
  const xml = await zip.file('word/document.xml')!.async('string');
  // The text a reader sees: tags dropped, and the word joiners that keep document numbers on one line.
  return xml.replace(/<[^>]+>/g, '').replaceAll('\u2060', '');
}

describeEachEngine('official documents over HTTP', (engine) => {
  let t: TestKernel;
  let app: ReturnType<typeof createApp>;
  let sup: ActingUser;
  let leader: ActingUser;
  let liaison: ActingUser;
  let policeCase: { id: string; docNo: string };
  let courtCase: { id: string; docNo: string };
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const get = (u: ActingUser, path: string) => app.request(path, { headers: { cookie: `zf_session=${u.cookie}` } });

  async function assigned(unitName: string, title: string) {
    const orgs = await sup.caller.orgs.tree();
    const r = await sup.caller.cases.register({ title, summary: '群众反映案件办理久拖不决', source: 'letter', urgency: 'urgent', isKey: false, parties: [] });
    let v = (await sup.caller.cases.get({ id: r.id })).version;
    v = (await sup.caller.cases.transition({ id: r.id, version: v, action: 'submitForApproval' })).version;
    v = (await leader.caller.cases.transition({ id: r.id, version: v, action: 'approve' })).version;
    const leaderId = (await leader.caller.auth.me())!.user.id;
    const deadline = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    v = (await sup.caller.cases.setFourFixes({ id: r.id, version: v, leadLeaderId: leaderId, handlerName: '周承办', resolutionPlan: '限期依法作出处理', deadline, leadUnitId: orgs.find((o) => o.name === unitName)!.id, cooperatingUnitIds: [] })).version;
    await sup.caller.cases.transition({ id: r.id, version: v, action: 'assign' });
    return r;
  }

  beforeAll(async () => {
    t = await startTestKernel({ engine });
    app = createApp({ kernel: t.kernel, log: pino({ level: 'silent' }), consoleHandler: null, trustProxy: false });
    sup = await t.signIn('supervisor');
    leader = await t.signIn('leader');
    liaison = await t.signIn('liaison');
    policeCase = await assigned('示范县公安局', '治安案件久拖不决问题');
    courtCase = await assigned('示范县人民法院', '执行案件久拖不决问题');
  });
  afterAll(() => t.stop());

  it('generates the assignment notice with the number, the Chinese date and the recipient', async () => {
    const res = await get(sup, `/documents/cases/${policeCase.id}/assignment-notice`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('交办通知书'));
    const text = await docText(res);
    expect(text).toContain(policeCase.docNo);
    expect(text).toContain(chineseDate(today));
    expect(text).toContain('示范县公安局');
    expect(text).toContain('刘书记');
  });

  it('generates the urging letter for an open case', async () => {
    const text = await docText(await get(sup, `/documents/cases/${policeCase.id}/urging-letter`));
    expect(text).toContain('督办');
    expect(text).toContain('示范县公安局');
  });

  it('generates an issued supervision instrument with its number', async () => {
    const orgs = await sup.caller.orgs.tree();
    const { id } = await sup.caller.supervision.draftInstrument({
      caseId: policeCase.id,
      kind: 'correction',
      recipientOrgId: orgs.find((o) => o.name === '示范县公安局')!.id,
      facts: '该案超过办案期限未作处理，且未告知当事人。',
      legalBasis: '《中国共产党政法工作条例》',
      requirement: '立即纠正并书面报告',
      responseDeadline: today,
    });
    const v = (await sup.caller.supervision.instrumentStep({ id, version: 1, step: 'submit' })).version;
    await leader.caller.supervision.instrumentStep({ id, version: v, step: 'sign', approve: true });
    const docNo = (await sup.caller.supervision.instrument({ id })).docNo!;
    const text = await docText(await get(liaison, `/documents/instruments/${id}`));
    expect(text).toContain(docNo);
    expect(text).toContain('纠正通知书');
    expect(text).toContain('示范县公安局');
  });

  it('generates the signed coordination opinion', async () => {
    const orgs = await sup.caller.orgs.tree();
    const police = orgs.find((o) => o.name === '示范县公安局')!.id;
    const { id } = await sup.caller.supervision.scheduleMeeting({ title: '治安案件协调会', scheduledAt: new Date(), place: '县委政法委会议室', orgIds: [police], caseIds: [policeCase.id] });
    const held = await sup.caller.supervision.holdMeeting({ id, version: 1, minutes: '形成一致意见', attendance: [{ orgId: police, attended: true }] });
    const v = (await sup.caller.supervision.concludeMeeting({ id, version: held.version, outcome: 'consensus', opinion: '一、公安局于十日内办结；二、每周报告进展。' })).version;
    const { docNo } = await leader.caller.supervision.signOpinion({ id, version: v });
    const text = await docText(await get(liaison, `/documents/meetings/${id}/opinion`));
    expect(text).toContain(docNo);
    expect(text).toContain('公安局于十日内办结');
  });

  it('generates the bulletin of the ledger for a period', async () => {
    const text = await docText(await get(sup, `/documents/bulletin?from=${today.slice(0, 8)}01&to=${today}`));
    expect(text).toContain('通报');
    expect(text).toContain('示范县人民法院');
  });

  it("refuses a unit's liaison the documents of another unit's case", async () => {
    expect((await get(liaison, `/documents/cases/${courtCase.id}/assignment-notice`)).status).toBe(404);
    expect((await get(liaison, `/documents/cases/${courtCase.id}/urging-letter`)).status).toBe(404);
  });
});
