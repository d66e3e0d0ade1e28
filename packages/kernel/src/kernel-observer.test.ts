// What the background loop tells an observer (the server's /metrics hears through it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine, startTestKernel, type TestKernel, testVault } from './testing/index.js';
import { createNotesPlugin } from './testing/index.js';
import type { DeliveryReport } from './events/outbox.js';
import type { JobRunReport } from './jobs/scheduler.js';
import { createKernel, type Kernel } from './kernel.js';

describeEachEngine('the background loop’s observer', (engine) => {
  let t: TestKernel;
  let observed: Kernel;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zf-observer-'));
  const heard = { deliveries: [] as DeliveryReport[], jobs: [] as JobRunReport[], sweeps: [] as { seconds: number; failed: boolean }[] };
  beforeAll(async () => {
    t = await startTestKernel({ engine, plugins: [createNotesPlugin()] });
    observed = createKernel({
      vault: testVault(),
      database: t.database,
      plugins: [createNotesPlugin()],
      dataDir,
      observer: {
        eventsDelivered: (r) => heard.deliveries.push(r),
        jobsRan: (r) => heard.jobs.push(r),
        reminderSweep: (seconds, failed) => heard.sweeps.push({ seconds, failed }),
      },
    });
  });
  afterAll(async () => {
    await t?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('hears the events delivered, the jobs run and the reminder sweep of a pass', async () => {
    const { caller } = await t.signIn('supervisor');
    await (caller as any).notes.notes.add({ body: '观察' });
    await observed.tick(new Date('2026-11-21T08:00:30Z'));
    expect(heard.deliveries).toEqual([{ delivered: 1, failed: 0, deadLettered: 0 }]);
    expect(heard.jobs).toEqual([{ ran: ['notes.tick'], failed: [] }]);
    expect(heard.sweeps).toHaveLength(1);
    expect(heard.sweeps[0]!.failed).toBe(false);
    expect(heard.sweeps[0]!.seconds).toBeGreaterThan(0);
  });

  it('hears no second sweep in a minute another pass already swept', async () => {
    await observed.tick(new Date('2026-11-21T08:00:50Z'));
    expect(heard.sweeps).toHaveLength(1);
    expect(heard.jobs.at(-1)).toEqual({ ran: [], failed: [] });
  });
});
