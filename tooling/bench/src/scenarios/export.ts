// Exporting the ledger to xlsx through the API: start, poll, download. Times the whole
// round and samples the server process's resident memory every 25 ms to find its peak
// growth over the baseline before the export began.
import { rssOf, serverPids, type Session } from '../server.js';

export interface ExportResult {
  rows: number;
  filter: Record<string, unknown>;
  secondsToReady: number;
  secondsDownload: number;
  secondsTotal: number;
  bytes: number;
  rssBaselineMb: number;
  rssPeakMb: number;
  rssGrowthMb: number;
  error?: string;
}

export async function exportScenario(url: string, session: Session, filter: Record<string, unknown>, pid: number, log: (s: string) => void): Promise<ExportResult> {
  // The server and, under SERVER_PROCESSES, its workers: whichever one answers, the growth is theirs together.
  const pids = serverPids(pid);
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    samples.push(rssOf(pids));
    await new Promise((r) => setTimeout(r, 20));
  }
  const baseline = Math.max(...samples);
  let peak = baseline;
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(pids))), 25);
  const t0 = performance.now();
  let rows = 0;
  let tReady = t0;
  let bytes = 0;
  let error: string | undefined;
  try {
    const started = await session.api.cases.startExport.mutate(filter as never);
    rows = started.total;
    for (;;) {
      const st = await session.api.cases.exportStatus.query({ id: started.id });
      if (st.status === 'failed') throw new Error('export failed');
      if (st.status === 'done') {
        rows = st.done;
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    tReady = performance.now();
    const res = await fetch(`${url}/exports/${started.id}`, { headers: { cookie: session.cookie } });
    if (!res.ok) throw new Error(`download HTTP ${res.status}`);
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
    }
  } catch (err) {
    error = String((err as Error)?.message ?? err);
  }
  const tEnd = performance.now();
  await new Promise((r) => setTimeout(r, 100));
  clearInterval(timer);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const result: ExportResult = {
    rows,
    filter,
    secondsToReady: r2((tReady - t0) / 1000),
    secondsDownload: r2((tEnd - tReady) / 1000),
    secondsTotal: r2((tEnd - t0) / 1000),
    bytes,
    rssBaselineMb: r2(baseline),
    rssPeakMb: r2(peak),
    rssGrowthMb: r2(peak - baseline),
    ...(error ? { error } : {}),
  };
  log(`  export: ${rows.toLocaleString()} rows in ${result.secondsTotal} s (ready ${result.secondsToReady} s, ${(bytes / 1e6).toFixed(1)} MB), RSS ${result.rssBaselineMb} → ${result.rssPeakMb} MB (+${result.rssGrowthMb})${error ? `, error: ${error}` : ''}`);
  return result;
}
