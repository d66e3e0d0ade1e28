// The one install list (apps/server/plugins.json) is what the server, the console's
// navigation and slots and the console's pages all read: this fails when a plugin is
// installed in one and not the others, or when a second list appears.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { consolePlugins, pluginRouteEntries, appDirectory } from '@zhengfa/admin/plugin-registry';
import type { AdminPlugin } from '@zhengfa/plugin-api/admin';
import { loadInstalledPlugins, readInstallList } from '@zhengfa/server';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './temp-copy.js';

const serverDir = path.join(repoRoot, 'apps/server');
const adminDir = path.join(repoRoot, 'apps/admin');

function dependenciesOf(dir: string): string[] {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string>; devDependencies?: Record<string, string> };
  return [...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})];
}

/** The dependencies of a package that declare themselves zhengfa plugins (keyword `zhengfa-plugin`). */
function pluginDependencies(dir: string): string[] {
  return dependenciesOf(dir).filter((name) => {
    // pnpm links each dependency at node_modules/<name> (its exports may leave out package.json).
    const manifest = path.join(dir, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) return false;
    const keywords = (JSON.parse(readFileSync(manifest, 'utf8')) as { keywords?: string[] }).keywords ?? [];
    return keywords.includes('zhengfa-plugin');
  });
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'build' ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

describe('the install list', () => {
  const list = readInstallList();

  it("names each plugin once, and every listed plugin is one of the server's dependencies and declares itself a plugin", () => {
    expect(new Set(list).size).toBe(list.length);
    expect(pluginDependencies(serverDir).sort()).toEqual([...list].sort());
  });

  it('is the only list: the console depends on no plugin and its code imports none', () => {
    expect(pluginDependencies(adminDir)).toEqual([]);
    const importing = sourceFiles(path.join(adminDir, 'app')).filter((f) => /from '@zhengfa\/plugin-(?!api\b)/.test(readFileSync(f, 'utf8')));
    expect(importing).toEqual([]);
  });

  it('is what the server loads, in its order', async () => {
    const plugins = await loadInstalledPlugins();
    expect(plugins).toHaveLength(list.length);
  });

  it('gives the console, for each plugin with one, a console module of the same id as the plugin the server loads', async () => {
    const plugins = await loadInstalledPlugins();
    const found = consolePlugins();
    expect(found.map((p) => p.packageName)).toEqual(list);
    for (const [i, p] of found.entries()) {
      if (!p.adminEntry) continue;
      const mod = (await import(p.adminEntry)) as { default: AdminPlugin };
      expect(mod.default.id).toBe(plugins[i]!.id);
    }
  });

  it("registers each plugin's pages from its route manifest, each file present, each id the plugin's", async () => {
    const plugins = await loadInstalledPlugins();
    const found = consolePlugins();
    for (const entry of pluginRouteEntries(found)) {
      expect(existsSync(path.resolve(appDirectory, entry.file))).toBe(true);
      const plugin = plugins[list.indexOf(entry.plugin)]!;
      expect(entry.id.startsWith(`${plugin.id}/`)).toBe(true);
    }
  });

  it('shows navigation entries only behind permissions the plugin declares', async () => {
    const plugins = await loadInstalledPlugins();
    for (const [i, p] of consolePlugins().entries()) {
      if (!p.adminEntry) continue;
      const mod = (await import(p.adminEntry)) as { default: AdminPlugin };
      const declared = new Set((plugins[i]!.permissions ?? []).map((x) => x.key));
      const own = (item: AdminPlugin['nav'][number]) => (item.permissions ?? []).filter((perm) => perm.startsWith(`${plugins[i]!.id}.`));
      for (const item of mod.default.nav) for (const perm of own(item)) expect(declared).toContain(perm);
    }
  });
});
