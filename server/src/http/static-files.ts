import type { IncomingMessage, ServerResponse } from 'node:http';
import serveStatic from 'serve-static';

/** The policy the demo and documentation pages are served under: no inline script or style, no eval. */
export const strictContentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'self'";

/**
 * Headers of every HTML page besides its CSP: no address of ours (GraphiQL keeps the query in it)
 * reaches another site as a referrer, and no page may use the camera, location or other powerful
 * features, even if a script were injected. Only features every current browser recognises are
 * listed, so none logs a console error about the policy.
 */
export const htmlPageHeaders: Readonly<Record<string, string>> = {
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy':
    'accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), sync-xhr=(), usb=(), xr-spatial-tracking=()',
  'X-Content-Type-Options': 'nosniff',
};

/**
 * Chunks, whose names carry Vite's content hash, never change: browsers and CDNs may keep them for a
 * year. Only under `chunks/`: an entry such as `pantau-tppo-coverage.js` ends in eight letters too.
 */
const hashedFile = /[\\/]chunks[\\/][^\\/]+-[A-Za-z0-9_-]{8}\.(js|css|map)$/;

export interface StaticOptions {
  /** Cache lifetime of files without a hash in their name, in seconds. */
  maxAgeSeconds: number;
  /** Every file of this folder is immutable (a published release): cached for a year. */
  immutable?: boolean;
  /** Sent with every response from this folder. */
  headers?: Record<string, string>;
}

/**
 * Serves one folder (serve-static: ETag/304, ranges, no path traversal). Widget files are fetched as
 * module scripts from other sites, which needs CORS; they carry no credentials, so `*` is safe.
 */
export function staticFolder(root: string, options: StaticOptions) {
  const serve = serveStatic(root, {
    index: ['index.html'],
    fallthrough: true,
    redirect: true,
    setHeaders(response, path) {
      for (const [name, value] of Object.entries(options.headers ?? {})) response.setHeader(name, value);
      response.setHeader('Access-Control-Allow-Origin', '*');
      response.setHeader('X-Content-Type-Options', 'nosniff');
      if (path.endsWith('.html')) {
        response.setHeader('Content-Security-Policy', strictContentSecurityPolicy);
        for (const [name, value] of Object.entries(htmlPageHeaders)) response.setHeader(name, value);
      }
      response.setHeader(
        'Cache-Control',
        options.immutable || hashedFile.test(path)
          ? 'public, max-age=31536000, immutable'
          : `public, max-age=${options.maxAgeSeconds}, stale-while-revalidate=${options.maxAgeSeconds}`,
      );
    },
  });
  /** Resolves true when a file was sent, false when the folder has no such file. */
  return (request: IncomingMessage, response: ServerResponse): Promise<boolean> =>
    new Promise((resolve, reject) => {
      serve(request, response, (error?: unknown) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(false)));
      response.once('finish', () => resolve(true));
    });
}
