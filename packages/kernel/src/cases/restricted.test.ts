// A restricted case (an accusation, 检举控告): the kernel shows its material — summary,
// parties, the committee's attachments, notes and dispatch records — only to committee
// users holding the permission the registering plugin named. Each refusal below is made
// where only that rule can refuse: the same user, on the same case or on an ordinary case
// in the same state, succeeds.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { definePlugin, permissionProcedure, z, type AuthedContext } from '@zhengfa/plugin-api';
import { openDocx } from '@zhengfa/documents/testing';
import {
  addUserWithPermissions,
  describeEachEngine,
  inDays,
  orgIdByName,
  startTestKernel,
  userIdByName,
  type ActingUser,
  type TestKernel,
} from '../testing/index.js';
import { sql } from 'kysely';
import { assignmentNoticeDocx } from '../official-docs/assemble.js';
import { caseStrings, fileStrings } from '../strings.js';
import { KERNEL_VERSION } from '../version.js';

const ACCUSER = '林检举';
const PHONE = '13655556666';
const MATERIAL = '城关派出所民警某某收受好处费';
const NOTE = `检举人${ACCUSER}今日来电补充材料`;

const secrets = definePlugin({
  id: 'secrets',
  name: '保密事项',
  version: '1.0.0',
  kernel: `^${KERNEL_VERSION}`,
  permissions: [
    { key: 'secrets.register', name: '登记保密事项', defaultRoles: [] },
    { key: 'secrets.open', name: '查看保密材料', defaultRoles: [] },
  ],
  caseKinds: [{ key: 'secret', name: '保密事项', docWord: '密' }],
  kernelAccess: { 'secrets.register': ['cases.register:secret'] },
  router: {
    cases: {
      register: permissionProcedure('secrets.register')
        .input(z.object({ title: z.string(), restrictedTo: z.string().optional() }))
        .mutation(({ ctx, input }) =>
          ctx.kernel.cases.register({
            kind: 'secret',
            title: input.title,
            summary: MATERIAL,
            source: 'letter',
            parties: [{ role: '检举人', name: ACCUSER, phone: PHONE }],
            ...(input.restrictedTo ? { restrictedTo: input.restrictedTo } : {}),
          }),
        ),
    },
  },
});

const leaks = (value: unknown) => {
  const text = JSON.stringify(value);
  return [ACCUSER, PHONE, MATERIAL, NOTE, '林*', '信件.txt'].filter((s) => text.includes(s));
};

describeEachEngine('cases: a restricted case keeps its material from whoever may not open it', (engine) => {
  let t: TestKernel;
  let sup: ActingUser;
  let liaison: ActingUser;
  /** A committee user who sees every case of the county but lacks secrets.open. */
  let clerk: ActingUser;
  let restrictedId: string;
  let ordinaryId: string;
  let letterId: string;
  let ordinaryLetterId: string;
  let unitReportId: string;

  const api = (u: ActingUser) => (u.caller as any).secrets.cases;
  const letter = (u: ActingUser, caseId: string, name = '信件.txt') =>
    t.kernel.storeAttachment(u.ctx as AuthedContext, { caseId, name, bytes: new TextEncoder().encode(`${ACCUSER}：${MATERIAL}`) });

  /** Registers a secret case as the supervision office and assigns it to the police. */
  async function registerAndAssign(title: string, restrictedTo?: string) {
    const { id } = await api(sup).register({ title, restrictedTo });
    const leader = await t.signIn('leader');
    let v = (await sup.caller.cases.get({ id })).version;
    v = (await sup.caller.cases.transition({ id, version: v, action: 'submitForApproval' })).version;
    v = (await leader.caller.cases.transition({ id, version: v, action: 'approve' })).version;
    v = (
      await sup.caller.cases.setFourFixes({
        id,
        version: v,
        leadLeaderId: await userIdByName(t, 'leader'),
        handlerName: '李承办',
        resolutionPlan: '核查反映的问题，限期报告',
        deadline: inDays(30),
        leadUnitId: await orgIdByName(t, '示范县公安局'),
      })
    ).version;
    await sup.caller.cases.transition({ id, version: v, action: 'assign' });
    return id;
  }

  beforeAll(async () => {
    t = await startTestKernel({ engine, plugins: [secrets] });
    sup = await t.signIn('supervisor');
    liaison = await t.signIn('liaison');
    const secadmin = await t.signIn('secadmin');
    const roles = await secadmin.caller.roles.list();
    const supervisorRole = roles.find((r) => r.key === 'supervisor')!;
    // The supervision office may register and open secret cases; the clerk may not open them.
    await secadmin.caller.roles.create({ name: '保密事项经办', permissions: ['secrets.register', 'secrets.open'] }).then(async (r) => {
      await secadmin.caller.users.assignRoles({ id: await userIdByName(t, 'supervisor'), roleIds: [supervisorRole.id, r.id] });
    });
    sup = await t.signIn('supervisor');
    clerk = await addUserWithPermissions(t, {
      username: 'clerk',
      displayName: '周文书',
      orgName: '示范县委政法委',
      permissions: ['cases.read', 'cases.register', 'cases.reveal', 'cases.urge', 'cases.export', 'secrets.register'],
    });
    restrictedId = await registerAndAssign('关于城关派出所民警的检举', 'secrets.open');
    ordinaryId = await registerAndAssign('关于城关派出所执法问题的反映');
    letterId = (await letter(sup, restrictedId)).id;
    ordinaryLetterId = (await letter(sup, ordinaryId)).id;
    unitReportId = (await t.kernel.storeAttachment(liaison.ctx as AuthedContext, { caseId: restrictedId, name: '核查报告.txt', bytes: new TextEncoder().encode('经核查，已立案调查') })).id;
    await sup.caller.cases.dispatch({ id: restrictedId, heldOn: inDays(0), summary: NOTE });
  }, 240_000);
  afterAll(() => t.stop());

  it('shows the whole case to a committee user holding the permission', async () => {
    const kase = await sup.caller.cases.get({ id: restrictedId });
    expect(kase.summary).toBe(MATERIAL);
    expect(kase.parties.map((p) => p.name)).toEqual(['林**']);
    expect(kase.attachments.map((a) => a.name).sort()).toEqual(['信件.txt', '核查报告.txt']);
    expect(kase.dispatches[0]!.summary).toBe(NOTE);
    expect(kase.materialWithheld).toBe(false);
  });

  for (const who of ['liaison', 'clerk'] as const) {
    const user = () => (who === 'liaison' ? liaison : clerk);

    it(`keeps the summary, parties, committee attachments and notes out of the case page for the ${who}`, async () => {
      const kase = await user().caller.cases.get({ id: restrictedId });
      expect(kase.materialWithheld).toBe(true);
      expect(kase.attachments.map((a) => a.name)).toEqual(['核查报告.txt']);
      expect(leaks(kase)).toEqual([]);
    });

    it(`shows the ${who} the same material on an ordinary case`, async () => {
      const kase = await user().caller.cases.get({ id: ordinaryId });
      expect(kase.summary).toBe(MATERIAL);
      expect(kase.attachments.map((a) => a.id)).toEqual([ordinaryLetterId]);
    });

    it(`refuses the ${who} the committee's attachment of the case with the restriction's own error`, async () => {
      await expect(t.kernel.openAttachment(user().ctx as AuthedContext, letterId)).rejects.toThrow(fileStrings.restricted('查看保密材料'));
      // The same user downloads the committee's attachment of the ordinary case and the unit's report of this one.
      await expect(t.kernel.openAttachment(user().ctx as AuthedContext, ordinaryLetterId)).resolves.toMatchObject({ name: '信件.txt' });
      await expect(t.kernel.openAttachment(user().ctx as AuthedContext, unitReportId)).resolves.toMatchObject({ name: '核查报告.txt' });
    });

    it(`finds the restricted case by neither the party's name nor the summary for the ${who}`, async () => {
      for (const keyword of [ACCUSER, '收受好处费', PHONE]) {
        const page = await user().caller.cases.ledger({ keyword });
        expect(page.items.map((i) => i.id)).not.toContain(restrictedId);
      }
      const ordinary = await user().caller.cases.ledger({ keyword: '收受好处费' });
      expect(ordinary.items.map((i) => i.id)).toContain(ordinaryId);
    });

    it(`keeps the material out of the ledger rows, the inbox and the assignment notice for the ${who}`, async () => {
      const page = await user().caller.cases.ledger({ pageSize: 200 });
      const row = page.items.find((i) => i.id === restrictedId);
      expect(row).toBeDefined();
      expect(leaks(row)).toEqual([]);
      expect(leaks(await user().caller.notifications.list({}))).toEqual([]);
      const doc = await openDocx((await assignmentNoticeDocx(user().ctx as AuthedContext, restrictedId)).buffer);
      expect(leaks(doc.text)).toEqual([]);
    });
  }

  it("tells the lead unit's liaison of the dispatch on the restricted case without its note", async () => {
    const kase = await sup.caller.cases.get({ id: restrictedId });
    const titles = (await liaison.caller.notifications.list({})).items.map((n) => n.title).filter((title) => title.includes('被催办'));
    expect(titles).toEqual([`事项 ${kase.docNo}（关于城关派出所民警的检举）被催办；下次调度日期 ${kase.nextDispatchOn}，请抓紧办理`]);
  });

  it('keeps the material in the assignment notice for a user holding the permission', async () => {
    const doc = await openDocx((await assignmentNoticeDocx(sup.ctx as AuthedContext, restrictedId)).buffer);
    expect(doc.text).toContain(MATERIAL);
  });

  it('refuses a committee user without the permission an edit of the restricted case with the restriction error', async () => {
    // Registered cases are editable: a fresh one, restricted and not, in the same state.
    const fresh = await api(sup).register({ title: '关于某派出所民警的检举', restrictedTo: 'secrets.open' });
    const plain = await api(sup).register({ title: '关于某派出所执法问题的反映' });
    const edit = async (id: string) => {
      const c = await clerk.caller.cases.get({ id });
      return clerk.caller.cases.update({ id, version: c.version, title: c.title, summary: '改写', source: 'letter', isKey: false, receivedOn: c.receivedOn });
    };
    await expect(edit(fresh.id)).rejects.toThrow(caseStrings.restrictedMaterial('查看保密材料'));
    await expect(edit(plain.id)).resolves.toMatchObject({ version: 2 });
  });

  it('refuses a step that names a committee attachment the user may not see', async () => {
    const kase = await liaison.caller.cases.get({ id: restrictedId });
    await expect(liaison.caller.cases.transition({ id: restrictedId, version: kase.version, action: 'acknowledge', attachmentIds: [letterId] })).rejects.toThrow(fileStrings.notOfCase);
    await expect(liaison.caller.cases.transition({ id: restrictedId, version: kase.version, action: 'acknowledge', attachmentIds: [unitReportId] })).resolves.toMatchObject({ status: 'in_progress' });
  });

  it('refuses a plugin a restriction by a permission it did not declare', async () => {
    await expect(api(sup).register({ title: '关于某事项的反映材料', restrictedTo: 'cases.reveal' })).rejects.toThrow(caseStrings.badRestriction('cases.reveal'));
  });

  it('stores the restricted case without its parties in the searchable columns', async () => {
    const r = await sql<{ party_names: string[]; grams: string[] }>`select party_names, search_grams as grams from kernel.cases where id = ${restrictedId}`.execute(t.database.db);
    expect(r.rows[0]!.party_names).toEqual([]);
    expect(r.rows[0]!.grams.some((g) => g.endsWith('林检') || g.endsWith('好处'))).toBe(false);
  });
});
