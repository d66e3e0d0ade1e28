// `pnpm tenant-key [folder]`: the tenant-key check over the statement log that the test
// suite wrote to TENANT_KEY_LOG (.ci/run sets it for `pnpm test` and runs this after).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadParser } from './analyze.js';
import { check, formatReport, mergeCatalogs, passed, productSchemas, readLog, type AllowEntry, type ReferenceTable } from './check.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const folder = process.argv[2] ?? process.env.TENANT_KEY_LOG;
if (!folder || !existsSync(folder)) {
  console.error('tenant-key: no statement log; run the tests with TENANT_KEY_LOG=<folder> first and pass that folder');
  process.exit(1);
}
const readJson = <T>(name: string): T => JSON.parse(readFileSync(path.join(here, '..', name), 'utf8')) as T;
const { log, catalogs } = readLog(folder);
if (log.length === 0 || catalogs.length === 0) {
  console.error(`tenant-key: ${folder} holds ${log.length} statements and ${catalogs.length} catalogs; was TENANT_KEY_LOG passed to the tests?`);
  process.exit(1);
}
await loadParser();
const plugins = readdirSync(path.join(here, '../../../plugins'), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const report = check(log, mergeCatalogs(catalogs), readJson<ReferenceTable[]>('reference-tables.json'), readJson<AllowEntry[]>('allowlist.json'), productSchemas(plugins));
for (const line of formatReport(report)) console.log(line);
process.exit(passed(report) ? 0 : 1);
