// `pnpm --filter @zhengfa/bench generate --size 100k [--engine pglite] [--force]`
import { ensureGenerated } from './generate.js';
import { isSize, type EngineKey } from './sizes.js';

const args = process.argv.slice(2);
const get = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const size = get('size') ?? '10k';
if (!isSize(size)) throw new Error(`unknown size ${size}`);
const engine = (get('engine') ?? 'postgres') as EngineKey;
const { target } = await ensureGenerated(engine, size, (s) => console.log(s), { force: args.includes('--force') });
await target.close();
