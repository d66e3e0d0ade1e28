// `pnpm release-check`: the packages changed since their last version that no pending changeset
// names. "Their last version" is the last commit that changed the `version` line of the
// package's package.json (creation, or `pnpm version-packages`); a change is any file of the
// package's folder that differs from that commit in the working tree, untracked files included.
import readChangesets from '@changesets/read';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { workspacePackages } from './workspace.js';

export interface UnreleasedPackage {
  name: string;
  dir: string;
  /** The commit of the package's last version; null when it was never committed. */
  since: string | null;
  changedFiles: string[];
}

function git(root: string, args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

function lines(s: string): string[] {
  return s === '' ? [] : s.split('\n');
}

/** The commit that last changed the package's version, or null. */
export function lastVersionCommit(root: string, dir: string): string | null {
  const sha = git(root, ['log', '-1', '--format=%H', '-G', '"version"\\s*:', '--', `${dir}/package.json`]);
  return sha || null;
}

/** Files of `dir` that differ from `since` in the working tree (all of them when never committed). */
export function changedFilesSince(root: string, dir: string, since: string | null): string[] {
  const untracked = lines(git(root, ['ls-files', '--others', '--exclude-standard', '--', dir]));
  const tracked = since ? lines(git(root, ['diff', '--name-only', since, '--', dir])) : lines(git(root, ['ls-files', '--', dir]));
  return [...new Set([...tracked, ...untracked])].sort();
}

function ignoredPackages(root: string): Set<string> {
  try {
    const config = JSON.parse(readFileSync(path.join(root, '.changeset', 'config.json'), 'utf8')) as { ignore?: string[] };
    return new Set(config.ignore ?? []);
  } catch {
    return new Set();
  }
}

export async function findUnreleasedPackages(root: string): Promise<UnreleasedPackage[]> {
  const named = new Set((await readChangesets(root)).flatMap((c) => c.releases.map((r) => r.name)));
  const ignored = ignoredPackages(root);
  const out: UnreleasedPackage[] = [];
  for (const p of await workspacePackages(root)) {
    if (p.dir === '' || ignored.has(p.name) || named.has(p.name)) continue;
    const since = lastVersionCommit(root, p.dir);
    const changedFiles = changedFilesSince(root, p.dir, since);
    if (changedFiles.length > 0) out.push({ name: p.name, dir: p.dir, since, changedFiles });
  }
  return out;
}
