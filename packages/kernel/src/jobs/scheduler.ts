// Plugin jobs on the kernel's scheduler. Time is cut into slots of each job's period;
// the process that inserts the (job, slot) row runs it, so across any number of server
// processes each slot runs once, for each county that has the job's plugin on.
import type { Kysely } from 'kysely';
import type { Logger, Vault } from '@zhengfa/plugin-api';
import type { KernelDatabase } from '../db/schema.js';
import { createEventPublisher } from '../events/outbox.js';
import { claimJobRun, finishJobRun } from './job-runs.js';
import type { PluginHost } from '../plugin-host/host.js';
import { readCountySwitches } from '../system/county-modules.js';
import { systemSide } from './system-kernel.js';

export interface JobRunReport {
  ran: string[];
  failed: string[];
}

export interface JobEnvironment {
  /** For kernel calls that seal personal data (a job registering a case with parties). */
  vault?: Vault;
  /** Where attachments' content lives (ctx.kernel.attachments.open). */
  filesDir?: string;
}

export async function runDueJobs(db: Kysely<any>, host: PluginHost, log: Logger, now = new Date(), env: JobEnvironment = {}): Promise<JobRunReport> {
  const k = db as unknown as Kysely<KernelDatabase>;
  const report: JobRunReport = { ran: [], failed: [] };
  for (const plugin of host.enabled) {
    for (const job of plugin.jobs ?? []) {
      const key = `${plugin.id}.${job.name}`;
      const slot = Math.floor(now.getTime() / 1000 / job.everySeconds);
      if (!(await claimJobRun(k, key, slot))) continue;
      try {
        // Once per county that has the plugin on, each in its own transaction; a county
        // that switched it off is skipped (system/county-modules.ts), its data left as it is.
        const switches = await readCountySwitches(k);
        const tenants = (await k.selectFrom('kernel.tenants').select('id').orderBy('id').execute()).map((t) => t.id);
        let failure: unknown = null;
        for (const tenantId of tenants.filter((t) => switches.isOn(plugin.id, t))) {
          try {
            await db.transaction().execute(async (trx) => {
              // The job acts as the system for this county, with the operations it declared.
              const system = await systemSide(trx, host, { key, operations: job.kernelAccess ?? [] }, tenantId, { now, vault: env.vault, filesDir: env.filesDir });
              await job.run({ db: trx, events: createEventPublisher(trx, tenantId, host.events, { plugin: plugin.id }), log, now, tenantId, kernel: system.kernel, audit: system.audit });
            });
          } catch (err) {
            log.error({ err, job: key, slot, tenantId }, 'job failed for a county');
            failure ??= err;
          }
        }
        if (failure) throw failure;
        await finishJobRun(k, key, slot);
        report.ran.push(key);
      } catch (err) {
        log.error({ err, job: key, slot }, 'job failed');
        await finishJobRun(k, key, slot, String((err as Error)?.message ?? err));
        report.failed.push(key);
      }
    }
  }
  return report;
}
