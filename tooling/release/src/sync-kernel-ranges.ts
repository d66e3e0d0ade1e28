// Run by `pnpm version-packages` after `changeset version`: every plugin of the workspace
// declares the kernel versions it was built for in its package.json (`zhengfa.kernel`, read by
// its definePlugin). A plugin of this repository is tested against the kernel of the same
// commit, so when the kernel's new version falls outside a plugin's range, the range moves to
// `^<new kernel version>`. A range that already includes it is left alone, and plugins from
// outside the repository (a registry, a tarball) keep theirs: the host refuses them, naming
// both versions, until their vendor releases a matching one.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { isPlugin, workspacePackages } from './workspace.js';

export interface RangeChange {
  name: string;
  from: string | null;
  to: string;
  changed: boolean;
}

export async function syncKernelRanges(root: string): Promise<{ kernelVersion: string; changes: RangeChange[] }> {
  const packages = await workspacePackages(root);
  const kernel = packages.find((p) => p.name === '@zhengfa/kernel');
  if (!kernel) throw new Error('no @zhengfa/kernel in the workspace');
  const kernelVersion = kernel.version;
  const changes: RangeChange[] = [];
  for (const p of packages.filter(isPlugin)) {
    const file = path.join(p.absDir, 'package.json');
    const text = readFileSync(file, 'utf8');
    const json = JSON.parse(text) as { zhengfa?: { kernel?: string } };
    const from = json.zhengfa?.kernel ?? null;
    if (from && semver.validRange(from) && semver.satisfies(kernelVersion, from, { includePrerelease: true })) {
      changes.push({ name: p.name, from, to: from, changed: false });
      continue;
    }
    const to = `^${kernelVersion}`;
    json.zhengfa = { ...json.zhengfa, kernel: to };
    const indent = /^(\s+)"/m.exec(text)?.[1] ?? '  ';
    writeFileSync(file, `${JSON.stringify(json, null, indent)}\n`);
    changes.push({ name: p.name, from, to, changed: true });
  }
  return { kernelVersion, changes };
}
