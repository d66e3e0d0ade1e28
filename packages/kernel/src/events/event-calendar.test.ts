// An event handler's ctx.calendar: the working calendar of the event's county, as the
// kernel's own clocks count it (holidays, make-up working days and the county's corrections).
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sql } from 'kysely';
import { definePlugin, z, type Logger } from '@zhengfa/plugin-api';
import { describeEachEngine, startTestKernel, type TestKernel } from '../testing/index.js';
import { createEventPublisher, deliverEvents } from './outbox.js';
import { KERNEL_VERSION } from '../version.js';
import { DEMO_TENANT } from '../seed/demo.js';

const silent: Logger = { info() {}, warn() {}, error() {} };

const dated = definePlugin({
  id: 'dated',
  name: '期限计算',
  version: '1.0.0',
  kernel: `^${KERNEL_VERSION}`,
  events: { 'dated.received': z.strictObject({ on: z.string(), days: z.number().int() }) },
  migrations: {
    '0001_due': {
      async up(db) {
        await sql`create schema dated`.execute(db);
        await sql`create table dated.due (on_day text not null, due text not null, working boolean not null)`.execute(db);
      },
    },
  },
  subscriptions: {
    'dated.received': async (event, ctx) => {
      const on = String(event.payload.on);
      const due = await ctx.calendar!.addWorkingDays(on, Number(event.payload.days));
      const working = await ctx.calendar!.isWorkingDay(due);
      await sql`insert into dated.due (on_day, due, working) values (${on}, ${due}, ${working})`.execute(ctx.db);
    },
  },
});

describeEachEngine('the working calendar of an event handler', (engine) => {
  let t: TestKernel;
  beforeAll(async () => {
    t = await startTestKernel({ engine, plugins: [dated] });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('counts working days across the National Day holiday onto its make-up Saturday', async () => {
    await createEventPublisher(t.database.db, DEMO_TENANT.code, t.kernel.host.events).emit('dated.received', { on: '2026-09-30', days: 3 });
    await deliverEvents(t.database.db, t.kernel.host, silent, { now: new Date('2026-09-30T02:00:00Z') });
    const r = await sql<{ on_day: string; due: string; working: boolean }>`select on_day, due, working from dated.due`.execute(t.database.db);
    // 10-01 to 10-07 off; Thursday 10-08, Friday 10-09, Saturday 10-10 (worked to bridge the holiday).
    expect(r.rows).toEqual([{ on_day: '2026-09-30', due: '2026-10-10', working: true }]);
  });
});
