// The admin modules of installed plugins. Each plugin that has console pages lists its
// navigation here explicitly (no discovery at runtime); entries appear only when the
// deployment enables the plugin (system.enabledPlugins).
import type { ReactNode } from 'react';

export interface AdminPluginNavItem {
  label: string;
  to: string;
  icon?: ReactNode;
  /** Shown only to users holding at least one of these permissions (default: everyone). */
  permissions?: string[];
}

export interface AdminPluginModule {
  /** The plugin's id, as in its definePlugin() call. */
  id: string;
  nav: AdminPluginNavItem[];
}

/** No plugin ships console pages yet. */
export const adminPluginModules: AdminPluginModule[] = [];
