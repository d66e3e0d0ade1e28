// The load generator's HTTP/1.1 client for the measured API calls: keep-alive sockets, a
// request written as one string, the answer read by its Content-Length or its chunks.
//
// The generator shares the machine's two cores with the server and PostgreSQL, so each
// millisecond it spends is taken from what is measured; a browser on an official's own
// computer costs the server nothing. Through tRPC's client over node:http (http-transport.ts)
// it spent 0.3–1.0 ms of CPU per ledger request, a third to a half of the server's: an
// AbortController, a DOMException and an options object per call in tRPC's client, and
// node:http's ClientRequest, agent and header objects. The requests sent here are the ones
// tRPC's httpLink sends (`GET /trpc/<path>?input=<JSON>`, `POST /trpc/<path>` with a JSON
// body), and an answer counts only when its status is 200 and its body is tRPC's result.
import net from 'node:net';

export interface LeanAnswer {
  status: number;
  body: string;
}

/** Sockets idle longer than this are dropped, so a request never meets a server closing one (it keeps them 65 s). */
const IDLE_MS = 4_000;
const HEADER_END = Buffer.from('\r\n\r\n');

class Connection {
  readonly socket: net.Socket;
  idleSince = Date.now();
  private buffer: Buffer | null = null;
  private pending: { resolve(a: LeanAnswer & { close: boolean }): void; reject(e: Error): void } | null = null;
  closed = false;

  constructor(host: string, port: number) {
    this.socket = net.connect({ host, port, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => {
      if (!this.pending) return this.fatal(new Error('bytes while no request was waiting'));
      this.buffer = this.buffer ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.tryParse();
    });
    const fail = (err: Error) => {
      this.closed = true;
      const p = this.pending;
      this.pending = null;
      p?.reject(err);
    };
    this.socket.on('error', fail);
    this.socket.on('close', () => fail(new Error('socket closed before the answer')));
  }

  send(request: string): Promise<LeanAnswer & { close: boolean }> {
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.write(request);
    });
  }

  private tryParse(): void {
    const buf = this.buffer;
    if (!buf || !this.pending) return;
    const headerEnd = buf.indexOf(HEADER_END);
    if (headerEnd < 0) return;
    const head = buf.toString('latin1', 0, headerEnd);
    const status = Number(head.slice(9, 12));
    const start = headerEnd + 4;
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    const close = /\r\nconnection:\s*close/i.test(head);
    let body: string;
    let end: number;
    if (length) {
      end = start + Number(length[1]);
      if (buf.length < end) return;
      body = buf.toString('utf8', start, end);
    } else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      const parts: Buffer[] = [];
      let at = start;
      for (;;) {
        const lineEnd = buf.indexOf('\r\n', at);
        if (lineEnd < 0) return;
        const size = parseInt(buf.toString('latin1', at, lineEnd), 16);
        if (Number.isNaN(size)) return this.fatal(new Error('malformed chunk size'));
        const dataStart = lineEnd + 2;
        if (buf.length < dataStart + size + 2) return;
        if (size === 0) {
          end = dataStart + 2;
          break;
        }
        parts.push(buf.subarray(dataStart, dataStart + size));
        at = dataStart + size + 2;
      }
      body = Buffer.concat(parts).toString('utf8');
    } else if (status === 204 || status === 304) {
      body = '';
      end = start;
    } else {
      return this.fatal(new Error(`answer ${status} without Content-Length or chunks`));
    }
    if (buf.length > end) return this.fatal(new Error('bytes after the answer (nothing was pipelined)'));
    this.buffer = null;
    const p = this.pending;
    this.pending = null;
    p.resolve({ status, body, close });
  }

  private fatal(err: Error): void {
    const p = this.pending;
    this.pending = null;
    this.closed = true;
    this.socket.destroy();
    p?.reject(err);
  }

  destroy(): void {
    this.closed = true;
    this.socket.destroy();
  }
}

/** Keep-alive connections to one server; each request takes an idle one or opens one. */
export class LeanHttp {
  private readonly idle: Connection[] = [];
  private readonly host: string;
  private readonly port: number;
  private readonly hostHeader: string;

  constructor(baseUrl: string) {
    const u = new URL(baseUrl);
    this.host = u.hostname;
    this.port = Number(u.port || 80);
    this.hostHeader = u.host;
  }

  async request(method: 'GET' | 'POST', path: string, headers: string, body?: string): Promise<LeanAnswer> {
    let conn: Connection | undefined;
    while ((conn = this.idle.pop())) {
      if (!conn.closed && Date.now() - conn.idleSince < IDLE_MS) break;
      conn.destroy();
    }
    conn ??= new Connection(this.host, this.port);
    const bodyHeaders = body === undefined ? '' : `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\n`;
    const answer = await conn.send(`${method} ${path} HTTP/1.1\r\nhost: ${this.hostHeader}\r\n${headers}${bodyHeaders}\r\n${body ?? ''}`);
    if (answer.close) conn.destroy();
    else {
      conn.idleSince = Date.now();
      this.idle.push(conn);
    }
    return answer;
  }

  close(): void {
    for (const c of this.idle.splice(0)) c.destroy();
  }
}

/** tRPC's answer to one call: its data, or an error with the server's message. */
export function trpcData(path: string, answer: LeanAnswer): unknown {
  let parsed: { result?: { data?: unknown }; error?: { message?: string } };
  try {
    parsed = JSON.parse(answer.body);
  } catch {
    throw new Error(`${path}: HTTP ${answer.status}, not JSON: ${answer.body.slice(0, 120)}`);
  }
  if (answer.status !== 200 || !parsed.result) throw new Error(`${path}: HTTP ${answer.status} ${parsed.error?.message ?? answer.body.slice(0, 120)}`);
  return parsed.result.data;
}
