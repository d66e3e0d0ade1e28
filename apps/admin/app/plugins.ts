// The console modules of the installed plugins (navigation, pages, slots), generated from the
// one install list (apps/server/plugins.json) by plugin-registry.ts. A module shows only when
// the deployment enables its plugin (system.enabledPlugins).
import type { AdminPlugin } from '@zhengfa/plugin-api/admin';
import { adminPlugins } from 'virtual:zhengfa/plugins';

export type { AdminPlugin };
export { adminPlugins };

/** The modules of the enabled plugins, in install order. */
export function enabledModules(enabled: readonly { id: string }[], modules: readonly AdminPlugin[] = adminPlugins): AdminPlugin[] {
  const ids = new Set(enabled.map((p) => p.id));
  return modules.filter((m) => ids.has(m.id));
}
