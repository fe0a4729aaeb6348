import fs from 'node:fs';
import path from 'node:path';
import compressionMiddleware from 'compression';
import express, { type Express, type RequestHandler } from 'express';
import { notFound } from './errors.js';
import { pageMethodNotAllowed } from './http.js';

/** Hashed file names change with their content, so a browser may keep them for a year without asking again. */
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** The page that names the current hashed files: always asked again (a 304 when unchanged), so a deployment shows at once. */
export const PAGE_CACHE_CONTROL = 'no-cache';

/**
 * gzip or brotli (Node 20 has both; the client's Accept-Encoding chooses) for everything above 1 KB, except:
 * server-sent events, which must reach the browser token by token (a compressor holds bytes back until its
 * block is full), and partial answers to a Range request, whose byte ranges refer to the uncompressed file.
 */
export function compression(): RequestHandler {
  return compressionMiddleware({
    filter: (req, res) => {
      const type = String(res.getHeader('Content-Type') ?? '');
      if (type.startsWith('text/event-stream')) return false;
      if (res.getHeader('Content-Range') !== undefined) return false;
      return compressionMiddleware.filter(req, res);
    },
  });
}

/**
 * Source maps give out the full source with its comments; they are not built by default (web/vite.config.ts),
 * and one left in the folder by a development build is still not served. Checked on the decoded path, as the
 * static middleware decodes it too.
 */
const refuseSourceMaps: RequestHandler = (req, _res, next) => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(req.path);
  } catch {
    // Malformed escapes: the static middleware answers those in the one error shape.
    return next();
  }
  next(/\.map$/i.test(decoded) ? notFound() : undefined);
};

/** How much the client wants an encoding (its q value, 0 when refused or not named). */
function acceptQuality(header: string | undefined, encoding: string): number {
  let wildcard = 0;
  for (const part of (header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) || 0 : 1;
    if (name === encoding) return q;
    if (name === '*') wildcard = q;
  }
  return wildcard;
}

/**
 * The build writes `<asset>.br` and `<asset>.gz` at the highest levels (web/vite.config.ts); those are sent when
 * the browser accepts them, brotli first. Anything else (no such file, a Range request) goes on to the static
 * middleware and, from there, to compression on the fly.
 */
function precompressedAssets(assetsDir: string): RequestHandler {
  const root = path.resolve(assetsDir);
  return (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || req.headers.range) return next();
    let file: string;
    try {
      file = path.resolve(root, `.${decodeURIComponent(req.path)}`);
    } catch {
      return next();
    }
    // Only files directly in assets/: anything that climbs out or contains NUL is left to the static middleware.
    if (path.dirname(file) !== root || file.includes('\0')) return next();
    const accept = req.headers['accept-encoding'];
    const encoding = (['br', 'gzip'] as const).find((e) => acceptQuality(accept, e) > 0);
    res.vary('Accept-Encoding');
    if (!encoding) return next();
    const encoded = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
    fs.stat(encoded, (err, stat) => {
      if (err || !stat.isFile()) return next();
      res.setHeader('Content-Encoding', encoding);
      res.setHeader('Cache-Control', ASSET_CACHE_CONTROL);
      res.type(path.extname(file));
      res.sendFile(encoded, (sendErr) => {
        if (sendErr && !res.headersSent) {
          res.removeHeader('Content-Encoding');
          next(sendErr);
        }
      });
    });
  };
}

/** The built single-page app on the same port; every non-API GET falls back to index.html. */
export function serveWeb(app: Express, dist: string): void {
  const index = path.join(dist, 'index.html');
  const noCache = (res: express.Response) => res.setHeader('Cache-Control', PAGE_CACHE_CONTROL);
  app.use(pageMethodNotAllowed);
  app.use(refuseSourceMaps);
  // A missing asset is 404 (fallthrough: false), never the app's index page: a stale script tag must fail visibly.
  app.use('/assets', precompressedAssets(path.join(dist, 'assets')));
  app.use(
    '/assets',
    express.static(path.join(dist, 'assets'), {
      fallthrough: false,
      setHeaders: (res) => res.setHeader('Cache-Control', ASSET_CACHE_CONTROL),
    }),
  );
  app.use(
    express.static(dist, {
      index: false,
      // Files outside assets/ keep their names across builds (index.html asked for by name, a favicon).
      setHeaders: (res) => noCache(res),
    }),
  );
  app.get('/{*splat}', (_req, res) => {
    if (fs.existsSync(index)) {
      noCache(res);
      res.sendFile(index);
    } else {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send('Webappen er ikke bygget endnu. Kør "npm run build" (eller "npm start", som bygger den), og genindlæs siden.');
    }
  });
}
