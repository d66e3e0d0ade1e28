// `pnpm --filter @zhengfa/bench outbox [-- --engine pglite]`: the outbox's pending-event query
// at 10k delivered events, and at 1M too with BENCH_OUTBOX_1M=1 (scenarios/outbox.ts). Prints
// the figures and each size's plan; `pnpm bench` runs the same as its `outbox` scenario.
import { parseArgs } from 'node:util';
import { outboxScenario, outboxSizes } from './scenarios/outbox.js';

const { values } = parseArgs({ options: { engine: { type: 'string' } } });
const engine = (values.engine ?? process.env.BENCH_ENGINE ?? 'postgres') as 'postgres' | 'pglite';
if (engine !== 'postgres' && engine !== 'pglite') throw new Error(`unknown engine ${String(engine)}; known: postgres, pglite`);
const result = await outboxScenario(engine, outboxSizes(), (line) => process.stdout.write(`${line}\n`));
for (const r of result.runs) process.stdout.write(`\n-- ${r.delivered.toLocaleString('en-US')} delivered events: plan of the pending query\n${r.explain}\n`);
const [small, large] = result.runs;
if (small && large) {
  process.stdout.write(`\nmedian ${large.cursor.medianMs} ms at ${large.delivered.toLocaleString('en-US')} against ${small.cursor.medianMs} ms at ${small.delivered.toLocaleString('en-US')} (×${(large.cursor.medianMs / small.cursor.medianMs).toFixed(2)})\n`);
}
