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
    writeProbeSummary('example-probe', 'example probe: 6 calls, all held', { PROBE_SUMMARY_DIR: dir });
    expect(readdirSync(dir)).toEqual(['example-probe.txt']);
    expect(readFileSync(path.join(dir, 'example-probe.txt'), 'utf8')).toBe('example probe: 6 calls, all held\n');
  });
});
