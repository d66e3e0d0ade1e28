// PGlite on a worker thread (pglite-worker.mjs), driven by the Kysely dialect through
// connection-tagged statements (the worker orders them around transactions). PGlite executes a statement synchronously on the thread that owns it; on
// the server's own thread that blocks every other request's JavaScript for as long as the
// statement runs. On a thread of its own, statements and the server's work overlap, so the
// embedded database uses two cores instead of one. Values cross by structured clone (Date,
// Uint8Array, arrays and objects arrive as they left); a database error keeps its message
// and fields (code, detail, constraint…), so callers test `err.code` exactly as before.
import { Worker } from 'node:worker_threads';
import type { PGliteConnections } from './pglite-dialect.js';
import type { DbScope } from './scope.js';

interface Reply {
  id: number;
  result?: { rows: unknown[]; affectedRows?: number } | { dump: Uint8Array } | null;
  error?: Record<string, unknown>;
}

function toError(plain: Record<string, unknown> | undefined, fallback: string): Error {
  const err = new Error(typeof plain?.message === 'string' ? plain.message : fallback);
  if (plain) {
    for (const [key, value] of Object.entries(plain)) if (key !== 'message' && key !== 'stack') (err as unknown as Record<string, unknown>)[key] = value;
  }
  return err;
}

export class PGliteThread implements PGliteConnections {
  readonly waitReady: Promise<void>;
  #worker: Worker;
  #next = 1;
  #pending = new Map<number, { resolve: (r: Reply['result']) => void; reject: (e: Error) => void }>();
  #stopped: Error | null = null;
  #closing: Promise<void> | null = null;
  /** The connection whose transaction is open, as far as this thread has heard. */
  #transaction: number | null = null;

  constructor(dataDir: string | undefined) {
    this.#worker = new Worker(new URL('./pglite-worker.mjs', import.meta.url), { workerData: { dataDir } });
    this.waitReady = new Promise<void>((resolve, reject) => {
      const onReady = (msg: { ready?: boolean; error?: Record<string, unknown> }) => {
        if (msg.ready === undefined) return;
        this.#worker.off('message', onReady);
        if (msg.ready) resolve();
        else reject(toError(msg.error, 'PGlite did not start'));
      };
      this.#worker.on('message', onReady);
      this.#worker.once('exit', () => reject(this.#stopped ?? new Error('PGlite thread exited before it was ready')));
    });
    // An unhandled start failure still reaches whoever awaits waitReady.
    this.waitReady.catch(() => {});
    this.#worker.on('message', (msg: Reply) => {
      if (typeof msg.id !== 'number') return;
      const waiter = this.#pending.get(msg.id);
      if (!waiter) return;
      this.#pending.delete(msg.id);
      if (msg.error) waiter.reject(toError(msg.error, 'PGlite query failed'));
      else waiter.resolve(msg.result);
    });
    this.#worker.on('error', (err) => this.#stop(err));
    this.#worker.on('exit', (code) => this.#stop(new Error(`PGlite thread exited (code ${code})`)));
  }

  get closed(): boolean {
    return this.#stopped !== null || this.#closing !== null;
  }

  /** Every waiting statement fails with the reason; later ones fail at once. */
  #stop(reason: Error): void {
    this.#stopped ??= reason;
    for (const waiter of this.#pending.values()) waiter.reject(reason);
    this.#pending.clear();
  }

  /** Statements sent and not yet answered: the queue's depth, the one running included. */
  get pending(): number {
    return this.#pending.size;
  }

  #send(message: { conn?: number; sql?: string; params?: readonly unknown[]; txn?: 'begin' | 'end'; scope?: [string, string]; release?: boolean; dump?: boolean; close?: boolean }): Promise<Reply['result']> {
    if (this.#stopped) return Promise.reject(new Error(`PGlite is closed: ${this.#stopped.message}`));
    const id = this.#next++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      try {
        this.#worker.postMessage({ id, ...message });
      } catch (err) {
        // A parameter that cannot be cloned (a function, say) fails this statement only.
        this.#pending.delete(id);
        reject(err as Error);
      }
    });
  }

  async run<R>(conn: number, sql: string, params: readonly unknown[], txn?: 'begin' | 'end', scope?: DbScope): Promise<{ rows: R[]; affectedRows?: number }> {
    if (this.#closing) throw new Error('PGlite is closed');
    try {
      const message = { conn, sql, params, ...(txn ? { txn } : {}), ...(scope ? { scope: [scope.role, scope.tenantId] as [string, string] } : {}) };
      const result = await this.#send(message);
      if (txn === 'begin') this.#transaction = conn;
      return result as { rows: R[]; affectedRows?: number };
    } finally {
      if (txn === 'end' && this.#transaction === conn) this.#transaction = null;
    }
  }

  async release(conn: number): Promise<void> {
    if (this.#transaction === conn) this.#transaction = null;
    if (this.#closing || this.#stopped) return;
    await this.#send({ conn, release: true });
  }

  /** Whether a transaction holds the engine or a statement is in flight. */
  get busy(): boolean {
    return this.#transaction !== null || this.#pending.size > 0;
  }

  /**
   * PGlite's gzipped tarball of the data folder, taken when no transaction is open and
   * before any later statement runs (pglite-worker.mjs).
   */
  async dumpDataDir(): Promise<Uint8Array> {
    if (this.#closing) throw new Error('PGlite is closed');
    const result = (await this.#send({ dump: true })) as { dump: Uint8Array };
    return result.dump;
  }

  /** Closes the database (PGlite writes its files) and ends the thread. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      try {
        await this.#send({ close: true });
      } finally {
        await this.#worker.terminate();
      }
    })();
    return this.#closing;
  }
}
