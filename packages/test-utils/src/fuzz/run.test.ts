import { describe, expect, it } from 'vitest';
import { badRequest, field, publicProcedure, router, z } from '@zhengfa/plugin-api';
import { fuzzProcedures, proceduresOf, unnamedFields } from './index.js';
import type { Fingerprinter } from './fingerprint.js';

/** A fingerprint over one counter the procedures below may bump. */
function counter(): { fp: Fingerprinter; bump: () => void } {
  let n = 0;
  return { fp: { tables: ['t'], take: async () => new Map([['t', String(n)]]) }, bump: () => (n += 1) };
}

describe('the fuzz runner', () => {
  it('reports a procedure that answers bad input with a 500', async () => {
    const app = router({
      keyword: publicProcedure.input(z.object({ q: field.text('关键词', { max: 10 }) })).query(({ input }) => {
        if (input.q.length > 3) throw new Error('database exploded');
        return 1;
      }),
    });
    const { fp } = counter();
    const report = await fuzzProcedures({ procedures: proceduresOf(app), runs: 30, seed: 7, callerFor: async () => app.createCaller({} as never), fingerprint: fp });
    expect(report.failures.some((f) => f.path === 'keyword' && f.problem.startsWith('answered INTERNAL_SERVER_ERROR'))).toBe(true);
  });

  it('reports a refusal that wrote', async () => {
    const { fp, bump } = counter();
    const app = router({
      save: publicProcedure.input(z.object({ n: field.int('数量', { min: 1, max: 5 }) })).mutation(({ input }) => {
        bump();
        if (input.n > 2) throw badRequest('数量过多');
        return 1;
      }),
    });
    const report = await fuzzProcedures({ procedures: proceduresOf(app), runs: 40, seed: 3, callerFor: async () => app.createCaller({} as never), fingerprint: fp });
    expect(report.failures.some((f) => f.problem === 'refused, yet wrote to t')).toBe(true);
  });

  it('reports an input error that names no field', async () => {
    const app = router({ get: publicProcedure.input(z.object({ id: z.string().regex(/^\d+$/, '格式不对') })).query(() => 1) });
    const { fp } = counter();
    const report = await fuzzProcedures({ procedures: proceduresOf(app), runs: 20, seed: 5, callerFor: async () => app.createCaller({} as never), fingerprint: fp });
    expect(report.failures.some((f) => f.problem.startsWith('input error naming no field at id'))).toBe(true);
  });

  it('finds the fields of an input schema that have no Chinese name', () => {
    const schema = z.object({ title: field.text('标题', { max: 5 }), note: z.string().optional(), parties: z.array(z.object({ name: z.string() })) });
    expect(unnamedFields(schema)).toEqual(['note', 'parties', 'parties[].name']);
  });
});
