// The CLI's side of the control socket: a running server takes the embedded database's dump
// whole before it answers, which for a large database or a busy server takes longer than
// the ten seconds a ping may take; the backup waits for it instead of giving up.
import http from 'node:http';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { controlSocketPath, runningServer } from './control-socket.js';

describe('the control socket, as the backup command uses it', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zf-cs-'));
  const dump = Buffer.from('dump of the embedded database');
  let server: http.Server;
  let silent = false;
  beforeAll(async () => {
    mkdirSync(path.dirname(controlSocketPath(dataDir)), { recursive: true, mode: 0o700 });
    server = http.createServer((req, res) => {
      if (req.url === '/ping') {
        if (!silent) res.writeHead(200).end();
      }
      else if (req.url === '/database-dump') setTimeout(() => res.writeHead(200, { 'content-length': String(dump.byteLength) }).end(dump), 11_500);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(controlSocketPath(dataDir), resolve));
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('waits for a dump that the server answers only after longer than a ping may take', async () => {
    const control = await runningServer(dataDir);
    expect(control).not.toBeNull();
    expect((await control!.dump()).toString('utf8')).toBe('dump of the embedded database');
  }, 30_000);

  it('names, in Chinese, a server that does not answer its ping within ten seconds', async () => {
    silent = true;
    try {
      await expect(runningServer(dataDir)).rejects.toThrow('正在运行的服务在 10 秒内没有在控制套接字上应答，备份未完成；请查看服务日志，稍后重试');
    } finally {
      silent = false;
    }
  }, 30_000);
});
