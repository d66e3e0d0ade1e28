import { vitePlugin as remix } from '@remix-run/dev';
import { defineConfig } from 'vite';
import { consolePlugins, definePluginRoutes, zhengfaPlugins } from './plugin-registry.js';
import { precompressAssets } from './precompress-assets.js';

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
        // The installed plugins' pages, from their route manifests (apps/server/plugins.json
        // names the plugins; no file-name magic).
        routes: async (defineRoutes) => definePluginRoutes(defineRoutes, consolePlugins()),
      }),
      // `virtual:zhengfa/plugins`: the installed plugins' console modules (navigation, slots).
      zhengfaPlugins(),
      precompressAssets(),
    ],
    resolve: {
      // Plugins' pages live outside this folder (in the workspace, or installed from a registry
      // or a tarball under apps/server): one React, one router, one antd, one kit for all,
      // resolved from here whatever the plugin's own folder holds.
      dedupe: ['react', 'react-dom', '@remix-run/react', 'antd', '@ant-design/icons', 'dayjs', 'echarts', '@zhengfa/ui', '@zhengfa/plugin-api'],
    },
    ssr: {
      // Bundle the UI libraries into the server build: antd and its rc-* parts mix ESM and
      // CommonJS in ways Node cannot import directly, and pnpm keeps their own
      // dependencies out of reach of build/server/index.js. The kit, the console contract and
      // the plugins' console entries (imported by path from virtual:zhengfa/plugins) are
      // TypeScript and are bundled too.
      noExternal: [/^antd(\/|$)/, /^@ant-design\//, /^rc-/, /^@rc-component\//, /^dayjs(\/|$)/, /^@zhengfa\/ui$/, /^@zhengfa\/plugin-api\/admin$/],
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
