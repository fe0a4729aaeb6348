import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const rootDir = path.resolve(webDir, '..');

/**
 * Shared with the root vitest config so that web tests resolve the same aliases as the build.
 * `@dkfds` points into the package's dist folder because dkfds' "exports" map only exposes its JS; the CSS
 * references its fonts and icons relatively, so Vite bundles them and the page makes no external requests.
 */
export const webAliases = {
  '@contracts': path.resolve(rootDir, 'server/src/contracts'),
  '@dkfds': path.resolve(rootDir, 'node_modules/dkfds/dist'),
};

/**
 * recharts and the dependencies only it uses. A group takes in the dependencies of its modules too, so
 * use-sync-external-store, which react-i18next needs on the first page, is claimed by the react group first.
 */
const CHARTS_MODULES =
  /node_modules[\\/](recharts|@reduxjs|redux|redux-thunk|react-redux|reselect|immer|victory-vendor|d3-[a-z-]+|internmap|decimal\.js-light|es-toolkit|eventemitter3|tiny-invariant|clsx|react-is)[\\/]/;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/**
 * Writes `<file>.br` (brotli at its best, quality 11) and `<file>.gz` beside every script, style sheet and SVG in
 * assets/. Compressing that hard takes about a second per file, too slow for each request but cheap once per
 * build; the server sends these files when the browser accepts them (server/src/lib/serve-web.ts) and
 * compresses everything else on the fly at a lower level.
 */
function precompressAssets(): Plugin {
  return {
    name: 'precompress-assets',
    apply: 'build',
    async writeBundle(options, bundle) {
      const outDir = options.dir ?? path.resolve(rootDir, 'dist/web');
      const files = Object.keys(bundle).filter((f) => f.startsWith('assets/') && /\.(js|css|svg)$/.test(f));
      await Promise.all(
        files.map(async (f) => {
          const file = path.join(outDir, f);
          const content = await fs.readFile(file);
          if (content.length < 1024) return;
          const params = { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: content.length };
          await fs.writeFile(`${file}.br`, await brotli(content, { params }));
          await fs.writeFile(`${file}.gz`, await gzip(content, { level: 9 }));
        }),
      );
    },
  };
}

export default defineConfig({
  root: webDir,
  plugins: [react(), precompressAssets()],
  resolve: { alias: webAliases },
  build: {
    outDir: path.resolve(rootDir, 'dist/web'),
    emptyOutDir: true,
    // Source maps would publish the full source with its comments; the server refuses *.map files as well.
    sourcemap: false,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across deployments. The charts
        // library and what only it uses form a chunk of their own, loaded by the pages that draw charts; a module
        // listed there that the first page needed would pull the whole chunk in (test/e2e/payload.spec.ts checks).
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router|use-sync-external-store)[\\/]/, priority: 3 },
            { name: 'charts', test: CHARTS_MODULES, priority: 2 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: { host: '127.0.0.1', port: 4173 },
});
