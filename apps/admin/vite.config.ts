import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { vitePlugin as remix } from '@remix-run/dev';
import type { UNSAFE_DefineRoutesFunction as DefineRoutesFunction } from '@remix-run/dev';
import { defineConfig } from 'vite';
import { precompressAssets } from './precompress-assets.js';

const appDirectory = path.join(path.dirname(fileURLToPath(import.meta.url)), 'app');
const require = createRequire(import.meta.url);

/**
 * The route manifests of the installed plugins with console pages, listed explicitly (the
 * same plugins as app/plugins.ts). Each is a JSON file the plugin exports next to its
 * `./admin` entry: `{ routes: [{ id, path, file, layout }] }`, `file` relative to it.
 */
const pluginRouteManifests = ['@zhengfa/plugin-petitions/admin/routes'];

/** The console's layout route (app/routes/_console.tsx): signed-in pages nest under it. */
const CONSOLE_LAYOUT_ID = 'routes/_console';

interface PluginRoute {
  id: string;
  path: string;
  file: string;
  layout: 'console' | 'public';
}

function pluginRoutes(defineRoutes: DefineRoutesFunction) {
  const entries = pluginRouteManifests.flatMap((specifier) => {
    const manifestFile = require.resolve(specifier);
    const { routes } = JSON.parse(readFileSync(manifestFile, 'utf8')) as { routes: PluginRoute[] };
    return routes.map((r) => ({ ...r, file: path.relative(appDirectory, path.resolve(path.dirname(manifestFile), r.file)) }));
  });
  const manifest = defineRoutes((route) => {
    for (const r of entries) route(r.path, r.file, { id: r.id });
  });
  for (const r of entries) manifest[r.id]!.parentId = r.layout === 'console' ? CONSOLE_LAYOUT_ID : 'root';
  return manifest;
}

export default defineConfig(({ command, mode }) => {
  // A build started from a test runner inherits NODE_ENV=test, which would ship React and
  // antd in development mode (and make antd's class names differ between server and
  // browser). Production builds are production, whatever the environment says.
  const nodeEnv = command === 'build' && mode !== 'development' ? 'production' : 'development';
  if (command === 'build') process.env.NODE_ENV = nodeEnv;

  return {
    plugins: [
      remix({
        future: {
          v3_fetcherPersist: true,
          v3_relativeSplatPath: true,
          v3_throwAbortReason: true,
          v3_singleFetch: true,
          v3_lazyRouteDiscovery: true,
        },
        // Plugins' console pages, from their route manifests (explicit; no file-name magic).
        routes: async (defineRoutes) => pluginRoutes(defineRoutes),
      }),
      precompressAssets(),
    ],
    resolve: {
      // Plugins' pages live outside this folder: one React, one router, one antd for all.
      dedupe: ['react', 'react-dom', '@remix-run/react', 'antd', '@ant-design/icons', 'dayjs', 'echarts'],
    },
    ssr: {
      // Bundle the UI libraries into the server build: antd and its rc-* parts mix ESM and
      // CommonJS in ways Node cannot import directly, and pnpm keeps their own
      // dependencies out of reach of build/server/index.js. The plugins' console entries
      // are TypeScript and are bundled too.
      noExternal: [/^antd(\/|$)/, /^@ant-design\//, /^rc-/, /^@rc-component\//, /^dayjs(\/|$)/, /^@zhengfa\/ui$/, /^@zhengfa\/plugin-[a-z-]+\/admin$/],
    },
    // The libraries bundled into the server build read NODE_ENV at runtime; fix it at
    // build time so antd's class names match the browser bundle whatever the server sets.
    ...(command === 'build' ? { define: { 'process.env.NODE_ENV': JSON.stringify(nodeEnv) } } : {}),
    build: {
      // The console is an intranet app; one warning threshold that fits antd.
      chunkSizeWarningLimit: 1500,
    },
  };
});
