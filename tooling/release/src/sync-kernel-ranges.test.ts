import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFixtureRepo, type FixtureRepo } from './fixture-repo.js';
import { syncKernelRanges } from './sync-kernel-ranges.js';

let repo: FixtureRepo;
const rangeOf = (dir: string) =>
  (JSON.parse(readFileSync(path.join(repo.root, dir, 'package.json'), 'utf8')) as { zhengfa?: { kernel?: string } }).zhengfa?.kernel;

beforeEach(() => {
  repo = createFixtureRepo();
  repo.writeJson('packages/kernel/package.json', { name: '@zhengfa/kernel', version: '0.2.0' });
  repo.writeJson('plugins/old/package.json', { name: '@fx/plugin-old', version: '0.1.0', keywords: ['zhengfa-plugin'], zhengfa: { kernel: '^0.1.0' } });
  repo.writeJson('plugins/current/package.json', { name: '@fx/plugin-current', version: '0.1.0', keywords: ['zhengfa-plugin'], zhengfa: { kernel: '>=0.1.0 <0.3.0' } });
  repo.writeJson('packages/other/package.json', { name: '@fx/other', version: '0.1.0', zhengfa: { kernel: '^0.1.0' } });
});
afterEach(() => repo.remove());

describe('syncKernelRanges', () => {
  it('moves a plugin range that excludes the new kernel version to a caret range of it', async () => {
    await syncKernelRanges(repo.root);
    expect(rangeOf('plugins/old')).toBe('^0.2.0');
  });

  it('keeps a plugin range that already includes the new kernel version', async () => {
    await syncKernelRanges(repo.root);
    expect(rangeOf('plugins/current')).toBe('>=0.1.0 <0.3.0');
  });

  it('leaves packages that are not plugins alone', async () => {
    await syncKernelRanges(repo.root);
    expect(rangeOf('packages/other')).toBe('^0.1.0');
  });

  it('reports each plugin with its old and new range', async () => {
    const { kernelVersion, changes } = await syncKernelRanges(repo.root);
    expect(kernelVersion).toBe('0.2.0');
    expect(changes).toEqual([
      { name: '@fx/plugin-current', from: '>=0.1.0 <0.3.0', to: '>=0.1.0 <0.3.0', changed: false },
      { name: '@fx/plugin-old', from: '^0.1.0', to: '^0.2.0', changed: true },
    ]);
  });
});
