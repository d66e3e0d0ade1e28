// The one-line figures of the probe suites (authorization matrix, crash runs, two
// processes, fuzzing): printed, and written to $PROBE_SUMMARY_DIR/<name>.txt when set, so
// that .ci/run can print them together at the end of a run whose log is long.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Records a suite's summary line; `name` names its file (one per suite and engine). */
export function writeProbeSummary(name: string, line: string, env: NodeJS.ProcessEnv = process.env): void {
  process.stdout.write(`${line}\n`);
  const dir = env.PROBE_SUMMARY_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name.replace(/[^A-Za-z0-9_.-]+/g, '-')}.txt`), `${line}\n`);
}
