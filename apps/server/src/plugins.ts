// The installed plugins, read from the one install list: apps/server/plugins.json. Each entry
// is a package name that this package depends on (workspace, registry or tarball); its
// default export is the plugin (definePlugin). The console reads the same list for its
// navigation, slots and pages (apps/admin/plugin-registry.ts). Which installed plugins run is
// the deployment's PLUGINS setting (default: all installed).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnyPlugin } from '@zhengfa/plugin-api';
import { serverStrings as s } from './strings.js';

export const INSTALL_LIST_FILE = fileURLToPath(new URL('../plugins.json', import.meta.url));

/** A package name as npm spells it: `name` or `@scope/name`, lower case. */
const PACKAGE_NAME = /^(@[a-z0-9][a-z0-9._-]*\/)?[a-z0-9][a-z0-9._-]*$/;

export class InstallListError extends Error {
  override name = 'InstallListError';
}

/** The package names of the install list, checked: an array of distinct package names. */
export function parseInstallList(text: string, file = INSTALL_LIST_FILE): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new InstallListError(s.installList.notJson(file, (err as Error).message));
  }
  const list = (parsed as { plugins?: unknown } | null)?.plugins;
  if (!Array.isArray(list)) throw new InstallListError(s.installList.noArray(file));
  const seen = new Set<string>();
  for (const name of list) {
    if (typeof name !== 'string' || !PACKAGE_NAME.test(name)) throw new InstallListError(s.installList.badName(file, String(name)));
    if (seen.has(name)) throw new InstallListError(s.installList.duplicate(file, name));
    seen.add(name);
  }
  return list as string[];
}

export function readInstallList(file = INSTALL_LIST_FILE): string[] {
  return parseInstallList(readFileSync(file, 'utf8'), file);
}

function isPlugin(value: unknown): value is AnyPlugin {
  const p = value as Partial<AnyPlugin> | null;
  return Boolean(p && typeof p.id === 'string' && typeof p.name === 'string' && typeof p.version === 'string' && typeof p.kernel === 'string');
}

/** Imports each listed package's default export, in list order; names what is missing or wrong. */
export async function loadInstalledPlugins(names: readonly string[] = readInstallList()): Promise<AnyPlugin[]> {
  const plugins: AnyPlugin[] = [];
  for (const name of names) {
    let mod: { default?: unknown };
    try {
      mod = (await import(name)) as { default?: unknown };
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === 'ERR_MODULE_NOT_FOUND' && String((err as Error).message).includes(`'${name}'`)) throw new InstallListError(s.installList.notInstalled(name));
      throw err;
    }
    if (!isPlugin(mod.default)) throw new InstallListError(s.installList.notAPlugin(name));
    plugins.push(mod.default);
  }
  return plugins;
}
