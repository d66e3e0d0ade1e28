// The kernel's public API for plugins (ctx.kernel), bound to the request's user. Every call
// is validated by the same schemas as the kernel's own procedures (cases/schemas.ts), goes
// through the same services and scope, and is allowed only when the plugin declared the
// operation (definePlugin's `kernelAccess`) for a permission the calling procedure holds:
// `permissionProcedure` binds ctx.kernel to its permissions (BIND_KERNEL); unbound, every
// call is refused.
import type { AuthedContext, KernelApi, KernelAttachment, KernelCase, RequestContext } from '@zhengfa/plugin-api';
import { apiStrings, BIND_KERNEL, forbidden, inputErrorMessage, notFound, TRPCError } from '@zhengfa/plugin-api';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { caseDetail } from './cases/queries.js';
import {
  attachmentIdSchema,
  caseAttachmentsSchema,
  caseIdSchema,
  fourFixesSchema,
  linkCasesSchema,
  pluginRegisterCaseSchema,
  startClockSchema,
  stopClockSchema,
  transitionCaseSchema,
  visibleIdsSchema,
} from './cases/schemas.js';
import { caseVisible } from './cases/scope.js';
import { linkCases, registerCase, setFourFixes, transitionCase } from './cases/service.js';
import { startClocks, stopClock } from './clocks/service.js';
import type { KernelDatabase } from './db/schema.js';
import { attachmentsOf, openAttachment } from './files/attachments.js';
import { operationsOf } from './plugin-host/kernel-access.js';
import type { PluginHost } from './plugin-host/host.js';
import { chinaDate } from './cases/dates.js';
import { workingDaySchema, workingDaysSchema } from './calendar/schemas.js';
import { tenantCalendar, yearsAround } from './calendar/store.js';
import { orgInScope } from './scope.js';
import { caseStrings, fileStrings, kernelApiStrings } from './strings.js';
import { findUsers, findUsersSchema } from './users/lookup.js';

/** What a bound ctx.kernel may do: the procedure's permissions the user holds, and their operations. */
interface Grant {
  permissions: readonly string[];
  operations: ReadonlySet<string>;
}

export interface KernelApiOptions {
  /** Where attachments' content lives (attachments.open); without it, open refuses. */
  filesDir?: string;
  /** The refusal of an undeclared operation, when not a procedure's (a job's). */
  undeclared?: (operation: string) => string;
}

/** Parses a plugin's input with the procedure's schema; a failure is the procedure's own Chinese message. */
function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (!r.success) throw new TRPCError({ code: 'BAD_REQUEST', message: inputErrorMessage(r.error), cause: r.error });
  return r.data;
}

export function createKernelApi(getCtx: () => RequestContext, host: PluginHost, options: KernelApiOptions = {}): KernelApi {
  const authed = (db?: Kysely<any>): AuthedContext => {
    const ctx = getCtx();
    if (!ctx.user || !ctx.tenant || !ctx.sessionId) throw new TRPCError({ code: 'UNAUTHORIZED', message: apiStrings.unauthenticated });
    if (!db) return ctx as AuthedContext;
    // Inside the plugin's transaction every write of the kernel, its audit rows included,
    // goes through that transaction: an audit row written beside it would wait on the
    // chain head the transaction holds (on PGlite, on the one connection) for ever.
    return { ...ctx, db, audit: { record: (entry, opts) => ctx.audit.record(entry, { db: opts?.db ?? db }) } } as AuthedContext;
  };

  const build = (grant: Grant | null): KernelApi => {
    const allow = (ctx: AuthedContext, operation: string): void => {
      if (!grant) throw forbidden(kernelApiStrings.unbound(operation));
      if (!grant.operations.has(operation)) {
        if (options.undeclared) throw forbidden(options.undeclared(operation));
        throw forbidden(kernelApiStrings.undeclared(operation, grant.permissions.map((p) => ctx.permissionName(p)).join('、')));
      }
    };
    /** A case the user may see (its kind and restriction); outside the scope, the kernel's own refusal. */
    const visibleCase = async (ctx: AuthedContext, caseId: string): Promise<{ kind: string; restricted_to: string | null }> => {
      const db = ctx.db as unknown as Kysely<KernelDatabase>;
      const row = await db
        .selectFrom('kernel.cases as c')
        .select(['c.kind', 'c.restricted_to'])
        .where('c.tenant_id', '=', ctx.tenant.id)
        .where('c.id', '=', caseId)
        .where(caseVisible(ctx.user))
        .executeTakeFirst();
      if (!row) throw notFound(caseStrings.notFound);
      return row;
    };
    /** Refuses `verb` on the case unless declared for its kind; returns the case as visibleCase does. */
    const allowOnCase = async (ctx: AuthedContext, verb: string, caseId: string) => {
      const c = await visibleCase(ctx, caseId);
      allow(ctx, `cases.${verb}:${c.kind}`);
      return c;
    };

    return {
      orgs: {
        async list(opts) {
          const ctx = authed(opts?.db);
          allow(ctx, 'orgs.list');
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
      calendar: {
        async addWorkingDays(date, days, opts) {
          const parsed = parse(workingDaysSchema, { date, days });
          const ctx = authed(opts?.db);
          allow(ctx, 'calendar.read');
          const calendar = await tenantCalendar(ctx.db as unknown as Kysely<KernelDatabase>, ctx.tenant.id, yearsAround(parsed.date));
          return calendar.addWorkingDays(parsed.date, parsed.days);
        },
        async isWorkingDay(date, opts) {
          const parsed = parse(workingDaySchema, { date });
          const ctx = authed(opts?.db);
          allow(ctx, 'calendar.read');
          const calendar = await tenantCalendar(ctx.db as unknown as Kysely<KernelDatabase>, ctx.tenant.id, yearsAround(parsed.date, 0));
          return calendar.isWorkingDay(parsed.date);
        },
      },
      users: {
        async find(input, opts) {
          const parsed = parse(findUsersSchema, input);
          const ctx = authed(opts?.db);
          allow(ctx, 'users.find');
          return findUsers(ctx, parsed);
        },
      },
      cases: {
        async register(input, opts) {
          const parsed = parse(pluginRegisterCaseSchema, input);
          const ctx = authed(opts?.db);
          // An unknown kind is the service's own refusal; a known one must be declared.
          if (host.caseKinds.has(parsed.kind)) allow(ctx, `cases.register:${parsed.kind}`);
          return registerCase(ctx, host, parsed);
        },
        async get(id, opts): Promise<KernelCase> {
          const parsed = parse(caseIdSchema, { id });
          const ctx = authed(opts?.db);
          await allowOnCase(ctx, 'read', parsed.id);
          const d = await caseDetail(ctx, host, parsed.id);
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
        async visibleIds(input, opts) {
          const parsed = parse(visibleIdsSchema, input);
          const ctx = authed(opts?.db);
          allow(ctx, `cases.read:${parsed.kind}`);
          if (parsed.ids?.length === 0) return [];
          const db = ctx.db as unknown as Kysely<KernelDatabase>;
          let q = db
            .selectFrom('kernel.cases as c')
            .select('c.id')
            .where('c.tenant_id', '=', ctx.tenant.id)
            .where('c.kind', '=', parsed.kind)
            .where(caseVisible(ctx.user));
          if (parsed.ids) q = q.where('c.id', 'in', parsed.ids);
          return (await q.orderBy('c.id').execute()).map((r) => r.id);
        },
        async setFourFixes(input, opts) {
          const parsed = parse(fourFixesSchema, input);
          const ctx = authed(opts?.db);
          await allowOnCase(ctx, 'assign', parsed.id);
          return setFourFixes(ctx, parsed);
        },
        async transition(input, opts) {
          const parsed = parse(transitionCaseSchema, input);
          const ctx = authed(opts?.db);
          await allowOnCase(ctx, parsed.action, parsed.id);
          return transitionCase(ctx, host, parsed);
        },
        async link(input, opts) {
          const parsed = parse(linkCasesSchema, input);
          const ctx = authed(opts?.db);
          await allowOnCase(ctx, 'link', parsed.fromId);
          await linkCases(ctx, parsed);
        },
        async startClock(input, opts) {
          const parsed = parse(startClockSchema, input);
          const ctx = authed(opts?.db);
          await allowOnCase(ctx, 'clocks', parsed.caseId);
          await caseDetail(ctx, host, parsed.caseId); // scope check: throws NOT_FOUND outside it
          await startClocks(
            ctx.db as unknown as Kysely<KernelDatabase>,
            ctx.tenant.id,
            parsed.caseId,
            [{ key: parsed.key, name: parsed.name, days: parsed.days, unit: parsed.unit, maxExtensionDays: parsed.maxExtensionDays ?? 0, startsAt: 'register' }],
            parsed.startOn,
          );
        },
        async stopClock(input, opts) {
          const parsed = parse(stopClockSchema, input);
          const ctx = authed(opts?.db);
          await allowOnCase(ctx, 'clocks', parsed.caseId);
          await stopClock(ctx.db as unknown as Kysely<KernelDatabase>, ctx.tenant.id, parsed.caseId, parsed.key, parsed.on ?? chinaDate(ctx.now()));
        },
      },
      attachments: {
        async list(caseId, opts): Promise<KernelAttachment[]> {
          const parsed = parse(caseAttachmentsSchema, { caseId });
          const ctx = authed(opts?.db);
          const c = await allowOnCase(ctx, 'read', parsed.caseId);
          return attachmentsOf(ctx.db as unknown as Kysely<KernelDatabase>, ctx, { id: parsed.caseId, restrictedTo: c.restricted_to });
        },
        async open(id) {
          const parsed = parse(attachmentIdSchema, { id });
          const ctx = authed();
          const db = ctx.db as unknown as Kysely<KernelDatabase>;
          const row = await db
            .selectFrom('kernel.attachments as a')
            .innerJoin('kernel.cases as c', (j) => j.onRef('c.tenant_id', '=', 'a.tenant_id').onRef('c.id', '=', 'a.case_id'))
            .select('c.kind')
            .where('a.tenant_id', '=', ctx.tenant.id)
            .where('a.id', '=', parsed.id)
            .where(caseVisible(ctx.user))
            .executeTakeFirst();
          if (!row) throw notFound(fileStrings.notFound);
          allow(ctx, `cases.read:${row.kind}`);
          if (!options.filesDir) throw notFound(fileStrings.notFound);
          const file = await openAttachment(ctx, options.filesDir, parsed.id);
          const chunks: Buffer[] = [];
          for await (const chunk of file.stream()) chunks.push(chunk as Buffer);
          return { name: file.name, size: file.size, mime: file.mime, bytes: new Uint8Array(Buffer.concat(chunks)) };
        },
      },
      ...(grant
        ? {}
        : {
            // Bound once, by permissionProcedure, to the permissions the user holds: it only narrows.
            [BIND_KERNEL]: (permissions: readonly string[]) => {
              const ctx = getCtx();
              const held = permissions.filter((p) => ctx.can(p));
              return build({ permissions: held, operations: operationsOf(host.kernelAccess, held) });
            },
          }),
    };
  };

  return build(null);
}

/**
 * ctx.kernel granted `operations` outright, for the kernel's own tests of what the services
 * do when a plugin calls them. Not exported from the package: plugins are bound by their
 * procedures' permissions.
 */
export function kernelApiGranted(ctx: RequestContext, host: PluginHost, operations: string[], options: KernelApiOptions = {}): KernelApi {
  const grant = '(test grant)';
  const granting: PluginHost = { ...host, kernelAccess: new Map([[grant, new Set(operations)]]) };
  const api = createKernelApi(() => ({ ...ctx, can: (p: string) => p === grant || ctx.can(p) }), granting, options);
  return api[BIND_KERNEL]!([grant]);
}
