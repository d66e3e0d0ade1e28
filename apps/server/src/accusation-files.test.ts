// The accuser's letter over HTTP: a file the petitions office attaches to the kernel case of
// an accusation (检举控告) is not served by `GET /files/:id` to the accused unit's liaison,
// who handles the case and downloads the same kind of file from an ordinary matter routed
// the same way. The refusal is the restriction's own, not the case scope's.
import { afterAll, beforeAll, expect, it } from 'vitest';
import pino from 'pino';
import petitions from '@zhengfa/plugin-petitions';
import { createTestClock, describeEachEngine, orgIdByName, startTestKernel, userIdByName, type ActingUser, type TestKernel } from '@zhengfa/test-utils';
import { createApp } from './app.js';

const LETTER = '检举信.pdf';
const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
const RESTRICTED = '该附件属于保密材料，只有持有「查看检举控告人身份」权限的政法委人员才能查看';

describeEachEngine('the attachment of an accusation over HTTP', (engine) => {
  let t: TestKernel;
  let app: ReturnType<typeof createApp>;
  let sup: ActingUser;
  let liaison: ActingUser;
  const cookie = (u: ActingUser) => ({ cookie: `zf_session=${u.cookie}` });
  const p = (u: ActingUser) => (u.caller as any).petitions;
  let accusationFile: string;
  let ordinaryFile: string;

  /** Registers a matter as the supervisor and routes it to the police, as the office does. */
  async function routedToPolice(over: Record<string, unknown>): Promise<string> {
    const police = await orgIdByName(t, '示范县公安局');
    const r = await p(sup).matters.register({
      channel: 'letter',
      receivedOn: '2026-10-12',
      personCount: 1,
      category: 'law',
      content: '反映派出所民警违规办理户口问题',
      involvedOrgId: police,
      petitioners: [{ name: '林检举', phone: '13655556666' }],
      ...over,
    });
    const m = await p(sup).matters.get({ id: r.matterId });
    await p(sup).matters.route({
      id: r.matterId,
      version: m.version,
      leadLeaderId: await userIdByName(t, 'leader'),
      handlerName: '李承办',
      resolutionPlan: '核实情况，依法处理',
      deadline: '2026-12-11',
      leadUnitId: police,
    });
    return r.caseId;
  }

  async function upload(caseId: string, name: string): Promise<string> {
    const form = new FormData();
    form.set('caseId', caseId);
    form.set('file', new File([PDF], name));
    const res = await app.request('http://localhost/files', { method: 'POST', body: form, headers: { ...cookie(sup), origin: 'http://localhost' } });
    expect(res.status).toBe(201);
    return ((await res.json()) as { id: string }).id;
  }

  beforeAll(async () => {
    t = await startTestKernel({ engine, plugins: [petitions], clock: createTestClock('2026-10-12T02:00:00Z') });
    app = createApp({ kernel: t.kernel, log: pino({ level: 'silent' }), consoleHandler: null, trustProxy: false, maxUploadBytes: 64 * 1024 });
    // The security administrator lets the office see accusers, as a county does (no built-in role may).
    const secadmin = await t.signIn('secadmin');
    const roles = await secadmin.caller.roles.list();
    const extra = await secadmin.caller.roles.create({ name: '检举控告', permissions: ['petitions.accusations'] });
    const supervisor = (await secadmin.caller.users.list({ keyword: 'supervisor' })).items.find((u) => u.username === 'supervisor')!;
    await secadmin.caller.users.assignRoles({ id: supervisor.id, roleIds: [roles.find((r) => r.key === 'supervisor')!.id, extra.id] });
    sup = await t.signIn('supervisor');
    liaison = await t.signIn('liaison');
    const accusation = await routedToPolice({ isAccusation: true, accusedOrgId: await orgIdByName(t, '示范县公安局'), accusedPerson: '城关派出所民警' });
    const ordinary = await routedToPolice({ petitioners: [{ name: '王来信', phone: '13811112222' }] });
    accusationFile = await upload(accusation, LETTER);
    ordinaryFile = await upload(ordinary, '来信.pdf');
  }, 120_000);
  afterAll(() => t.stop());

  it("serves the accused unit's liaison the letter of an ordinary matter routed to the unit", async () => {
    const res = await app.request(`http://localhost/files/${ordinaryFile}`, { headers: cookie(liaison) });
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(PDF);
  });

  it("refuses the accused unit's liaison the accuser's letter with 403 and the restriction's own message", async () => {
    const res = await app.request(`http://localhost/files/${accusationFile}`, { headers: cookie(liaison) });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(RESTRICTED);
  });
});
