// Kernel events: written to an outbox in the writer's transaction and delivered to
// plugin subscriptions at least once after commit. A delivery row is inserted in the
// handler's own transaction, so a handler's effects and the record that it ran commit
// together; two server processes racing for one event serialise on that row.
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { BackgroundContext, EventPublisher, KernelEvent, Logger } from '@zhengfa/plugin-api';
import type { KernelDatabase } from '../db/schema.js';
import type { PluginHost } from '../plugin-host/host.js';

/** An event's outbox row as a CTE, `outbox_event`, for the WITH of the statement whose change it announces. */
export function outboxEventCte(tenantId: string | null, name: string, payload: unknown): RawBuilder<unknown> {
  return sql`outbox_event as (insert into kernel.outbox (tenant_id, name, payload) values (${tenantId}, ${name}, ${JSON.stringify(payload)}::jsonb))`;
}

export function createEventPublisher(db: Kysely<any>, tenantId: string | null): EventPublisher {
  return {
    async emit(name, payload, opts) {
      await sql`with ${outboxEventCte(tenantId, name, payload)} select 1`.execute(opts?.db ?? db);
    },
  };
}

interface Subscription {
  subscriber: string;
  eventName: string;
  handler: (event: KernelEvent, ctx: BackgroundContext) => Promise<void>;
}

function subscriptionsOf(host: PluginHost): Subscription[] {
  return host.enabled.flatMap((p) =>
    Object.entries(p.subscriptions ?? {}).map(([eventName, handler]) => ({
      subscriber: `${p.id}:${eventName}`,
      eventName,
      handler,
    })),
  );
}

export interface DeliveryReport {
  delivered: number;
  failed: number;
}

/** Delivers pending events to every subscription; returns what happened. */
export async function deliverEvents(db: Kysely<any>, host: PluginHost, log: Logger, batch = 100): Promise<DeliveryReport> {
  const k = db as unknown as Kysely<KernelDatabase>;
  const report: DeliveryReport = { delivered: 0, failed: 0 };
  for (const sub of subscriptionsOf(host)) {
    const pending = await k
      .selectFrom('kernel.outbox as o')
      .selectAll('o')
      .where('o.name', '=', sub.eventName)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('kernel.event_deliveries as d')
              .select(sql`1`.as('one'))
              .whereRef('d.event_id', '=', 'o.id')
              .where('d.subscriber', '=', sub.subscriber),
          ),
        ),
      )
      .orderBy('o.id')
      .limit(batch)
      .execute();
    for (const row of pending) {
      try {
        await db.transaction().execute(async (trx) => {
          const claimed = await (trx as unknown as Kysely<KernelDatabase>)
            .insertInto('kernel.event_deliveries')
            .values({ subscriber: sub.subscriber, event_id: row.id })
            .onConflict((oc) => oc.doNothing())
            .returning('event_id')
            .executeTakeFirst();
          if (!claimed) return;
          const event: KernelEvent = {
            id: row.id,
            name: row.name,
            tenantId: row.tenant_id,
            payload: row.payload,
            occurredAt: row.occurred_at,
          };
          await sub.handler(event, {
            db: trx,
            events: createEventPublisher(trx, row.tenant_id),
            log,
            now: new Date(),
          });
          report.delivered++;
        });
      } catch (err) {
        report.failed++;
        log.error({ err, subscriber: sub.subscriber, eventId: row.id }, 'event handler failed; will retry');
        break; // keep per-subscriber order: retry this event before later ones
      }
    }
  }
  return report;
}
