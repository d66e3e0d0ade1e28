// A Vite plugin for the console's browser build: beside every compressible asset it writes a
// gzip and a brotli copy, which the server sends to browsers that accept them
// (apps/server/src/app.ts, serveStatic `precompressed`). The browser build is about 2.6 MB
// as written; compressed once here, it costs the server nothing per request.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|mjs|css|svg|json|txt)$/;
/** Below this a compressed copy saves less than its own request headers. */
const MIN_BYTES = 1024;

export function precompressAssets(): Plugin {
  let ssr = false;
  return {
    name: 'zhengfa:precompress-assets',
    apply: 'build',
    configResolved(config) {
      ssr = Boolean(config.build.ssr);
    },
    writeBundle(options, bundle) {
      if (ssr || !options.dir) return;
      for (const [fileName, output] of Object.entries(bundle)) {
        if (!COMPRESSIBLE.test(fileName)) continue;
        const source = Buffer.from(output.type === 'chunk' ? output.code : output.source);
        if (source.byteLength < MIN_BYTES) continue;
        const file = path.join(options.dir, fileName);
        writeFileSync(`${file}.gz`, gzipSync(source, { level: 9 }));
        writeFileSync(`${file}.br`, brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.byteLength } }));
      }
    },
  };
}
