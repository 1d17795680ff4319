import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ProtectionLimits } from '../protection/limits.ts';

/**
 * Public reads from any origin with `*`, never with credentials. Only listed origins may send an
 * `Authorization` header from a browser page: everywhere else the preflight does not allow it.
 * Returns true when the request was a preflight and has been answered.
 */
export function applyCors(request: IncomingMessage, response: ServerResponse, limits: ProtectionLimits): boolean {
  const origin = request.headers.origin;
  const keyed = origin !== undefined && limits.keyedCorsOrigins.includes(origin);
  response.setHeader('Access-Control-Allow-Origin', keyed ? origin : '*');
  if (keyed) response.setHeader('Vary', 'Origin');
  if (request.method !== 'OPTIONS') return false;
  response.writeHead(204, {
    'Access-Control-Allow-Methods': 'GET, POST',
    'Access-Control-Allow-Headers': keyed ? 'content-type, authorization, x-pantau-client' : 'content-type, x-pantau-client',
    'Access-Control-Max-Age': '600',
  });
  response.end();
  return true;
}
