// The plugin platform on a fresh copy of the repository: a county vendor's plugin installed
// from a tarball (the fixture plugin, packed with `pnpm pack`), and a plugin generated with
// `pnpm create-plugin demo --name 演示`. Each is one line in the install list plus its
// dependency; with no other edit, both pass the checks, the server runs them and the console
// shows their pages, navigation and slots. The copy is built and started, then removed.
import { readFileSync, realpathSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { install } from './generate.js';
import { makeTempCopy, mustRun, page, signIn, startServerIn, type StartedServer, type TempCopy } from './temp-copy.js';

const FIXTURE = 'packages/test-utils/fixtures/plugins/notes';
/** Milliseconds each step took, by step. */
const timings: Record<string, number> = {};
/** Generating a plugin and running its typecheck, lint and tests (issue 30: under two minutes on a quiet machine). */
const GENERATE_AND_TEST_TARGET_SECONDS = 120;

async function timed<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  try {
    return await fn();
  } finally {
    timings[label] = performance.now() - t0;
  }
}

/** A tRPC call over HTTP as the signed-in user (JSON, from the console's origin). */
async function call(baseUrl: string, cookie: string, procedure: string, input: unknown): Promise<any> {
  const res = await fetch(`${baseUrl}/trpc/${procedure}`, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as { result?: { data: unknown }; error?: unknown };
  if (!body.result) throw new Error(`${procedure} failed: ${JSON.stringify(body.error)}`);
  return body.result.data;
}

describe('the plugin platform on a fresh copy', () => {
  let copy: TempCopy;

  beforeAll(async () => {
    copy = await timed('copy and install', () => makeTempCopy());
    // A vendor's plugin: packed into a tarball, then installed by path like any package.
    await timed('pack and install the tarball', async () => {
      const vendor = path.join(copy.root, 'vendor');
      await mkdir(vendor);
      await mustRun('pnpm', ['pack', '--pack-destination', vendor], { cwd: path.join(copy.root, FIXTURE) });
      const { version } = JSON.parse(await readFile(path.join(copy.root, FIXTURE, 'package.json'), 'utf8')) as { version: string };
      install(copy.root, '@zhengfa/plugin-notes', `file:../../vendor/zhengfa-plugin-notes-${version}.tgz`);
      await mustRun('pnpm', ['install', '--prefer-offline', '--no-frozen-lockfile'], { cwd: copy.root });
    });
    await timed('create-plugin', () => mustRun('pnpm', ['create-plugin', 'demo', '--name', '演示'], { cwd: copy.root }));
  });

  afterAll(async () => {
    await copy?.remove();
    console.info(`platform test timings (s): ${JSON.stringify(Object.fromEntries(Object.entries(timings).map(([k, ms]) => [k, Math.round(ms / 1000)])))}`);
  });

  it('installs the vendor plugin from its tarball, not from the workspace folder it was packed from', () => {
    const resolved = realpathSync(path.join(copy.root, 'apps/server/node_modules/@zhengfa/plugin-notes'));
    const { version } = JSON.parse(readFileSync(path.join(copy.root, FIXTURE, 'package.json'), 'utf8')) as { version: string };
    expect(resolved.startsWith(path.join(realpathSync(copy.root), `node_modules/.pnpm/@zhengfa+plugin-notes@file+vendor+zhengfa-plugin-notes-${version}.tgz`))).toBe(true);
  });

  it('names both plugins in the install list after the ones there, each once', () => {
    const list = (JSON.parse(readFileSync(path.join(copy.root, 'apps/server/plugins.json'), 'utf8')) as { plugins: string[] }).plugins;
    expect(list.slice(-2)).toEqual(['@zhengfa/plugin-notes', '@zhengfa/plugin-demo']);
  });

  it('generates a plugin that typechecks, lints and passes its own tests', async () => {
    await timed('demo typecheck, lint, test', () =>
      mustRun('pnpm', ['turbo', 'run', 'typecheck', 'lint', 'test', '--filter=@zhengfa/plugin-demo', '--output-logs=errors-only'], { cwd: copy.root }),
    );
    // `pnpm create-plugin` (which writes the plugin and links it with `pnpm install`), then its
    // checks. The time is a figure to read, not an assertion (timings belong in benchmarks, and
    // a shared CI machine's load decides it): the target is under two minutes on a quiet machine.
    const seconds = (timings['create-plugin']! + timings['demo typecheck, lint, test']!) / 1000;
    const verdict = seconds < GENERATE_AND_TEST_TARGET_SECONDS ? 'within' : 'OVER';
    console.log(
      `generate and check: ${seconds.toFixed(1)} s (create-plugin ${(timings['create-plugin']! / 1000).toFixed(1)} s, checks ${(timings['demo typecheck, lint, test']! / 1000).toFixed(1)} s), ${verdict} the ${GENERATE_AND_TEST_TARGET_SECONDS} s target; load average ${loadavg()[0]!.toFixed(1)}`,
    );
  });

  it('keeps the server, the console and the install list in agreement', async () => {
    await timed('install-list test', () => mustRun('pnpm', ['exec', 'vitest', 'run', 'src/install-list.test.ts'], { cwd: path.join(copy.root, 'tooling/plugin-tools') }));
  });

  describe('built and started', () => {
    let server: StartedServer | undefined;
    let cookie: string;

    beforeAll(async () => {
      await timed('console build', () => mustRun('pnpm', ['--filter', '@zhengfa/admin', 'build'], { cwd: copy.root }));
      server = await timed('server start', () => startServerIn(copy.root));
      cookie = await signIn(server.baseUrl, 'supervisor');
    });

    afterAll(async () => {
      await server?.stop();
    });

    it("runs the tarball plugin's procedures", async () => {
      await call(server!.baseUrl, cookie, 'notes.notes.add', { body: '来自压缩包的插件' });
      expect(await fetch(`${server!.baseUrl}/trpc/notes.notes.list`, { headers: { cookie } }).then((r) => r.json())).toMatchObject({ result: { data: [{ id: 1, body: '来自压缩包的插件' }] } });
    });

    it("shows the generated plugin's navigation entry and workbench card, and its page", async () => {
      const home = await page(server!.baseUrl, cookie, '/');
      expect(home.html).toContain('href="/demo">演示</a>');
      expect(home.html).toContain('data-testid="dashboard-card-demo-items"');
      const demo = await page(server!.baseUrl, cookie, '/demo');
      expect(demo.status).toBe(200);
      expect(demo.html).toContain('data-testid="demo-page"');
    });

    it("shows the tarball plugin's page with what it holds", async () => {
      const notes = await page(server!.baseUrl, cookie, '/notes');
      expect(notes.status).toBe(200);
      expect(notes.html).toContain('data-testid="notes-page"');
      expect(notes.html).toContain('来自压缩包的插件');
    });

    it("shows the tarball plugin's panel on the case page of its own case kind only", async () => {
      const kase = (await call(server!.baseUrl, cookie, 'notes.notes.registerCase', { title: '便签事项一' })) as { id: string; docNo: string };
      const own = await page(server!.baseUrl, cookie, `/cases/${kase.id}`);
      expect(own.html).toContain('data-testid="case-panel-notes-notes"');
      const other = (await call(server!.baseUrl, cookie, 'cases.register', { title: '领导批示督办事项', summary: '', source: 'leader_instruction', urgency: 'normal', isKey: false, parties: [] })) as { id: string };
      const kernelCase = await page(server!.baseUrl, cookie, `/cases/${other.id}`);
      expect(kernelCase.status).toBe(200);
      expect(kernelCase.html).not.toContain('data-testid="case-panel-notes-notes"');
    });
  });
});
