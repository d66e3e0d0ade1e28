import { buildProvince, todayDay } from './generate.js';
import * as g from './generate.js';
// run generateCounty with a fake target that discards batches
const p = buildProvince(20000);
const target: any = { engine: 'postgres', parallel: 2, raw: { query: async () => ({ rows: [] }) } };
const stats: any = { cases: 0, parties: 0, events: 0, open: 0, overdue: 0, dispatchDue: 0 };
const t = performance.now();
for (const c of p.slice(0, 3)) await (g as any).generateCountyForTest(target, c, todayDay(), stats, new Set());
console.log(stats.cases, 'cases in', performance.now() - t, 'ms');
