import { Agent, request } from 'node:http';

export interface RawRequest {
  method: string;
  /** Sent exactly as given: bad percent-encoding, `..` and bytes above 0x7f reach the server unchanged. */
  path: string;
  headers?: readonly (readonly [string, string])[];
  body?: string | Buffer;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

const agent = new Agent({ keepAlive: true, maxSockets: 4 });

/**
 * One HTTP/1.1 request through node:http, whose client leaves the path alone (fetch would normalise
 * it). Header values must be what HTTP allows on the wire (tab, 0x20-0x7e, 0x80-0xff).
 */
export function send(base: string, raw: RawRequest): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const outgoing = request({ agent, hostname, port, method: raw.method, path: raw.path }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, text: Buffer.concat(chunks).toString('utf8') }));
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    for (const [name, value] of raw.headers ?? []) outgoing.appendHeader(name, value);
    if (raw.body !== undefined) outgoing.setHeader('content-length', Buffer.byteLength(raw.body));
    outgoing.end(raw.body);
  });
}

/** Characters an HTTP header value may carry on the wire; anything else is replaced by `?`. */
export const headerSafe = (text: string) =>
  Buffer.from(text, 'utf8')
    .toString('latin1')
    .replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');

export function closeConnections(): void {
  agent.destroy();
}
