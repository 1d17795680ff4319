// The references Pantau is measured against: node:http sending Pantau's bytes (the ceiling of a
// cached answer), hand-written SQL behind node:http (the floor of a computed one), and Pantau's own
// server answering `{ __typename }` (the bare-Yoga ceiling of a computed one).
import { createServer, type Server } from 'node:http';
import type autocannon from 'autocannon';
import type pg from 'pg';

export interface Reference {
  url: string;
  close: () => void;
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`)));
}

/** `node:http` sending the bytes Pantau answers with, nothing else. */
export async function bytesCeiling(body: Buffer): Promise<Reference> {
  const server = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.length }).end(body));
  return { url: await listen(server), close: () => server.close() };
}

/** Hand-written SQL through `pg` behind `node:http`, answering JSON. */
export async function sqlFloor(pool: pg.Pool, queries: { sql: string; params: unknown[] }[]): Promise<Reference> {
  const server = createServer((_request, response) => {
    Promise.all(queries.map((q) => pool.query(q.sql, q.params)))
      .then((results) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(results.map((r) => r.rows))))
      .catch((error: unknown) => response.writeHead(500).end(String(error)));
  });
  return { url: await listen(server), close: () => server.close() };
}

/** `{ __typename }` through Pantau's own server: parsing, validation, plugins and execution, no database. */
export const bareYoga = (base: string): autocannon.Options => ({
  url: `${base}/graphql`,
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ query: '{ __typename }' }),
});
