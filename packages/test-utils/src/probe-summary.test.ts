import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeProbeSummary } from './probe-summary.js';

describe('the probe suites’ summary lines', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('writes one file per suite under PROBE_SUMMARY_DIR', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'zf-probe-'));
    dirs.push(dir);
    writeProbeSummary('authorization-matrix-postgres', 'authorization matrix [postgres]: 3 procedures × 2 identities = 6 calls, all held', { PROBE_SUMMARY_DIR: dir });
    expect(readdirSync(dir)).toEqual(['authorization-matrix-postgres.txt']);
    expect(readFileSync(path.join(dir, 'authorization-matrix-postgres.txt'), 'utf8')).toBe('authorization matrix [postgres]: 3 procedures × 2 identities = 6 calls, all held\n');
  });
});
