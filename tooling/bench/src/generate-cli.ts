// `pnpm --filter @zhengfa/bench generate --size 100k [--engine pglite] [--force]`
import { parseArgs } from 'node:util';
import { ensureGenerated } from './generate.js';
import { isSize, type EngineKey } from './sizes.js';

const usage = `pnpm --filter @zhengfa/bench generate -- [--size 10k|100k|1m|10m] [--engine postgres|pglite] [--force]`;

let values: { size?: string; engine?: string; force: boolean; help: boolean };
try {
  ({ values } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== '--'),
    strict: true,
    allowPositionals: false,
    options: {
      size: { type: 'string' },
      engine: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (e) {
  process.stderr.write(`${(e as Error).message}\n\n${usage}\n`);
  process.exit(2);
}
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const size = values.size ?? '10k';
if (!isSize(size)) throw new Error(`--size must be one of 10k, 100k, 1m, 10m (got ${size})`);
const engine = values.engine ?? 'postgres';
if (engine !== 'postgres' && engine !== 'pglite') throw new Error(`--engine must be postgres or pglite (got ${engine})`);
const { target } = await ensureGenerated(engine as EngineKey, size, (s) => console.log(s), { force: values.force });
await target.close();
