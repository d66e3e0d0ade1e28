import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appDirectory, consolePlugins, installList, pluginRouteEntries, serverDirectory, virtualModuleSource } from './plugin-registry.js';

const repo = path.resolve(serverDirectory, '../..');
const temp: string[] = [];

/** A server folder with an install list and fake installed packages (name → package.json exports). */
function serverWith(list: string[], packages: Record<string, Record<string, string> | null>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zhengfa-registry-'));
  temp.push(dir);
  writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'server', private: true }));
  writeFileSync(path.join(dir, 'plugins.json'), JSON.stringify({ plugins: list }));
  for (const [name, exports] of Object.entries(packages)) {
    const pkgDir = path.join(dir, 'node_modules', name);
    mkdirSync(path.join(pkgDir, 'src'), { recursive: true });
    writeFileSync(path.join(pkgDir, 'package.json'), JSON.stringify({ name, version: '1.0.0', type: 'module', ...(exports ? { exports } : {}) }));
    for (const file of Object.values(exports ?? {})) writeFileSync(path.join(pkgDir, file), file.endsWith('.json') ? '{"routes":[]}' : 'export default {};');
  }
  return dir;
}

afterAll(() => {
  for (const d of temp) rmSync(d, { recursive: true, force: true });
});

describe('the console plugin registry', () => {
  it("finds each listed plugin's console entry and route manifest from apps/server, in list order", () => {
    const found = consolePlugins();
    expect(found.map((p) => p.packageName)).toEqual(installList());
    expect(found.find((p) => p.packageName === '@zhengfa/plugin-petitions')).toEqual({
      packageName: '@zhengfa/plugin-petitions',
      adminEntry: path.join(repo, 'plugins/petitions/src/admin/index.ts'),
      routeManifest: path.join(repo, 'plugins/petitions/src/admin/routes.json'),
    });
  });

  it('gives a plugin without an ./admin entry no console part', () => {
    const dir = serverWith(['@acme/zhengfa-audit-export'], { '@acme/zhengfa-audit-export': { '.': './src/index.js' } });
    expect(consolePlugins({ serverDir: dir })).toEqual([{ packageName: '@acme/zhengfa-audit-export', adminEntry: null, routeManifest: null }]);
  });

  it('refuses a listed plugin that is not installed, naming it', () => {
    const dir = serverWith(['@acme/zhengfa-missing'], {});
    expect(() => consolePlugins({ serverDir: dir })).toThrow("plugin '@acme/zhengfa-missing' is in apps/server/plugins.json but not installed: add it to apps/server/package.json and run pnpm install");
  });

  it('imports the console entries into the virtual module in list order', () => {
    const dir = serverWith(['b-plugin', 'a-plugin'], {
      'b-plugin': { '.': './src/index.js', './admin': './src/admin.js' },
      'a-plugin': { '.': './src/index.js', './admin': './src/admin.js' },
    });
    const real = realpathSync(dir);
    expect(virtualModuleSource(consolePlugins({ serverDir: dir }))).toBe(
      [
        '// Generated from apps/server/plugins.json by apps/admin/plugin-registry.ts.',
        `import plugin0 from ${JSON.stringify(path.join(real, 'node_modules/b-plugin/src/admin.js'))};`,
        `import plugin1 from ${JSON.stringify(path.join(real, 'node_modules/a-plugin/src/admin.js'))};`,
        'export const adminPlugins = [plugin0, plugin1];',
        '',
      ].join('\n'),
    );
  });

  it("registers each page of a manifest with its file relative to the console's app folder", () => {
    const entries = pluginRouteEntries(consolePlugins());
    expect(entries.find((e) => e.id === 'petitions/matter')).toEqual({
      id: 'petitions/matter',
      path: 'petitions/matters/:id',
      file: path.relative(appDirectory, path.join(repo, 'plugins/petitions/src/admin/routes/matter.tsx')),
      layout: 'console',
      plugin: '@zhengfa/plugin-petitions',
    });
    expect(entries.find((e) => e.id === 'petitions/lookup')?.layout).toBe('public');
  });
});
