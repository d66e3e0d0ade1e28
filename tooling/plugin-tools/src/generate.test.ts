import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlugin } from './generate.js';

let roots: string[] = [];

/** A repository root with what the generator edits: the install list, apps/server's package, .changeset. */
function fakeRoot(): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'zhengfa-gen-'));
  roots.push(root);
  mkdirSync(path.join(root, 'apps/server'), { recursive: true });
  mkdirSync(path.join(root, 'plugins/petitions'), { recursive: true });
  mkdirSync(path.join(root, '.changeset'));
  mkdirSync(path.join(root, 'packages/kernel'), { recursive: true });
  writeFileSync(path.join(root, 'packages/kernel/package.json'), JSON.stringify({ name: '@zhengfa/kernel', version: '0.7.3' }, null, 2));
  writeFileSync(path.join(root, 'apps/server/plugins.json'), JSON.stringify({ $comment: '说明', plugins: ['@zhengfa/plugin-petitions'] }, null, 2));
  writeFileSync(path.join(root, 'apps/server/package.json'), JSON.stringify({ name: '@zhengfa/server', dependencies: { hono: 'catalog:', '@zhengfa/plugin-petitions': 'workspace:*' } }, null, 2));
  return root;
}

const read = (root: string, rel: string) => readFileSync(path.join(root, rel), 'utf8');

afterEach(() => {
  for (const r of roots) rmSync(r, { recursive: true, force: true });
  roots = [];
});

describe('createPlugin', () => {
  it('writes the plugin and names it in the install list and in the server dependencies, after the ones there', () => {
    const root = fakeRoot();
    const created = createPlugin(root, 'demo', '演示');
    expect(created.packageName).toBe('@zhengfa/plugin-demo');
    expect(JSON.parse(read(root, 'apps/server/plugins.json'))).toEqual({ $comment: '说明', plugins: ['@zhengfa/plugin-petitions', '@zhengfa/plugin-demo'] });
    expect(JSON.parse(read(root, 'apps/server/package.json')).dependencies).toEqual({ '@zhengfa/plugin-demo': 'workspace:*', '@zhengfa/plugin-petitions': 'workspace:*', hono: 'catalog:' });
    expect(created.files.sort()).toEqual(
      [
        'README.md',
        'eslint.config.js',
        'package.json',
        'src/admin/api.ts',
        'src/admin/card.tsx',
        'src/admin/index.ts',
        'src/admin/routes.json',
        'src/admin/routes/index.tsx',
        'src/admin/strings.ts',
        'src/contract.test.ts',
        'src/contract.ts',
        'src/server/db.ts',
        'src/server/index.ts',
        'src/server/migrations/0001_demo.ts',
        'src/server/plugin.test.ts',
        'src/server/strings.ts',
        'tsconfig.json',
        'vitest.config.ts',
      ].sort(),
    );
  });

  it('declares the kernel range of the repository it is generated in', () => {
    const root = fakeRoot();
    createPlugin(root, 'demo', '演示');
    expect(JSON.parse(read(root, 'plugins/demo/package.json')).zhengfa).toEqual({ kernel: '^0.7.3' });
  });

  it('gives the package its own version and a changeset that releases it', () => {
    const root = fakeRoot();
    createPlugin(root, 'demo', '演示');
    expect(JSON.parse(read(root, 'plugins/demo/package.json'))).toMatchObject({ name: '@zhengfa/plugin-demo', version: '0.1.0', keywords: ['zhengfa-plugin'] });
    expect(read(root, '.changeset/plugin-demo-created.md')).toMatch(/^---\n"@zhengfa\/plugin-demo": minor\n---\n/);
  });

  it('declares one permission with its role defaults, and the table in the plugin’s own schema', () => {
    const root = fakeRoot();
    createPlugin(root, 'demo', '演示');
    expect(read(root, 'plugins/demo/src/server/index.ts')).toContain("permissions: [{ key: 'demo.use', name: s.permission, defaultRoles: ['leader', 'supervisor'] }]");
    expect(read(root, 'plugins/demo/src/server/migrations/0001_demo.ts')).toContain('create table demo.items (');
    expect(JSON.parse(read(root, 'plugins/demo/src/admin/routes.json')).routes).toEqual([{ id: 'demo/index', path: 'demo', file: 'routes/index.tsx', layout: 'console' }]);
  });

  it('names an id with underscores as a package with hyphens', () => {
    const root = fakeRoot();
    expect(createPlugin(root, 'case_review', '案件评查').packageName).toBe('@zhengfa/plugin-case-review');
  });

  it('refuses an id that cannot be a schema name, a reserved id and a folder that exists, and writes nothing', () => {
    const root = fakeRoot();
    expect(() => createPlugin(root, 'Demo', '演示')).toThrow('插件标识「Demo」无效');
    expect(() => createPlugin(root, 'cases', '演示')).toThrow('插件标识「cases」为内核保留字，请换一个');
    expect(() => createPlugin(root, 'petitions', '信访')).toThrow('目录 plugins/petitions 已存在，请换一个插件标识');
    expect(JSON.parse(read(root, 'apps/server/plugins.json')).plugins).toEqual(['@zhengfa/plugin-petitions']);
    expect(existsSync(path.join(root, 'plugins/Demo'))).toBe(false);
  });

  it('refuses a name that is not Chinese', () => {
    const root = fakeRoot();
    expect(() => createPlugin(root, 'demo', 'Demo')).toThrow('插件名称「Demo」无效：请用 --name 给出中文名称（不超过 20 个字）');
    expect(existsSync(path.join(root, 'plugins/demo'))).toBe(false);
  });
});
