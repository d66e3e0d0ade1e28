import { authedProcedure, permissionProcedure, z } from '@zhengfa/plugin-api';
import { sql, type Kysely } from 'kysely';
import type { KernelDatabase } from '../db/schema.js';
import type { PluginHost } from '../plugin-host/host.js';
import { caseActionLabels, caseEventNames, caseSourceNames, caseStatusNames, urgencyNames } from '../strings.js';
import { caseActions, caseStatuses, sixClarityKeys } from './lifecycle.js';
import { caseDetail, ledgerPage } from './queries.js';
import { exportStatus, startLedgerExport } from './export.js';
import { caseDashboard } from './dashboard.js';
import { decideExtension, pauseClock, requestExtension, resumeClock } from '../clocks/service.js';
import { changeUrgency, linkCases, recordDispatch, registerCase, revealParty, setFourFixes, transitionCase, updateCase } from './service.js';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
const uuid = z.string().uuid('编号格式不正确');
const urgency = z.enum(['normal', 'urgent', 'critical'], { error: '请选择紧急程度' });
const source = z.enum(Object.keys(caseSourceNames) as [keyof typeof caseSourceNames], { error: '请选择事项来源' });
const title = z.string().trim().min(4, '标题至少 4 个字').max(100, '标题不能超过 100 个字');
const summary = z.string().trim().max(5000, '内容摘要不能超过 5000 字').default('');
const party = z.object({
  role: z.string().max(20).optional(),
  name: z.string().trim().min(1, '请填写当事人姓名').max(50),
  idNumber: z.string().trim().max(18).nullish(),
  phone: z.string().trim().max(20).nullish(),
  address: z.string().trim().max(200).nullish(),
});
const sixClarities = z.object(Object.fromEntries(sixClarityKeys.map((k) => [k, z.string().trim().max(2000).optional()]))).partial();

export const ledgerFilterSchema = z.object({
  kind: z.array(z.string().max(40)).max(20).optional(),
  status: z.array(z.enum(caseStatuses)).optional(),
  urgency: z.array(urgency).optional(),
  unitId: uuid.optional(),
  overdue: z.boolean().optional(),
  dueWithinDays: z.number().int().min(0).max(365).optional(),
  dispatchDue: z.boolean().optional(),
  from: date.optional(),
  to: date.optional(),
  keyword: z.string().trim().max(50, '关键词不能超过 50 个字').optional(),
});

export interface CaseDirs {
  exportsDir: string;
}

export function createCasesRouter(host: PluginHost, dirs: CaseDirs) {
  return {
    vocab: authedProcedure.query(() => ({
      kinds: [...host.caseKinds.values()].map((k) => ({ value: k.key, label: k.name })),
      statuses: caseStatuses.map((s) => ({ value: s, label: caseStatusNames[s] })),
      urgencies: (['normal', 'urgent', 'critical'] as const).map((u) => ({ value: u, label: urgencyNames[u] })),
      sources: Object.entries(caseSourceNames).map(([value, label]) => ({ value, label })),
      /** The workflow's buttons, by action. */
      actions: caseActionLabels as Record<string, string>,
      /** The timeline's names, by event type. */
      events: caseEventNames,
    })),

    register: permissionProcedure('cases.register')
      .input(
        z.object({
          kind: z.string().max(40).default('supervision'),
          title,
          summary,
          source,
          urgency: urgency.default('normal'),
          isKey: z.boolean().default(false),
          receivedOn: date.optional(),
          parties: z.array(party).max(50).default([]),
          idempotencyKey: z.string().min(8).max(100).optional(),
        }),
      )
      .mutation(({ ctx, input }) => registerCase(ctx, host, input)),

    update: permissionProcedure('cases.register')
      .input(z.object({ id: uuid, version: z.number().int().positive(), title, summary, source, isKey: z.boolean(), receivedOn: date, parties: z.array(party).max(50).optional() }))
      .mutation(({ ctx, input }) => updateCase(ctx, input)),

    setFourFixes: permissionProcedure('cases.assign')
      .input(
        z.object({
          id: uuid,
          version: z.number().int().positive(),
          leadLeaderId: uuid,
          handlerName: z.string().trim().min(2, '请填写承办责任人').max(30),
          handlerPhone: z.string().trim().max(20).nullish(),
          resolutionPlan: z.string().trim().min(4, '请填写化解方案').max(5000),
          deadline: date,
          leadUnitId: uuid,
          cooperatingUnitIds: z.array(uuid).max(20).default([]),
          sixClarities: sixClarities.optional(),
        }),
      )
      .mutation(({ ctx, input }) => setFourFixes(ctx, input)),

    transition: permissionProcedure('cases.read')
      .input(
        z.object({
          id: uuid,
          version: z.number().int().positive(),
          action: z.enum(caseActions),
          comment: z.string().trim().max(2000).optional(),
          toUnitId: uuid.optional(),
          report: z.string().trim().max(10000).optional(),
          sixClarities: sixClarities.optional(),
          attachmentIds: z.array(uuid).max(20).optional(),
        }),
      )
      .mutation(({ ctx, input }) => transitionCase(ctx, host, input)),

    dispatch: permissionProcedure('cases.urge')
      .input(z.object({ id: uuid, heldOn: date, summary: z.string().trim().min(2, '请填写调度情况').max(5000), nextSteps: z.string().trim().max(5000).default('') }))
      .mutation(({ ctx, input }) => recordDispatch(ctx, input)),

    changeUrgency: permissionProcedure('cases.urge')
      .input(z.object({ id: uuid, version: z.number().int().positive(), urgency, reason: z.string().trim().min(2, '请填写调整理由').max(500) }))
      .mutation(({ ctx, input }) => changeUrgency(ctx, input)),

    link: permissionProcedure('cases.register')
      .input(z.object({ fromId: uuid, toId: uuid, kind: z.enum(['related', 'duplicate_of', 'derived_from']) }))
      .mutation(async ({ ctx, input }) => {
        await linkCases(ctx, input);
        return { ok: true as const };
      }),

    get: permissionProcedure('cases.read')
      .input(z.object({ id: uuid }))
      .query(({ ctx, input }) => caseDetail(ctx, host, input.id)),

    pauseClock: permissionProcedure('cases.urge')
      .input(z.object({ clockId: uuid, version: z.number().int().positive(), from: date, reason: z.string().trim().min(2, '请填写暂停理由，如“听证”').max(500) }))
      .mutation(({ ctx, input }) => pauseClock(ctx, input)),

    resumeClock: permissionProcedure('cases.urge')
      .input(z.object({ clockId: uuid, version: z.number().int().positive(), lastPausedDay: date }))
      .mutation(({ ctx, input }) => resumeClock(ctx, input)),

    requestExtension: permissionProcedure('cases.read')
      .input(z.object({ clockId: uuid, days: z.number().int().min(1, '延期天数至少 1 天').max(365), reason: z.string().trim().min(4, '请填写延期理由').max(1000) }))
      .mutation(({ ctx, input }) => requestExtension(ctx, input)),

    decideExtension: permissionProcedure('cases.approve')
      .input(z.object({ extensionId: uuid, approve: z.boolean(), comment: z.string().trim().max(1000).default('') }))
      .mutation(({ ctx, input }) => decideExtension(ctx, input)),

    revealParty: permissionProcedure('cases.reveal')
      .input(z.object({ caseId: uuid, partyId: uuid }))
      .mutation(({ ctx, input }) => revealParty(ctx, input.caseId, input.partyId)),

    /** Starts a background xlsx export of the filtered ledger; poll exportStatus, then download /exports/:id. */
    startExport: permissionProcedure('cases.export')
      .input(ledgerFilterSchema)
      .mutation(async ({ ctx, input }) => {
        const { id, total } = await startLedgerExport(ctx, host, dirs.exportsDir, input);
        return { id, total };
      }),

    exportStatus: permissionProcedure('cases.export')
      .input(z.object({ id: uuid }))
      .query(({ ctx, input }) => exportStatus(ctx, input.id)),

    dashboard: permissionProcedure('cases.read')
      .input(z.object({ kind: z.string().max(40).optional() }).default({}))
      .query(({ ctx, input }) => caseDashboard(ctx, input)),

    ledger: permissionProcedure('cases.read')
      .input(
        ledgerFilterSchema.extend({
          sort: z.enum(['deadline', 'registeredAt', 'docNo', 'nextDispatch']).default('registeredAt'),
          dir: z.enum(['asc', 'desc']).default('desc'),
          page: z.number().int().min(1).default(1),
          pageSize: z.number().int().min(1).max(200).default(20),
        }),
      )
      .query(({ ctx, input }) => {
        const { sort, dir, page, pageSize, ...filter } = input;
        return ledgerPage(ctx, host, filter, sort, dir, page, pageSize);
      }),
  };
}

export const notificationsRouter = {
  list: authedProcedure
    .input(z.object({ unreadOnly: z.boolean().default(false), page: z.number().int().min(1).default(1), pageSize: z.number().int().min(1).max(100).default(20) }))
    .query(async ({ ctx, input }) => {
      const db = ctx.db as unknown as Kysely<KernelDatabase>;
      let q = db.selectFrom('kernel.notifications').where('tenant_id', '=', ctx.tenant.id).where('user_id', '=', ctx.user.id);
      if (input.unreadOnly) q = q.where('read_at', 'is', null);
      const { total } = await q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
      const items = await q
        .select(['id', 'title', 'body', 'link', 'case_id', 'created_at', 'read_at'])
        .orderBy('created_at', 'desc')
        .limit(input.pageSize)
        .offset((input.page - 1) * input.pageSize)
        .execute();
      return { total: Number(total), items: items.map((n) => ({ id: n.id, title: n.title, body: n.body, link: n.link, caseId: n.case_id, createdAt: n.created_at, read: n.read_at !== null })) };
    }),
  unreadCount: authedProcedure.query(async ({ ctx }) => {
    const db = ctx.db as unknown as Kysely<KernelDatabase>;
    const r = await db
      .selectFrom('kernel.notifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('tenant_id', '=', ctx.tenant.id)
      .where('user_id', '=', ctx.user.id)
      .where('read_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }),
  markRead: authedProcedure.input(z.object({ ids: z.array(uuid).max(200).optional() })).mutation(async ({ ctx, input }) => {
    const db = ctx.db as unknown as Kysely<KernelDatabase>;
    let q = db.updateTable('kernel.notifications').set({ read_at: new Date() }).where('tenant_id', '=', ctx.tenant.id).where('user_id', '=', ctx.user.id).where('read_at', 'is', null);
    if (input.ids) q = q.where('id', 'in', input.ids.length ? input.ids : [sql<string>`null`]);
    const r = await q.executeTakeFirst();
    return { updated: Number(r.numUpdatedRows) };
  }),
};
