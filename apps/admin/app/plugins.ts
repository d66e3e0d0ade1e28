// The admin modules of installed plugins. Each plugin that has console pages lists its
// navigation here explicitly (no discovery at runtime); entries appear only when the
// deployment enables the plugin (system.enabledPlugins). Their route modules are
// registered, just as explicitly, in vite.config.ts from each plugin's route manifest.
import type { ReactNode } from 'react';
import { petitionsAdmin } from '@zhengfa/plugin-petitions/admin';

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

/** Installed plugins with console pages: 信访接待. */
export const adminPluginModules: AdminPluginModule[] = [petitionsAdmin];
