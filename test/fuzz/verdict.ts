import type { RawRequest, RawResponse } from './raw-http.ts';

interface GraphQLErrorShape {
  message?: unknown;
  extensions?: { code?: unknown; requestId?: unknown };
}

/**
 * What every answer to hostile input must be: anything but a 5xx, and a refusal that says why. A 4xx
 * carries a non-empty body; JSON error bodies carry non-empty messages, and the errors of `/graphql`
 * also an `extensions.code` and an `extensions.requestId`. Returns the problem, or null.
 */
export function verdict(request: RawRequest, response: RawResponse): string | null {
  if (response.status >= 500 || response.status < 100) return `answered ${response.status}: ${response.text.slice(0, 500)}`;
  if (response.status < 400 || request.method === 'HEAD') return null;
  if (!response.text.trim()) return `answered ${response.status} with an empty body`;
  if (!String(response.headers['content-type'] ?? '').includes('json')) return null;
  let body: { error?: unknown; errors?: GraphQLErrorShape[] };
  try {
    body = JSON.parse(response.text) as typeof body;
  } catch {
    return `answered ${response.status} with a JSON content type but no JSON: ${response.text.slice(0, 200)}`;
  }
  if (typeof body.error === 'string' && body.error.trim()) return null;
  if (!Array.isArray(body.errors) || body.errors.length === 0) return `answered ${response.status} without a message: ${response.text.slice(0, 200)}`;
  for (const error of body.errors) {
    if (typeof error.message !== 'string' || !error.message.trim()) return `an error without a message: ${JSON.stringify(error)}`;
    if (!request.path.startsWith('/graphql')) continue;
    if (typeof error.extensions?.code !== 'string') return `an error without extensions.code: ${JSON.stringify(error).slice(0, 300)}`;
    if (typeof error.extensions.requestId !== 'string') return `an error without extensions.requestId: ${JSON.stringify(error).slice(0, 300)}`;
  }
  return null;
}
