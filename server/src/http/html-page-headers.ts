import type { Plugin } from 'graphql-yoga';
import { htmlPageHeaders } from './static-files.ts';

/**
 * Adds the HTML page headers (referrer and permissions policies) to the pages Yoga renders itself,
 * GraphiQL at `/graphql`. Its CSP stays Yoga's, since GraphiQL loads its code from a CDN.
 */
export function useHtmlPageHeaders(): Plugin {
  return {
    onResponse({ response }) {
      if (!(response.headers.get('content-type') ?? '').startsWith('text/html')) return;
      for (const [name, value] of Object.entries(htmlPageHeaders)) response.headers.set(name, value);
    },
  };
}
