// /metrics with several server processes (SERVER_PROCESSES > 1). A scrape lands on any one
// worker; what it answers must be the whole server's counts, or Prometheus would see
// counters jump between workers' values. So the worker that was asked asks the primary,
// the primary collects every started worker's figures over IPC, sums them with
// prom-client's aggregation (counters and histograms add up; gauges such as pool
// connections add up too) and answers. A worker that does not answer in time (dying,
// say) is left out of that scrape.
import cluster, { type Worker } from 'node:cluster';
import { randomUUID } from 'node:crypto';
import { AggregatorRegistry, type Registry } from 'prom-client';

type MetricsJson = Awaited<ReturnType<Registry['getMetricsAsJSON']>>;

type Ask = { type: 'zhengfa:metrics:ask'; id: string };
type Answer = { type: 'zhengfa:metrics:answer'; id: string; text?: string; error?: string };
type Collect = { type: 'zhengfa:metrics:collect'; id: string };
type Part = { type: 'zhengfa:metrics:part'; id: string; metrics: MetricsJson };

const WORKER_ANSWER_MS = 2_000;
const PRIMARY_ANSWER_MS = 5_000;

const is = <T extends { type: string }>(m: unknown, type: T['type']): m is T => (m as { type?: unknown } | null)?.type === type;

/** A worker: hands its own figures to the primary whenever asked. */
export function answerMetricsCollection(registry: Registry): void {
  process.on('message', (m: unknown) => {
    if (!is<Collect>(m, 'zhengfa:metrics:collect')) return;
    void registry.getMetricsAsJSON().then((metrics) => process.send?.({ type: 'zhengfa:metrics:part', id: m.id, metrics } satisfies Part));
  });
}

/** A worker: the whole server's figures, summed by the primary. */
export function askPrimaryForMetrics(): Promise<string> {
  const id = randomUUID();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      process.off('message', onMessage);
      reject(new Error('the primary did not answer'));
    }, PRIMARY_ANSWER_MS);
    const onMessage = (m: unknown) => {
      if (!is<Answer>(m, 'zhengfa:metrics:answer') || m.id !== id) return;
      clearTimeout(timer);
      process.off('message', onMessage);
      if (m.text !== undefined) resolve(m.text);
      else reject(new Error(m.error ?? 'no metrics'));
    };
    process.on('message', onMessage);
    process.send?.({ type: 'zhengfa:metrics:ask', id } satisfies Ask);
  });
}

function partOf(worker: Worker, id: string): Promise<MetricsJson | null> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      worker.off('message', onMessage);
      resolve(null);
    }, WORKER_ANSWER_MS);
    const onMessage = (m: unknown) => {
      if (!is<Part>(m, 'zhengfa:metrics:part') || m.id !== id) return;
      clearTimeout(timer);
      worker.off('message', onMessage);
      resolve(m.metrics);
    };
    worker.on('message', onMessage);
    try {
      worker.send({ type: 'zhengfa:metrics:collect', id } satisfies Collect);
    } catch {
      clearTimeout(timer);
      worker.off('message', onMessage);
      resolve(null);
    }
  });
}

/** The primary: sums the figures of `workers()` (those that have started) for any worker that asks. */
export function serveClusterMetrics(workers: () => Iterable<Worker>): void {
  cluster.on('message', (asker: Worker, m: unknown) => {
    if (!is<Ask>(m, 'zhengfa:metrics:ask')) return;
    void (async () => {
      const live = [...workers()].filter((w) => w.isConnected());
      const parts = (await Promise.all(live.map((w) => partOf(w, m.id)))).filter((p): p is MetricsJson => p !== null);
      const text = await AggregatorRegistry.aggregate(parts).metrics();
      return { type: 'zhengfa:metrics:answer', id: m.id, text } satisfies Answer;
    })()
      .catch((err: unknown) => ({ type: 'zhengfa:metrics:answer', id: m.id, error: String((err as Error)?.message ?? err) }) satisfies Answer)
      .then((answer) => {
        if (asker.isConnected()) asker.send(answer);
      });
  });
}
