// The load generator's HTTP transport for the tRPC client: node:http over keep-alive
// sockets instead of the global fetch.
//
// The load generator shares the machine's two cores with the server and PostgreSQL, so
// its own CPU per request is taken from them. Node's fetch (undici behind WHATWG streams,
// Request/Response/Headers objects and an AbortSignal per call) cost the generator about
// 2.1 ms of CPU per ledger request on the 100k database, more than PostgreSQL's share.
// A browser on an official's own computer costs the server nothing, so the generator should
// cost as little as it can. tRPC's httpLink needs only `json()` of the answer.
import http from 'node:http';

export interface TransportResponse {
  ok: boolean;
  status: number;
  /** The cookies the answer set, as `name=value` pairs (attributes dropped). */
  cookies: string[];
  json(): Promise<unknown>;
  text(): Promise<string>;
}

export interface TransportInit {
  method?: string;
  headers?: Record<string, string> | [string, string][] | Headers;
  body?: unknown;
  signal?: AbortSignal | null;
}

// The agent drops a socket idle for 4 s, so it never writes a request to one the server is
// closing at that moment ("socket hang up"). The server keeps idle connections 65 s
// (apps/server/src/boot.ts); before it did, Node's 5 s did this once at 1M, to the open
// loop's register, which needs only a few of the closed loop's 32 sockets.
const agent = new http.Agent({ keepAlive: true, maxSockets: 512, timeout: 4_000 });

function plainHeaders(h: TransportInit['headers']): Record<string, string> {
  if (!h) return {};
  if (h instanceof Headers) {
    const out: Record<string, string> = {};
    h.forEach((v, k) => (out[k] = v));
    return out;
  }
  if (Array.isArray(h)) return Object.fromEntries(h);
  return h;
}

/** A fetch-shaped call over node:http; enough for tRPC's httpLink and the sign-in cookie. */
export function httpRequest(url: string, init: TransportInit = {}): Promise<TransportResponse> {
  return new Promise((resolve, reject) => {
    const body = init.body == null ? null : typeof init.body === 'string' ? init.body : String(init.body);
    const headers = plainHeaders(init.headers);
    if (body !== null) headers['content-length'] = String(Buffer.byteLength(body));
    const req = http.request(url, { method: init.method ?? 'GET', headers, agent, signal: init.signal ?? undefined }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        resolve({
          ok: status >= 200 && status < 300,
          status,
          cookies: (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]!),
          json: async () => JSON.parse(text) as unknown,
          text: async () => text,
        });
      });
    });
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}
