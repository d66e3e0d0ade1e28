// The console modules of the installed plugins, generated from the install list
// (apps/server/plugins.json) by plugin-registry.ts.
declare module 'virtual:zhengfa/plugins' {
  import type { AdminPlugin } from '@zhengfa/plugin-api/admin';

  export const adminPlugins: AdminPlugin[];
}
