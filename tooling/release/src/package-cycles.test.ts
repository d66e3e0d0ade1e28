// No package of the workspace depends on itself through others (issue 30, item 10): the
// @zhengfa/kernel ↔ @zhengfa/test-utils cycle made turbo warn at every `pnpm start`.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageCycles, workspacePackages } from './workspace.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const pkg = (name: string, deps: Record<string, Record<string, string>>) => ({ name, packageJson: { name, version: '1.0.0', ...deps } });

describe('package cycles', () => {
  it('finds none among the packages of this repository, over every kind of dependency', async () => {
    expect(packageCycles(await workspacePackages(ROOT))).toEqual([]);
  });

  it('names a cycle closed by a dev dependency', () => {
    const packages = [
      pkg('@zhengfa/kernel', { devDependencies: { '@zhengfa/test-utils': 'workspace:*' } }),
      pkg('@zhengfa/test-utils', { dependencies: { '@zhengfa/kernel': 'workspace:*', vitest: '^3' } }),
      pkg('@zhengfa/server', { dependencies: { '@zhengfa/kernel': 'workspace:*' } }),
    ];
    expect(packageCycles(packages)).toEqual([['@zhengfa/kernel', '@zhengfa/test-utils', '@zhengfa/kernel']]);
  });
});
