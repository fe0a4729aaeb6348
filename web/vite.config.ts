import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

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

export default defineConfig({
  root: webDir,
  plugins: [react()],
  resolve: { alias: webAliases },
  build: {
    outDir: path.resolve(rootDir, 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: separate chunks stay cached across deployments.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 2 },
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
