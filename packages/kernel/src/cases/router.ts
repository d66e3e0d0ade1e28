import { authedProcedure, field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import { sql, type Kysely } from 'kysely';
import type { KernelDatabase } from '../db/schema.js';
import type { PluginHost } from '../plugin-host/host.js';
import { caseActionLabels, caseEventNames, caseSourceNames, caseStatusNames, fieldNames as n, urgencyNames } from '../strings.js';
import { caseStatuses } from './lifecycle.js';
import {
  caseIdSchema,
  caseKind,
  caseUrgency,
  caseVersion,
  fourFixesSchema,
  ledgerFilterSchema,
  linkCasesSchema,
  registerCaseSchema,
  transitionCaseSchema,
  updateCaseSchema,
} from './schemas.js';
import { caseDetail, ledgerPage } from './queries.js';
import { exportStatus, startLedgerExport } from './export.js';
import { caseDashboard } from './dashboard.js';
import { dailyDigest } from '../notifications/digest.js';
import { decideExtension, pauseClock, requestExtension, resumeClock } from '../clocks/service.js';
import { changeUrgency, linkCases, recordDispatch, recordDispatches, registerCase, revealParty, setFourFixes, transitionCase, updateCase } from './service.js';

const uuid = f.uuid;
const version = caseVersion;
const urgency = caseUrgency;
const page = f.int(n.page, { min: 1, max: 100_000 }).default(1);

export { ledgerFilterSchema };

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
      .input(registerCaseSchema)
      .mutation(({ ctx, input }) => registerCase(ctx, host, input)),

    update: permissionProcedure('cases.register')
      .input(updateCaseSchema)
      .mutation(({ ctx, input }) => updateCase(ctx, input)),

    setFourFixes: permissionProcedure('cases.assign')
      .input(fourFixesSchema)
      .mutation(({ ctx, input }) => setFourFixes(ctx, input)),

    transition: permissionProcedure('cases.read')
      .input(transitionCaseSchema)
      .mutation(({ ctx, input }) => transitionCase(ctx, host, input)),

    dispatch: permissionProcedure('cases.urge')
      .input(z.object({ id: uuid(n.case), heldOn: f.isoDate(n.heldOn, { notFuture: true }), summary: f.text(n.dispatchSummary, { min: 2, max: 5000 }), nextSteps: f.text(n.nextSteps, { max: 5000 }).default('') }))
      .mutation(({ ctx, input }) => recordDispatch(ctx, input)),

    /** 批量催办: one dispatch on each selected open matter, all or none (cases/service.ts). */
    dispatchMany: permissionProcedure('cases.urge')
      .input(
        z.object({
          ids: f.list(n.cases, uuid(n.cases), { min: 1, max: 200 }),
          heldOn: f.isoDate(n.heldOn, { notFuture: true }),
          summary: f.text(n.dispatchSummary, { min: 2, max: 5000 }),
          nextSteps: f.text(n.nextSteps, { max: 5000 }).default(''),
        }),
      )
      .mutation(({ ctx, input }) => recordDispatches(ctx, input)),

    changeUrgency: permissionProcedure('cases.urge')
      .input(z.object({ id: uuid(n.case), version, urgency, reason: f.text(n.urgencyReason, { min: 2, max: 500 }) }))
      .mutation(({ ctx, input }) => changeUrgency(ctx, input)),

    link: permissionProcedure('cases.register')
      .input(linkCasesSchema)
      .mutation(async ({ ctx, input }) => {
        await linkCases(ctx, input);
        return { ok: true as const };
      }),

    get: permissionProcedure('cases.read')
      .input(caseIdSchema)
      .query(({ ctx, input }) => caseDetail(ctx, host, input.id)),

    pauseClock: permissionProcedure('cases.urge')
      .input(z.object({ clockId: uuid(n.clock), version, from: f.isoDate(n.pauseFrom, { maxDaysAhead: f.DEADLINE_DAYS_AHEAD }), reason: f.text(n.pauseReason, { min: 2, max: 500 }) }))
      .mutation(({ ctx, input }) => pauseClock(ctx, input)),

    resumeClock: permissionProcedure('cases.urge')
      .input(z.object({ clockId: uuid(n.clock), version, lastPausedDay: f.isoDate(n.lastPausedDay, { maxDaysAhead: f.DEADLINE_DAYS_AHEAD }) }))
      .mutation(({ ctx, input }) => resumeClock(ctx, input)),

    requestExtension: permissionProcedure('cases.read')
      .input(z.object({ clockId: uuid(n.clock), days: f.int(n.extensionDays, { min: 1, max: 365 }), reason: f.text(n.extensionReason, { min: 4, max: 1000 }) }))
      .mutation(({ ctx, input }) => requestExtension(ctx, input)),

    decideExtension: permissionProcedure('cases.approve')
      .input(z.object({ extensionId: uuid(n.extension), approve: f.bool(n.approve), comment: f.text(n.decisionComment, { max: 1000 }).default('') }))
      .mutation(({ ctx, input }) => decideExtension(ctx, input)),

    revealParty: permissionProcedure('cases.reveal')
      .input(z.object({ caseId: uuid(n.case), partyId: uuid(n.party) }))
      .mutation(({ ctx, input }) => revealParty(ctx, input.caseId, input.partyId)),

    /** Starts a background xlsx export of the filtered ledger; poll exportStatus, then download /exports/:id. */
    startExport: permissionProcedure('cases.export')
      .input(ledgerFilterSchema)
      .mutation(async ({ ctx, input }) => {
        const { id, total } = await startLedgerExport(ctx, host, dirs.exportsDir, input);
        return { id, total };
      }),

    exportStatus: permissionProcedure('cases.export')
      .input(z.object({ id: uuid(n.exportTask) }))
      .query(({ ctx, input }) => exportStatus(ctx, input.id)),

    dashboard: permissionProcedure('cases.read')
      .input(z.object({ kind: caseKind.optional() }).default({}))
      .query(({ ctx, input }) => caseDashboard(ctx, input)),

    ledger: permissionProcedure('cases.read')
      .input(
        ledgerFilterSchema.extend({
          sort: f.choice(n.sort, ['deadline', 'registeredAt', 'docNo', 'nextDispatch']).default('registeredAt'),
          dir: f.choice(n.sortDir, ['asc', 'desc']).default('desc'),
          page,
          pageSize: f.int(n.pageSize, { min: 1, max: 200 }).default(20),
        }),
      )
      .query(({ ctx, input }) => {
        const { sort, dir, page, pageSize, ...filter } = input;
        return ledgerPage(ctx, host, filter, sort, dir, page, pageSize);
      }),
  };
}

export const notificationsRouter = {
  /** 每日摘要: what reached the user on a China day (default today), grouped, with unread counts. */
  digest: authedProcedure
    .input(z.object({ day: f.isoDate(n.digestDay, { notFuture: true }).optional() }).default({}))
    .query(({ ctx, input }) => dailyDigest(ctx, input.day)),
  list: authedProcedure
    .input(z.object({ unreadOnly: f.bool(n.unreadOnly).default(false), page, pageSize: f.int(n.pageSize, { min: 1, max: 100 }).default(20) }))
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
  markRead: authedProcedure.input(z.object({ ids: f.list(n.notifications, uuid(n.notifications), { max: 200 }).optional() })).mutation(async ({ ctx, input }) => {
    const db = ctx.db as unknown as Kysely<KernelDatabase>;
    let q = db.updateTable('kernel.notifications').set({ read_at: new Date() }).where('tenant_id', '=', ctx.tenant.id).where('user_id', '=', ctx.user.id).where('read_at', 'is', null);
    if (input.ids) q = q.where('id', 'in', input.ids.length ? input.ids : [sql<string>`null`]);
    const r = await q.executeTakeFirst();
    return { updated: Number(r.numUpdatedRows) };
  }),
};
