// The application router: the kernel's domains at the top level, each enabled plugin's
// router under its id.
import { router, type Logger } from '@zhengfa/plugin-api';
import type { Engine } from '@zhengfa/db';
import { auditRouter } from './audit/router.js';
import { authRouter } from './auth/router.js';
import { orgsRouter } from './orgs/router.js';
import type { PluginHost } from './plugin-host/host.js';
import { createRolesRouter } from './roles/router.js';
import { createSystemRouter } from './system/router.js';
import { usersRouter } from './users/router.js';
import { passwordResetsRouter } from './users/password-resets-router.js';
import { createCasesRouter, notificationsRouter, type CaseDirs } from './cases/router.js';
import { calendarRouter } from './calendar/router.js';
import { supervisionRouter } from './supervision/router.js';
import { createWorkbenchRouter } from './workbench/router.js';

const silentLog: Logger = { info() {}, warn() {}, error() {} };

export function createKernelRouter(host: PluginHost, engine: Engine, dirs: CaseDirs = { exportsDir: '.data/exports' }, log: Logger = silentLog) {
  return router({
    auth: router(authRouter),
    orgs: router(orgsRouter),
    users: router(usersRouter),
    passwordResets: router(passwordResetsRouter),
    roles: router(createRolesRouter(host)),
    audit: router(auditRouter),
    system: router(createSystemRouter(host, engine)),
    cases: router(createCasesRouter(host, dirs)),
    notifications: router(notificationsRouter),
    calendar: router(calendarRouter),
    supervision: router(supervisionRouter),
    workbench: router(createWorkbenchRouter(host, log)),
  });
}

/** The kernel's procedures; the console is typed against these. */
export type KernelRouter = ReturnType<typeof createKernelRouter>;

export function createAppRouter(host: PluginHost, engine: Engine, dirs?: CaseDirs, log?: Logger) {
  const pluginRouters = Object.fromEntries(
    host.enabled.filter((p) => p.router).map((p) => [p.id, router(p.router!)]),
  );
  return router({ ...createKernelRouter(host, engine, dirs, log)._def.record, ...pluginRouters }) as unknown as KernelRouter;
}
