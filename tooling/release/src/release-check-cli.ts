// pnpm release-check: exits 1 listing the packages changed since their last version that carry no changeset.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findUnreleasedPackages } from './release-check.js';
import { releaseStrings as s } from './strings.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const unreleased = await findUnreleasedPackages(root);
if (unreleased.length === 0) {
  process.stdout.write(`${s.clean}\n`);
} else {
  process.stdout.write(`${s.unreleasedHeader(unreleased.length)}\n`);
  for (const u of unreleased) process.stdout.write(`${s.unreleasedLine(u.name, u.dir, u.since, u.changedFiles.length)}\n`);
  process.stdout.write(`${s.unreleasedHint}\n`);
  process.exitCode = 1;
}
