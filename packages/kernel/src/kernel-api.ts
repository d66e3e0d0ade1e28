// The kernel's public API for plugins (ctx.kernel), bound to the request's user. Every call
// goes through the same services, scope and checks as the kernel's own procedures.
import type { AuthedContext, KernelApi, KernelCase, RequestContext } from '@zhengfa/plugin-api';
import { TRPCError } from '@trpc/server';
import { apiStrings } from '@zhengfa/plugin-api';
import type { Kysely } from 'kysely';
import { caseDetail } from './cases/queries.js';
import { linkCases, registerCase, setFourFixes, transitionCase } from './cases/service.js';
import type { PluginHost } from './plugin-host/host.js';
import { startClocks, stopClock } from './clocks/service.js';
import type { KernelDatabase } from './db/schema.js';
import { orgInScope } from './scope.js';

export function createKernelApi(getCtx: () => RequestContext, host: PluginHost): KernelApi {
  const authed = (db?: Kysely<any>): AuthedContext => {
    const ctx = getCtx();
    if (!ctx.user || !ctx.tenant || !ctx.sessionId) throw new TRPCError({ code: 'UNAUTHORIZED', message: apiStrings.unauthenticated });
    if (!db) return ctx as AuthedContext;
    // Inside the plugin's transaction every write of the kernel, its audit rows included,
    // goes through that transaction: an audit row written beside it would wait on the
    // chain head the transaction holds (on PGlite, on the one connection) for ever.
    return { ...ctx, db, audit: { record: (entry, opts) => ctx.audit.record(entry, { db: opts?.db ?? db }) } } as AuthedContext;
  };
  return {
    orgs: {
      async list(opts) {
        const ctx = authed(opts?.db);
        const db = ctx.db as unknown as Kysely<KernelDatabase>;
        const rows = await db
          .selectFrom('kernel.orgs')
          .select(['id', 'parent_id', 'name', 'kind', 'level', 'disabled'])
          .where('tenant_id', '=', ctx.tenant.id)
          .where(orgInScope(db, ctx.user, 'id'))
          .orderBy('path')
          .execute();
        return rows.map((r) => ({ id: r.id, parentId: r.parent_id, name: r.name, kind: r.kind, level: r.level, disabled: r.disabled }));
      },
    },
    cases: {
      register: (input, opts) =>
        registerCase(authed(opts?.db), host, {
          kind: input.kind,
          title: input.title,
          summary: input.summary ?? '',
          source: input.source,
          urgency: input.urgency ?? 'normal',
          isKey: input.isKey ?? false,
          receivedOn: input.receivedOn,
          parties: input.parties ?? [],
          idempotencyKey: input.idempotencyKey,
          historical: input.historical,
          restrictedTo: input.restrictedTo,
        }),
      async get(id, opts): Promise<KernelCase> {
        const d = await caseDetail(authed(opts?.db), host, id);
        return {
          id: d.id,
          docNo: d.docNo,
          kind: d.kind,
          title: d.title,
          status: d.status,
          statusName: d.statusName,
          urgency: d.urgency,
          leadUnitId: d.leadUnitId,
          leadUnitName: d.leadUnitName,
          deadline: d.deadline,
          restricted: d.restricted,
          version: d.version,
          clocks: d.clocks.map((c) => ({ id: c.id, key: c.key, name: c.name, dueOn: c.dueOn, paused: c.paused, stoppedOn: c.stoppedOn, version: c.version })),
        };
      },
      setFourFixes: (input, opts) => setFourFixes(authed(opts?.db), { ...input, cooperatingUnitIds: input.cooperatingUnitIds ?? [] }),
      transition: (input, opts) => transitionCase(authed(opts?.db), host, input),
      link: (input, opts) => linkCases(authed(opts?.db), input),
      async startClock(input, opts) {
        const ctx = authed(opts?.db);
        const db = ctx.db as unknown as Kysely<KernelDatabase>;
        await caseDetail(ctx, host, input.caseId); // scope check: throws NOT_FOUND outside it
        await startClocks(db, ctx.tenant.id, input.caseId, [{ key: input.key, name: input.name, days: input.days, unit: input.unit, maxExtensionDays: input.maxExtensionDays ?? 0, startsAt: 'register' }], input.startOn);
      },
      async stopClock(input, opts) {
        const ctx = authed(opts?.db);
        await caseDetail(ctx, host, input.caseId);
        await stopClock(ctx.db as unknown as Kysely<KernelDatabase>, ctx.tenant.id, input.caseId, input.key, input.on);
      },
    },
  };
}
