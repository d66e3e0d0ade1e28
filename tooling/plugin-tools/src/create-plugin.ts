// `pnpm create-plugin <id> --name <中文名> [--no-install]`: generates a working plugin and
// registers it (see generate.ts), then links it with `pnpm install`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CreatePluginError, createPlugin } from './generate.js';
import { toolStrings as s } from './strings.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

function main(argv: string[]): number {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { name: { type: 'string' }, 'no-install': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  const id = positionals[0];
  if (values.help || !id || values.name === undefined) {
    process.stdout.write(`${s.usage}\n`);
    return values.help ? 0 : 1;
  }
  let created;
  try {
    created = createPlugin(repoRoot, id, values.name);
  } catch (err) {
    if (err instanceof CreatePluginError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  }
  process.stdout.write(`${s.created(path.relative(repoRoot, created.dir))}\n${s.registered(created.packageName)}\n${s.changeset(path.relative(repoRoot, created.changesetFile))}\n`);
  if (!values['no-install']) {
    process.stdout.write(`${s.installing}\n`);
    // The store already holds every dependency the template names: no download is needed.
    const r = spawnSync('pnpm', ['install', '--prefer-offline', '--no-frozen-lockfile'], { cwd: repoRoot, stdio: 'inherit' });
    if (r.status !== 0) {
      process.stderr.write(`${s.installFailed(r.status)}\n`);
      return 1;
    }
  }
  process.stdout.write(`${s.next(created.id, created.packageName)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
