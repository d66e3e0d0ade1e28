// The console's ledger page rendered on the server: time to first byte of GET /cases with
// a session cookie (GET / when the console has no /cases page yet).
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { runLoad, summarise, type LoadResult } from '../load.js';
import type { ScenarioContext } from './common.js';
import type { Session } from '../server.js';

export interface PageBytes {
  /** The document as rendered. */
  html: number;
  /** As sent to a client that accepts gzip, as browsers do. */
  sent: number;
  encoding: string | null;
}

/** One GET of a console page, as a browser sends it (asking for it compressed, following no redirect): its status and sizes. */
function getPage(pageUrl: string, cookie: string): Promise<{ status: number; bytes: PageBytes }> {
  return new Promise((resolve, reject) => {
    const req = request(pageUrl, { headers: { cookie, 'accept-encoding': 'gzip, deflate' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const encoding = (res.headers['content-encoding'] as string | undefined) ?? null;
        resolve({ status: res.statusCode ?? 0, bytes: { html: encoding === 'gzip' ? gunzipSync(body).byteLength : body.byteLength, sent: body.byteLength, encoding } });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

export async function ssrTtfb(ctx: ScenarioContext, url: string, sessions: Session[]): Promise<{ path: string; status: number; note?: string; bytes: PageBytes; load: LoadResult; serial: LoadResult }> {
  let path = '/cases';
  let page = await getPage(`${url}${path}`, sessions[0]!.cookie);
  let note: string | undefined;
  if (page.status === 404 || page.status === 503) {
    note = `GET /cases answered ${page.status}; the console has no ledger page in this build, so GET / (the console's home) was measured`;
    path = '/';
    page = await getPage(`${url}${path}`, sessions[0]!.cookie);
  }
  const { status, bytes } = page;
  if (status >= 500) note = `${note ? `${note}; ` : ''}GET ${path} answered ${status} (console build missing?)`;
  const ttfb = async (client: number) => {
    const t0 = performance.now();
    const r = await fetch(`${url}${path}`, { headers: { cookie: sessions[client % sessions.length]!.cookie }, redirect: 'manual' });
    const first = performance.now() - t0;
    await r.arrayBuffer();
    if (r.status >= 400) throw new Error(`HTTP ${r.status}`);
    return first;
  };
  // Under load: runLoad times the whole response; TTFB is collected separately.
  const firstBytes: { at: number; ms: number }[] = [];
  const measureFrom = performance.now() + 1000;
  const load = await runLoad(`ssr${path === '/' ? '.home' : '.cases'}`, ctx, async (client) => {
    const at = performance.now();
    firstBytes.push({ at, ms: await ttfb(client) });
  }, () => {});
  const ttfbLoad = summarise(load.name, ctx.concurrency, ctx.seconds, firstBytes.filter((x) => x.at >= measureFrom).map((x) => x.ms), load.errors, load.firstError);
  ttfbLoad.throughput = load.throughput;
  const serialTimes: number[] = [];
  for (let i = 0; i < 20; i++) serialTimes.push(await ttfb(i));
  const serial = summarise(`${load.name}.serial`, 1, 0, serialTimes.slice(3), 0);
  serial.throughput = NaN;
  const kb = (n: number) => Math.round(n / 1024);
  ctx.log(`  ${ttfbLoad.name} TTFB: p50 ${ttfbLoad.p50} p95 ${ttfbLoad.p95} p99 ${ttfbLoad.p99} ms at ${ctx.concurrency} clients; one client p50 ${serial.p50} ms; page ${kb(bytes.html)} KB, sent ${kb(bytes.sent)} KB (${bytes.encoding ?? 'uncompressed'})${note ? ` (${note})` : ''}`);
  return { path, status, ...(note ? { note } : {}), bytes, load: ttfbLoad, serial };
}
