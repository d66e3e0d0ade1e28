// ctx.kernel, the plugins' way into the kernel: validated by the kernel procedures' schemas,
// acting for the signed-in user within that user's scope, and only for the operations the
// plugin declared (kernelAccess) for the permission of the calling procedure. Each refusal
// is made where only its rule can refuse: the same call succeeds from a procedure or a user
// the rule allows.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { authedProcedure, definePlugin, permissionProcedure, z, type AuthedContext } from '@zhengfa/plugin-api';
import { describeEachEngine, inDays, orgIdByName, startTestKernel, userIdByName, type ActingUser, type TestKernel } from './testing/index.js';
import { sql } from 'kysely';
import { caseStrings, fileStrings, kernelApiStrings } from './strings.js';
import { KERNEL_VERSION } from './version.js';

const probe = definePlugin({
  id: 'probe',
  name: '探针',
  version: '1.0.0',
  kernel: `^${KERNEL_VERSION}`,
  permissions: [
    { key: 'probe.use', name: '使用探针', defaultRoles: ['supervisor', 'liaison'] },
    { key: 'probe.other', name: '其他探针', defaultRoles: ['supervisor'] },
    { key: 'probe.secret', name: '查看保密探针', defaultRoles: [] },
  ],
  caseKinds: [{ key: 'probe', name: '探针事项', docWord: '探', skipApproval: true }],
  kernelAccess: {
    'probe.use': ['orgs.list', 'users.find', 'calendar.read', 'cases.register:probe', 'cases.read:probe'],
  },
  router: {
    k: {
      register: permissionProcedure('probe.use')
        .input(z.object({ title: z.string(), restricted: z.boolean().default(false) }))
        .mutation(({ ctx, input }) =>
          ctx.kernel.cases.register({ kind: 'probe', title: input.title, source: 'letter', ...(input.restricted ? { restrictedTo: 'probe.secret' } : {}) }),
        ),
      registerAsOther: permissionProcedure('probe.other').mutation(({ ctx }) => ctx.kernel.cases.register({ kind: 'probe', title: '未声明权限的登记', source: 'letter' })),
      get: permissionProcedure('probe.use')
        .input(z.object({ id: z.string() }))
        .query(({ ctx, input }) => ctx.kernel.cases.get(input.id)),
      assign: permissionProcedure('probe.use')
        .input(z.object({ id: z.string(), version: z.number() }))
        .mutation(({ ctx, input }) => ctx.kernel.cases.transition({ id: input.id, version: input.version, action: 'assign' })),
      visibleIds: permissionProcedure('probe.use').query(({ ctx }) => ctx.kernel.cases.visibleIds({ kind: 'probe' })),
      users: permissionProcedure('probe.use')
        .input(z.object({ orgId: z.string(), roleKey: z.string() }))
        .query(({ ctx, input }) => ctx.kernel.users.find({ orgId: input.orgId, roleKey: input.roleKey })),
      attachments: permissionProcedure('probe.use')
        .input(z.object({ caseId: z.string() }))
        .query(({ ctx, input }) => ctx.kernel.attachments.list(input.caseId)),
      open: permissionProcedure('probe.use')
        .input(z.object({ id: z.string() }))
        .query(async ({ ctx, input }) => {
          const f = await ctx.kernel.attachments.open(input.id);
          return { name: f.name, text: new TextDecoder().decode(f.bytes) };
        }),
      unguarded: authedProcedure.query(({ ctx }) => ctx.kernel.orgs.list()),
      workingDays: permissionProcedure('probe.use')
        .input(z.object({ date: z.string(), days: z.number() }))
        .query(({ ctx, input }) => ctx.kernel.calendar.addWorkingDays(input.date, input.days)),
      workday: permissionProcedure('probe.use')
        .input(z.object({ date: z.string() }))
        .query(({ ctx, input }) => ctx.kernel.calendar.isWorkingDay(input.date)),
    },
  },
});

describeEachEngine('ctx.kernel: validated, scoped and limited to the declared operations', (engine) => {
  let t: TestKernel;
  let sup: ActingUser;
  let liaison: ActingUser;
  let assignedId: string;
  let unassignedId: string;
  const api = (u: ActingUser) => (u.caller as any).probe.k;

  /** Registers a probe case as the supervision office and assigns it to the police through the kernel's procedures. */
  async function registerAndAssign(title: string, restricted = false): Promise<string> {
    const { id } = await api(sup).register({ title, restricted });
    const v = (await sup.caller.cases.get({ id })).version;
    const fixed = await sup.caller.cases.setFourFixes({
      id,
      version: v,
      leadLeaderId: await userIdByName(t, 'leader'),
      handlerName: '李承办',
      resolutionPlan: '核查反映的问题，限期报告',
      deadline: inDays(30),
      leadUnitId: await orgIdByName(t, '示范县公安局'),
    });
    await sup.caller.cases.transition({ id, version: fixed.version, action: 'assign' });
    return id;
  }

  beforeAll(async () => {
    t = await startTestKernel({ engine, plugins: [probe] });
    sup = await t.signIn('supervisor');
    liaison = await t.signIn('liaison');
    assignedId = await registerAndAssign('交办公安局的探针事项');
    unassignedId = (await api(sup).register({ title: '尚未交办的探针事项' })).id;
  }, 240_000);
  afterAll(() => t.stop());

  it('registers a case from a procedure whose permission declared cases.register for its kind', async () => {
    const r = await api(sup).register({ title: '声明过的登记操作' });
    expect(r.docNo).toMatch(/^示政法探〔\d{4}〕\d+号$/);
    expect(r.duplicate).toBe(false);
  });

  it('refuses an operation the plugin declared for no permission of the procedure, naming the operation', async () => {
    await expect(api(sup).registerAsOther()).rejects.toMatchObject({ code: 'FORBIDDEN', message: kernelApiStrings.undeclared('cases.register:probe', '其他探针') });
  });

  it('refuses a transition the permission did not declare, naming the action and kind', async () => {
    const kase = await api(sup).get({ id: unassignedId });
    await expect(api(sup).assign({ id: unassignedId, version: kase.version })).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: kernelApiStrings.undeclared('cases.assign:probe', '使用探针'),
    });
    expect((await sup.caller.cases.get({ id: unassignedId })).status).toBe('registered');
  });

  it('refuses every operation from a procedure guarded by no permission', async () => {
    await expect(api(sup).unguarded()).rejects.toMatchObject({ code: 'FORBIDDEN', message: kernelApiStrings.unbound('orgs.list') });
  });

  it("refuses a case outside the unit's scope with the kernel's own scoping error", async () => {
    expect((await api(liaison).get({ id: assignedId })).title).toBe('交办公安局的探针事项');
    await expect(api(liaison).get({ id: unassignedId })).rejects.toMatchObject({ code: 'NOT_FOUND', message: caseStrings.notFound });
  });

  it('refuses invalid input with the Chinese message naming the field and writes nothing', async () => {
    const count = async () => (await sql<{ n: number }>`select count(*)::int as n from kernel.cases where kind = 'probe'`.execute(t.database.db)).rows[0]!.n;
    const before = await count();
    await expect(api(sup).register({ title: '短' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: '提交的内容有误：「标题」至少 4 个字' });
    expect(await count()).toBe(before);
  });

  it('lists the ids of the cases of a kind the unit may see: only those assigned to it', async () => {
    expect(await api(liaison).visibleIds()).toEqual([assignedId]);
    expect(await api(sup).visibleIds()).toContain(unassignedId);
  });

  it('finds the users of a unit holding a built-in role', async () => {
    const police = await orgIdByName(t, '示范县公安局');
    const found = await api(sup).users({ orgId: police, roleKey: 'liaison' });
    expect(found.map((u: { displayName: string; orgName: string }) => [u.displayName, u.orgName])).toEqual([['张联络', '示范县公安局']]);
  });

  it("keeps a restricted case's committee attachments from the unit, in the list and on opening", async () => {
    const id = await registerAndAssign('关于某派出所民警的检举', true);
    const letter = await t.kernel.storeAttachment(sup.ctx as AuthedContext, { caseId: id, name: '检举信.txt', bytes: new TextEncoder().encode('检举材料') });
    await t.kernel.storeAttachment(liaison.ctx as AuthedContext, { caseId: id, name: '核查报告.txt', bytes: new TextEncoder().encode('经核查') });
    expect((await api(liaison).attachments({ caseId: id })).map((a: { name: string }) => a.name)).toEqual(['核查报告.txt']);
    await expect(api(liaison).open({ id: letter.id })).rejects.toMatchObject({ code: 'FORBIDDEN', message: fileStrings.restricted('查看保密探针') });
    expect(await api(sup).open({ id: letter.id })).toEqual({ name: '检举信.txt', text: '检举材料' });
  });

  it("counts working days on the county's calendar: across the National Day holiday, with the make-up Saturday", async () => {
    expect(await api(sup).workingDays({ date: '2026-09-30', days: 3 })).toBe('2026-10-10');
    expect(await api(sup).workday({ date: '2026-10-10' })).toBe(true);
    expect(await api(sup).workday({ date: '2026-10-05' })).toBe(false);
  });

  it('follows the county administrator’s correction of the calendar', async () => {
    const admin = await t.signIn('admin');
    await admin.caller.calendar.set({ date: '2026-10-12', kind: 'holiday', name: '县内调休' });
    expect(await api(sup).workingDays({ date: '2026-09-30', days: 4 })).toBe('2026-10-13');
  });

  it('refuses a day that does not exist with the Chinese message naming the field', async () => {
    await expect(api(sup).workingDays({ date: '2026-02-30', days: 3 })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('日期') });
  });
});
