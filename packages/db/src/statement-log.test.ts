import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTestCode, repositoryFrames, statementLogger, STATEMENT_LOG_ENV } from './statement-log.js';

const root = path.resolve(import.meta.dirname, '../../..');
const event = (sql: string) => ({ level: 'query', query: { sql, parameters: [], query: {} as never, queryId: {} as never }, queryDurationMillis: 1 }) as const;

describe('the statement log', () => {
  it('installs nothing without TENANT_KEY_LOG', () => {
    expect(statementLogger({})).toBeUndefined();
  });

  it('writes each statement text once per process, with its caller in this file', () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'zf-statement-log-'));
    const log = statementLogger({ [STATEMENT_LOG_ENV]: folder })!;
    log(event('select 1'));
    log(event('select 1'));
    log(event('select 2'));
    const files = readdirSync(folder);
    const lines = files.flatMap((f) => readFileSync(path.join(folder, f), 'utf8').trim().split('\n')).map((l) => JSON.parse(l) as { sql: string; frames: { file: string }[]; role: string | null });
    // A test file's statement is looked at again for a product caller, but written only when one appears.
    expect(lines.map((l) => [l.sql, l.frames[0]?.file, l.role])).toEqual([
      ['select 1', 'packages/db/src/statement-log.test.ts', null],
      ['select 2', 'packages/db/src/statement-log.test.ts', null],
    ]);
  });

  it('keeps the repository frames of a stack, innermost first, without node_modules and this package', () => {
    const stack = [
      'Error',
      `    at statementWriter (${root}/packages/db/src/statement-log.ts:90:5)`,
      `    at RuntimeDriver.executeQuery (${root}/node_modules/.pnpm/kysely@0.28.18/node_modules/kysely/dist/esm/driver/runtime-driver.js:10:1)`,
      `    at async ledgerPage (file://${root}/packages/kernel/src/cases/queries.ts:66:7)`,
      `    at async ${root}/plugins/petitions/src/server/router.ts:12:3`,
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
    ].join('\n');
    expect(repositoryFrames(stack)).toEqual([
      { file: 'packages/kernel/src/cases/queries.ts', fn: 'ledgerPage' },
      { file: 'plugins/petitions/src/server/router.ts', fn: '' },
    ]);
  });

  it("tells a test's own code from the product's by the innermost frame", () => {
    expect(isTestCode([{ file: 'packages/kernel/src/testing/test-kernel.ts', fn: 'startTestKernel' }])).toBe(true);
    expect(isTestCode([{ file: 'packages/kernel/src/cases/queries.ts', fn: 'ledgerPage' }, { file: 'packages/kernel/src/cases/ledger.test.ts', fn: '' }])).toBe(false);
    expect(isTestCode([])).toBe(true);
  });
});
