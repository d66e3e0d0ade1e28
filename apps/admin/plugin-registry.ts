// The console's view of the install list (apps/server/plugins.json, the one place plugins are
// named). For each listed package it finds, from apps/server (which depends on it, from the
// workspace, a registry or a tarball), the `./admin` entry (navigation and slots) and the
// `./admin/routes` manifest (pages). vite.config.ts registers the pages and serves the entries
// to the app as the virtual module `virtual:zhengfa/plugins`; a plugin without an `./admin`
// entry has no console part. Nothing here is listed twice: the console has no list of its own.
import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { UNSAFE_DefineRoutesFunction as DefineRoutesFunction } from '@remix-run/dev';
import type { ConsoleRoute, RouteManifest } from '@zhengfa/plugin-api/admin';
import type { Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
export const appDirectory = path.join(here, 'app');
export const serverDirectory = path.resolve(here, '../server');

/** The console's layout route (app/routes/_console.tsx): signed-in pages nest under it. */
const CONSOLE_LAYOUT_ID = 'routes/_console';

export const VIRTUAL_MODULE = 'virtual:zhengfa/plugins';
const RESOLVED_VIRTUAL_MODULE = `\0${VIRTUAL_MODULE}`;

export interface ConsolePlugin {
  /** The package name, as the install list names it. */
  packageName: string;
  /** The real path of its `./admin` entry, or null: the plugin has no console part. */
  adminEntry: string | null;
  /** The real path of its `./admin/routes` manifest, or null: no pages. */
  routeManifest: string | null;
}

export interface RegistryOptions {
  /** The folder whose package.json lists the plugins as dependencies (apps/server). */
  serverDir?: string;
}

/** The package names of the install list (its syntax is checked by the server, which reads it first). */
export function installList(opts: RegistryOptions = {}): string[] {
  const file = path.join(opts.serverDir ?? serverDirectory, 'plugins.json');
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { plugins?: unknown };
  if (!Array.isArray(parsed.plugins) || parsed.plugins.some((p) => typeof p !== 'string')) {
    throw new Error(`${file}: "plugins" must be an array of package names`);
  }
  return parsed.plugins as string[];
}

function notInstalled(packageName: string): Error {
  return new Error(`plugin '${packageName}' is in apps/server/plugins.json but not installed: add it to apps/server/package.json and run pnpm install`);
}

function isInstalled(require: NodeRequire, packageName: string): boolean {
  try {
    require.resolve(`${packageName}/package.json`);
    return true;
  } catch (err) {
    // A package whose exports leave out its package.json is installed all the same.
    return (err as { code?: string }).code === 'ERR_PACKAGE_PATH_NOT_EXPORTED';
  }
}

/** The real path of an entry the package may export, or null when it exports none. */
function optionalEntry(require: NodeRequire, specifier: string): string | null {
  try {
    return realpathSync(require.resolve(specifier));
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_PACKAGE_PATH_NOT_EXPORTED' || code === 'MODULE_NOT_FOUND') return null;
    throw err;
  }
}

/** Each listed plugin's console entry and route manifest, in list order. */
export function consolePlugins(opts: RegistryOptions = {}): ConsolePlugin[] {
  const serverDir = opts.serverDir ?? serverDirectory;
  const require = createRequire(path.join(serverDir, 'package.json'));
  return installList({ serverDir }).map((packageName) => {
    if (!isInstalled(require, packageName)) throw notInstalled(packageName);
    return {
      packageName,
      adminEntry: optionalEntry(require, `${packageName}/admin`),
      routeManifest: optionalEntry(require, `${packageName}/admin/routes`),
    };
  });
}

/** Every plugin page, its file relative to the console's app folder (as Remix wants it). */
export function pluginRouteEntries(plugins: readonly ConsolePlugin[]): (ConsoleRoute & { plugin: string })[] {
  return plugins.flatMap((p) => {
    if (!p.routeManifest) return [];
    const { routes } = JSON.parse(readFileSync(p.routeManifest, 'utf8')) as RouteManifest;
    return routes.map((r) => ({ ...r, plugin: p.packageName, file: path.relative(appDirectory, path.resolve(path.dirname(p.routeManifest!), r.file)) }));
  });
}

/** Registers the plugins' pages: console pages under the signed-in layout, public ones under the root. */
export function definePluginRoutes(defineRoutes: DefineRoutesFunction, plugins: readonly ConsolePlugin[]) {
  const entries = pluginRouteEntries(plugins);
  const manifest = defineRoutes((route) => {
    for (const r of entries) route(r.path, r.file, { id: r.id });
  });
  for (const r of entries) manifest[r.id]!.parentId = r.layout === 'console' ? CONSOLE_LAYOUT_ID : 'root';
  return manifest;
}

/** The source of `virtual:zhengfa/plugins`: the console modules of the installed plugins, in list order. */
export function virtualModuleSource(plugins: readonly ConsolePlugin[]): string {
  const withAdmin = plugins.filter((p) => p.adminEntry);
  const imports = withAdmin.map((p, i) => `import plugin${i} from ${JSON.stringify(p.adminEntry)};`);
  return [
    '// Generated from apps/server/plugins.json by apps/admin/plugin-registry.ts.',
    ...imports,
    `export const adminPlugins = [${withAdmin.map((_, i) => `plugin${i}`).join(', ')}];`,
    '',
  ].join('\n');
}

/** The Vite plugin that serves `virtual:zhengfa/plugins`. */
export function zhengfaPlugins(opts: RegistryOptions = {}): Plugin {
  return {
    name: 'zhengfa:plugins',
    resolveId(id) {
      return id === VIRTUAL_MODULE ? RESOLVED_VIRTUAL_MODULE : null;
    },
    load(id) {
      if (id !== RESOLVED_VIRTUAL_MODULE) return null;
      const plugins = consolePlugins(opts);
      // Rebuild when the list changes (dev server and watch mode).
      this.addWatchFile(path.join(opts.serverDir ?? serverDirectory, 'plugins.json'));
      return virtualModuleSource(plugins);
    },
  };
}
