// The one tRPC instance the kernel and every plugin build on, so their routers merge.
import { initTRPC, TRPCError } from '@trpc/server';
import { z, ZodError } from 'zod';
import { BIND_EVENTS, BIND_KERNEL, type AuthedContext, type RequestContext } from './context.js';
import { installChineseErrorMap } from './field-errors.js';
import { apiStrings } from './strings.js';

z.config(z.locales.zhCN());
// Any issue no schema answered itself is answered in Chinese naming its field.
installChineseErrorMap();

/**
 * What a procedure's builder records about who may call it, readable from
 * `procedure._def.meta` (the authorization matrix and the fuzz suite of apps/server read it): anyone
 * (`public`), any signed-in user (`authed`), a signed-in user holding every one of
 * `permissions` (`permission`), or any one of them (`anyPermission`, for a builder of its
 * own that says so with `.meta()`). Data rules (a unit sees its own matters) live in the
 * services, not here.
 */
export type ProcedureAccess =
  | { access: 'public' }
  | { access: 'authed' }
  | { access: 'permission'; permissions: [string, ...string[]] }
  | { access: 'anyPermission'; permissions: [string, ...string[]] };

export type ProcedureMeta = ProcedureAccess;

export interface FieldIssue {
  path: string;
  message: string;
}

function formatIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

const t = initTRPC.context<RequestContext>().meta<ProcedureMeta>().create({
  errorFormatter({ shape, error }) {
    const zodError = error.cause instanceof ZodError ? error.cause : null;
    if (zodError) {
      const issues = formatIssues(zodError);
      return {
        ...shape,
        message: inputErrorMessage(zodError),
        data: { ...shape.data, stack: undefined, issues },
      };
    }
    if (error.code === 'INTERNAL_SERVER_ERROR') {
      return { ...shape, message: apiStrings.internal, data: { ...shape.data, stack: undefined } };
    }
    return { ...shape, data: { ...shape.data, stack: undefined } };
  },
});

export const router = t.router;
export const mergeRouters = t.mergeRouters;
export const middleware = t.middleware;
export const createCallerFactory = t.createCallerFactory;

/** Chinese message for a zod failure: the first issue, prefixed so users know it is their input. */
export function inputErrorMessage(error: ZodError): string {
  const first = error.issues[0];
  return first ? `${apiStrings.badInput}：${first.message}` : apiStrings.badInput;
}

// Input validation runs inside the middleware chain, so this sees its failure and gives it
// the Chinese message on every path: HTTP and in-process callers alike.
const chineseInputErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.code === 'BAD_REQUEST' && result.error.cause instanceof ZodError) {
    const cause = result.error.cause;
    const error = new TRPCError({ code: 'BAD_REQUEST', message: inputErrorMessage(cause), cause });
    return { ...result, error };
  }
  return result;
});

// A plugin a county has switched off refuses that county's calls (RequestContext.checkModule).
const countyModules = t.middleware(async ({ ctx, path, next }) => {
  await ctx.checkModule?.(path);
  return next();
});

// A plugin's procedure emits only its plugin's own events (EventPublisher, BIND_EVENTS). A
// context without a publisher (a router called bare, as the fuzz runner's own tests do) has
// nothing to bind.
const ownEvents = t.middleware(async ({ ctx, path, next }) => {
  const bind = (ctx.events as RequestContext['events'] | undefined)?.[BIND_EVENTS];
  return bind ? next({ ctx: { events: bind(path) } }) : next();
});

export const publicProcedure = t.procedure.meta({ access: 'public' }).use(chineseInputErrors).use(countyModules).use(ownEvents);

export const authedProcedure = publicProcedure.meta({ access: 'authed' }).use(async ({ ctx, next, path }) => {
  if (!ctx.user || !ctx.tenant || !ctx.sessionId) {
    throw new TRPCError({ code: 'UNAUTHORIZED', message: apiStrings.unauthenticated });
  }
  // An account with an initial or reset password may only change it.
  if (ctx.user.mustChangePassword && !path.startsWith('auth.')) {
    throw new TRPCError({ code: 'FORBIDDEN', message: apiStrings.mustChangePassword });
  }
  // Everything the procedure does runs behind the county's (and its plugin's) database walls.
  const run = () => next({ ctx: ctx as AuthedContext });
  return ctx.inCounty ? ctx.inCounty(path, run) : run();
});

/**
 * A procedure that requires every one of the named permissions. A refusal is written to
 * the audit log before the error is returned.
 */
export function permissionProcedure(...permissions: [string, ...string[]]) {
  return authedProcedure.meta({ access: 'permission', permissions }).use(async ({ ctx, next, path }) => {
    const missing = permissions.find((p) => !ctx.can(p));
    if (missing) {
      await ctx.audit.record({ action: 'permission.denied', outcome: 'denied', detail: { permission: missing, procedure: path } });
      throw new TRPCError({ code: 'FORBIDDEN', message: apiStrings.forbidden(ctx.permissionName(missing)) });
    }
    // ctx.kernel from here on allows what the plugin declared for these permissions (kernelAccess).
    const bind = ctx.kernel[BIND_KERNEL];
    return bind ? next({ ctx: { kernel: bind(permissions) } }) : next();
  });
}

export { TRPCError };
