import { afterAll, beforeAll, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { describeEachEngine, startTestKernel, type ActingUser, type TestKernel } from '@zhengfa/test-utils';
import { createApp } from './app.js';

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);

async function assignedCase(t: TestKernel, sup: ActingUser, leader: ActingUser, unitName: string, title: string) {
  const orgs = await sup.caller.orgs.tree();
  const unit = orgs.find((o) => o.name === unitName)!.id;
  const leaderId = (await leader.caller.auth.me())!.user.id;
  const r = await sup.caller.cases.register({ title, summary: '附件与导出测试', source: 'letter', urgency: 'normal', isKey: false, parties: [{ name: '赵六', idNumber: '11010519491231002X' }] });
  let v = (await sup.caller.cases.get({ id: r.id })).version;
  v = (await sup.caller.cases.transition({ id: r.id, version: v, action: 'submitForApproval' })).version;
  v = (await leader.caller.cases.transition({ id: r.id, version: v, action: 'approve' })).version;
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  v = (await sup.caller.cases.setFourFixes({ id: r.id, version: v, leadLeaderId: leaderId, handlerName: '孙承办', resolutionPlan: '依法处理并答复', deadline, leadUnitId: unit, cooperatingUnitIds: [] })).version;
  await sup.caller.cases.transition({ id: r.id, version: v, action: 'assign' });
  return r;
}

describeEachEngine('attachments and exports over HTTP', (engine) => {
  let t: TestKernel;
  let app: ReturnType<typeof createApp>;
  let sup: ActingUser;
  let liaison: ActingUser;
  let courtCaseId: string;
  let policeCaseId: string;
  const cookie = (u: ActingUser) => ({ cookie: `zf_session=${u.cookie}` });

  beforeAll(async () => {
    t = await startTestKernel({ engine });
    app = createApp({ kernel: t.kernel, log: pino({ level: 'silent' }), consoleHandler: null, trustProxy: false, maxUploadBytes: 64 * 1024 });
    sup = await t.signIn('supervisor');
    liaison = await t.signIn('liaison');
    const leader = await t.signIn('leader');
    courtCaseId = (await assignedCase(t, sup, leader, '示范县人民法院', '法院执行款未发放问题')).id;
    policeCaseId = (await assignedCase(t, sup, leader, '示范县公安局', '派出所出警不及时问题')).id;
  });
  afterAll(() => t.stop());

  async function upload(user: ActingUser, caseId: string, name: string, bytes: Uint8Array) {
    const form = new FormData();
    form.set('caseId', caseId);
    form.set('file', new File([bytes], name));
    // A browser names the page's origin on every upload (request-guards.ts refuses forms that do not).
    return app.request('http://localhost/files', { method: 'POST', body: form, headers: { ...cookie(user), origin: 'http://localhost' } });
  }

  it('refuses a file name with a right-to-left override, naming the field', async () => {
    const res = await upload(sup, courtCaseId, '凭证\u202Efdp.exe', PDF);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('「附件文件名」不能包含改变文字方向的控制字符，请改用普通文件名');
  });

  it('refuses a file name with a NUL byte with 400, not 500', async () => {
    const res = await upload(sup, courtCaseId, '凭证\u0000.pdf', PDF);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('「附件文件名」不能包含空字符（\\0），请删除后重新提交');
  });

  it('answers an upload for a case id of 36 dashes with 400, not 500', async () => {
    const res = await upload(sup, '-'.repeat(36), '凭证.pdf', PDF);
    expect(res.status).toBe(400);
  });

  it('stores an upload and serves it back with its Chinese name to a user who sees the case', async () => {
    const res = await upload(sup, courtCaseId, '执行款发放凭证.pdf', PDF);
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    const down = await app.request(`/files/${id}`, { headers: cookie(sup) });
    expect(down.status).toBe(200);
    expect(down.headers.get('content-type')).toBe('application/pdf');
    expect(down.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('执行款发放凭证.pdf')}`);
    expect(new Uint8Array(await down.arrayBuffer())).toEqual(PDF);
    expect((await sup.caller.cases.get({ id: courtCaseId })).attachments.map((a) => a.name)).toEqual(['执行款发放凭证.pdf']);
  });

  it("refuses another unit's liaison both the download and an upload to that case", async () => {
    const { id } = (await (await upload(sup, courtCaseId, '内部材料.pdf', PDF)).json()) as { id: string };
    expect((await app.request(`/files/${id}`, { headers: cookie(liaison) })).status).toBe(404);
    expect((await upload(liaison, courtCaseId, '越权上传.pdf', PDF)).status).toBe(404);
  });

  it('lets the lead unit attach its result report', async () => {
    const res = await upload(liaison, policeCaseId, '办理结果报告.pdf', PDF);
    expect(res.status).toBe(201);
  });

  it('refuses a program renamed to .pdf, a type off the allow-list, and an oversized file, in Chinese', async () => {
    const disguised = await upload(sup, courtCaseId, '通知.pdf', EXE);
    expect(disguised.status).toBe(400);
    expect(((await disguised.json()) as any).error.message).toBe('文件内容与扩展名 .pdf 不符，请确认文件未损坏或被改名');
    const exe = await upload(sup, courtCaseId, '工具.exe', EXE);
    expect(((await exe.json()) as any).error.message).toContain('不支持上传 .exe 文件');
    const big = new Uint8Array(200 * 1024);
    big.set(PDF);
    const tooBig = await upload(sup, courtCaseId, '大文件.pdf', big);
    expect([400, 413]).toContain(tooBig.status);
    expect(((await tooBig.json()) as any).error.message).toContain('附件不能超过');
  });

  it('refuses anonymous access to files', async () => {
    expect((await app.request('/files/00000000-0000-0000-0000-000000000000')).status).toBe(401);
  });

  it('exports the ledger the user sees as a valid xlsx, with personal data masked', async () => {
    const { id, total } = await liaison.caller.cases.startExport({});
    expect(total).toBe(1);
    let status = await liaison.caller.cases.exportStatus({ id });
    for (let i = 0; i < 50 && status.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = await liaison.caller.cases.exportStatus({ id });
    }
    expect(status).toMatchObject({ status: 'done', done: 1 });
    const res = await app.request(`/exports/${id}`, { headers: cookie(liaison) });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = wb.getWorksheet('台账')!;
    // Rows 1 and 2 are the printed title; row 3 the header (序号 first); row 4 the case.
    expect(sheet.getRow(3).getCell(2).value).toBe('文号');
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getRow(4).getCell(4).value).toBe('派出所出警不及时问题');
    expect(sheet.getRow(4).getCell(16).value).toBe('赵*');
    // Another user cannot fetch this export.
    expect((await app.request(`/exports/${id}`, { headers: cookie(sup) })).status).toBe(404);
  });
});
