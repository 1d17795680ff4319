import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hasScope } from '../auth/api-keys.ts';
import type { CallerGate } from '../protection/caller-gate.ts';
import type { PantauMetrics } from './metrics.ts';

function refuse(response: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

async function sendScrape(response: ServerResponse, metrics: PantauMetrics): Promise<void> {
  const body = await metrics.registry.metrics();
  response.writeHead(200, { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' });
  response.end(body);
}

/**
 * `/metrics` on the API's own port: only for a key with the `admin` scope. The counts say how the
 * service is used (which operations, how often refused), which is not for anonymous callers.
 */
export async function serveMetrics(request: IncomingMessage, response: ServerResponse, metrics: PantauMetrics | null, gate: CallerGate): Promise<void> {
  request.resume();
  if (!metrics) return refuse(response, 404, 'NOT_FOUND', 'Metrics are switched off on this server (PANTAU_METRICS=0)');
  const { admission, wait } = await gate.admit(request);
  if (wait > 0) return refuse(response, 429, 'RATE_LIMITED', `Too many requests: try again in ${wait} s`, { 'retry-after': String(wait) });
  if (admission.refusal) return refuse(response, 401, 'UNAUTHENTICATED', admission.refusal, { 'www-authenticate': 'Bearer' });
  if (admission.caller.kind !== 'key')
    return refuse(response, 401, 'UNAUTHENTICATED', 'Metrics need an API key with the admin scope: send Authorization: Bearer <key>', { 'www-authenticate': 'Bearer' });
  if (!hasScope(admission.caller, 'ADMIN')) return refuse(response, 403, 'FORBIDDEN', `The key "${admission.caller.name}" lacks the admin scope that metrics need`);
  return sendScrape(response, metrics);
}

/**
 * The metrics on a port of their own (`PANTAU_METRICS_PORT`), for a Prometheus that scrapes without a
 * key. Bound to `PANTAU_METRICS_HOST` (loopback unless set): whoever reaches that port may read them.
 */
export async function listenForScrapes(metrics: PantauMetrics, port: number, host: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    request.resume();
    if ((request.url ?? '').split('?')[0] !== '/metrics') return refuse(response, 404, 'NOT_FOUND', 'This port serves /metrics only');
    void sendScrape(response, metrics);
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return { server, url: `http://${host}:${(server.address() as AddressInfo).port}/metrics` };
}
