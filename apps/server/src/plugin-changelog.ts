// A plugin's latest release notes, read from the CHANGELOG.md that `pnpm version-packages`
// (changesets) writes into its package — for the console's 功能模块 page. Works for a plugin
// from the workspace, a registry or a tarball (npm packs CHANGELOG.md with every package).
// Plugins write their changesets in Chinese: this text is shown to the system administrator.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

export type ChangeKind = 'major' | 'minor' | 'patch';

export interface ReleaseNotes {
  version: string;
  changes: { kind: ChangeKind; text: string }[];
}

const KIND_HEADINGS: Record<string, ChangeKind> = { 'Major Changes': 'major', 'Minor Changes': 'minor', 'Patch Changes': 'patch' };

/** The first (latest) version section of a changesets CHANGELOG; null when there is none. */
export function latestReleaseNotes(changelog: string): ReleaseNotes | null {
  const lines = changelog.split(/\r?\n/);
  const start = lines.findIndex((l) => /^## \S/.test(l));
  if (start < 0) return null;
  const version = lines[start]!.slice(3).trim();
  const changes: ReleaseNotes['changes'] = [];
  let kind: ChangeKind = 'patch';
  let current: string[] | null = null;
  const flush = () => {
    if (!current) return;
    // Lines of a wrapped entry join with a space, except between two Chinese characters or punctuation.
    const text = current
      .join('\n')
      .replace(/([\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\n+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])/g, '$1')
      .replace(/\s+/g, ' ')
      .trim();
    // Dependency bumps are noise to an administrator; the entries above them say what changed.
    if (text && !text.startsWith('Updated dependencies')) changes.push({ kind, text });
    current = null;
  };
  for (const line of lines.slice(start + 1)) {
    if (/^## \S/.test(line)) break;
    const heading = /^### (.+)$/.exec(line);
    if (heading) {
      flush();
      kind = KIND_HEADINGS[heading[1]!.trim()] ?? kind;
      continue;
    }
    const bullet = /^- (?:[0-9a-f]{7,40}: )?(.*)$/.exec(line);
    if (bullet) {
      flush();
      current = [bullet[1]!];
    } else if (current && /^\s{2,}\S/.test(line) && !/^\s+- /.test(line)) {
      current.push(line.trim());
    } else if (current && line.trim() === '') {
      current.push('');
    }
    // A nested list (the packages under "Updated dependencies") belongs to the skipped entry.
  }
  flush();
  return { version, changes };
}

/** The package folder of an importable package: the nearest package.json above its entry. */
export function packageDirOf(packageName: string): string | null {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(packageName);
  } catch {
    return null;
  }
  for (let dir = path.dirname(entry); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) {
      try {
        if ((JSON.parse(readFileSync(file, 'utf8')) as { name?: string }).name === packageName) return dir;
      } catch {
        // an unreadable package.json on the way up is not the package's
      }
    }
    if (path.dirname(dir) === dir) return null;
  }
}

/**
 * The latest release notes of the installed plugins, by plugin id: `names` are the install
 * list's package names and `plugins` their default exports, in the same order.
 */
export function installedReleaseNotes(names: readonly string[], plugins: readonly { id: string }[]): Record<string, ReleaseNotes | null> {
  return Object.fromEntries(plugins.map((p, i) => [p.id, names[i] ? readReleaseNotes(names[i]) : null]));
}

/** The latest release notes of an installed plugin package; null when it has no CHANGELOG yet. */
export function readReleaseNotes(packageName: string): ReleaseNotes | null {
  const dir = packageDirOf(packageName);
  if (!dir) return null;
  const file = path.join(dir, 'CHANGELOG.md');
  if (!existsSync(file)) return null;
  return latestReleaseNotes(readFileSync(file, 'utf8'));
}
