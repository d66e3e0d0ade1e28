import { authedProcedure, permissionProcedure } from '@zhengfa/plugin-api';
import type { Engine } from '@zhengfa/db';
import type { PluginHost } from '../plugin-host/host.js';

export function createSystemRouter(host: PluginHost, engine: Engine) {
  return {
    /** Installed plugins with versions and whether this deployment enables them. */
    modules: permissionProcedure('system.modules').query(() => ({
      kernelVersion: host.kernelVersion,
      engine,
      plugins: host.installed,
    })),
    /** Enabled plugin ids, for building the console's navigation. */
    enabledPlugins: authedProcedure.query(() => host.enabled.map((p) => ({ id: p.id, name: p.name, version: p.version }))),
  };
}
