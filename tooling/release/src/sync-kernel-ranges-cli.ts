// Second half of `pnpm version-packages`: plugin kernel ranges follow the kernel's new version.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { releaseStrings as s } from './strings.js';
import { syncKernelRanges } from './sync-kernel-ranges.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { kernelVersion, changes } = await syncKernelRanges(root);
for (const c of changes) {
  process.stdout.write(`${c.changed ? s.rangeUpdated(c.name, c.from ?? '（无）', c.to) : s.rangeKept(c.name, c.to, kernelVersion)}\n`);
}
