import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixtureRepo, type FixtureRepo } from './fixture-repo.js';
import { findUnreleasedPackages } from './release-check.js';

let repo: FixtureRepo;

beforeEach(() => {
  repo = createFixtureRepo();
  repo.writeJson('packages/kernel/package.json', { name: '@fx/kernel', version: '0.1.0' });
  repo.write('packages/kernel/index.ts', 'export const a = 1;\n');
  repo.writeJson('plugins/alpha/package.json', { name: '@fx/plugin-alpha', version: '0.1.0', keywords: ['zhengfa-plugin'] });
  repo.write('plugins/alpha/index.ts', 'export const b = 1;\n');
  repo.writeJson('packages/ignored/package.json', { name: '@fx/ignored', version: '0.1.0' });
  repo.commit('initial versions');
});
afterEach(() => repo.remove());

describe('release-check', () => {
  it('finds nothing when no package changed since its version', async () => {
    expect(await findUnreleasedPackages(repo.root)).toEqual([]);
  });

  it('lists a package whose committed file changed since its version without a changeset', async () => {
    repo.write('plugins/alpha/index.ts', 'export const b = 2;\n');
    repo.commit('change alpha');
    const found = await findUnreleasedPackages(repo.root);
    expect(found.map((p) => [p.name, p.dir, p.changedFiles])).toEqual([['@fx/plugin-alpha', 'plugins/alpha', ['plugins/alpha/index.ts']]]);
  });

  it('lists a package with an uncommitted new file', async () => {
    repo.write('packages/kernel/new.ts', 'export {};\n');
    const found = await findUnreleasedPackages(repo.root);
    expect(found.map((p) => [p.name, p.changedFiles])).toEqual([['@fx/kernel', ['packages/kernel/new.ts']]]);
  });

  it('does not list a changed package that a pending changeset names', async () => {
    repo.write('plugins/alpha/index.ts', 'export const b = 2;\n');
    repo.write('.changeset/alpha-change.md', '---\n"@fx/plugin-alpha": patch\n---\n\n修正了一处说明。\n');
    expect(await findUnreleasedPackages(repo.root)).toEqual([]);
  });

  it('does not list a package the changeset config ignores', async () => {
    repo.write('packages/ignored/index.ts', 'export {};\n');
    expect(await findUnreleasedPackages(repo.root)).toEqual([]);
  });

  it('counts changes from the last version bump, not from the package creation', async () => {
    repo.write('plugins/alpha/index.ts', 'export const b = 2;\n');
    repo.commit('change alpha');
    repo.writeJson('plugins/alpha/package.json', { name: '@fx/plugin-alpha', version: '0.2.0', keywords: ['zhengfa-plugin'] });
    repo.write('plugins/alpha/CHANGELOG.md', '# @fx/plugin-alpha\n\n## 0.2.0\n');
    repo.commit('version packages');
    expect(await findUnreleasedPackages(repo.root)).toEqual([]);
  });
});
