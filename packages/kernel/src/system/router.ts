import { authedProcedure, field as f, permissionProcedure, z } from '@zhengfa/plugin-api';
import type { Engine } from '@zhengfa/db';
import type { PluginHost } from '../plugin-host/host.js';
import { listDeadLetters, requestRetry, subscriberStates } from '../events/dead-letters.js';
import { subscriptionsOf } from '../events/outbox.js';
import { fieldNames as n } from '../strings.js';
import { countyModules, enabledForCounty, setCountyModule } from './county-modules.js';

const switchInput = z.object({
  pluginId: f.text(n.pluginId, { min: 1, max: 40 }),
  /** The switch's version as listed by system.modules (0: never switched). */
  version: f.int(n.version, { min: 0, max: 2_147_483_647 }),
});

export function createSystemRouter(host: PluginHost, engine: Engine) {
  const subscriptions = subscriptionsOf(host);
  const subscriberKeys = new Set(subscriptions.map((s) => s.subscriber));
  return {
    /**
     * Installed plugins with versions, whether this deployment enables them (`enabled`) and
     * whether the caller's county has them on (`countyEnabled`, with the switch's `countyVersion`).
     */
    modules: permissionProcedure('system.modules').query(async ({ ctx }) => {
      const county = new Map((await countyModules(ctx.db, host, ctx.tenant.id)).map((m) => [m.id, m]));
      return {
        kernelVersion: host.kernelVersion,
        engine,
        plugins: host.installed.map((p) => ({ ...p, countyEnabled: county.get(p.id)!.countyEnabled, countyVersion: county.get(p.id)!.countyVersion })),
      };
    }),
    /** Switches a plugin back on for the caller's county; its data shows again. Idempotent. */
    enableModule: permissionProcedure('system.modules')
      .input(switchInput)
      .mutation(({ ctx, input }) => setCountyModule(ctx, host, { ...input, enabled: true })),
    /** Switches a plugin off for the caller's county: hidden and refused, its data kept. Idempotent. */
    disableModule: permissionProcedure('system.modules')
      .input(switchInput)
      .mutation(({ ctx, input }) => setCountyModule(ctx, host, { ...input, enabled: false })),
    /** The plugins on for the caller's county, for building the console's navigation and slots. */
    enabledPlugins: authedProcedure.query(async ({ ctx }) =>
      (await enabledForCounty(ctx.db, host, ctx.tenant.id)).map((p) => ({ id: p.id, name: p.name, version: p.version })),
    ),
    /** Event delivery (系统管理 → 事件投递): each subscriber's progress and failure in progress. */
    eventSubscribers: permissionProcedure('system.events').query(({ ctx }) => subscriberStates(ctx.db, subscriptions)),
    /** Events a subscriber failed on its last attempt, newest first (the caller's county and jobs'). */
    deadLetters: permissionProcedure('system.events')
      .input(z.object({ limit: f.int('条数', { min: 1, max: 500 }).default(100) }).default({ limit: 100 }))
      .query(({ ctx, input }) => listDeadLetters(ctx, input)),
    /** Queues one more attempt for a dead letter; the background loop makes it within seconds. */
    retryDeadLetter: permissionProcedure('system.events')
      .input(z.object({ subscriber: f.text('订阅者', { min: 1, max: 200 }), eventId: f.int('事件编号', { min: 1 }) }))
      .mutation(async ({ ctx, input }) => {
        await requestRetry(ctx, input, subscriberKeys);
        return { queued: true };
      }),
  };
}
