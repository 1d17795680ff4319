import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { createPantauYoga } from '../yoga.ts';
import { QueryQueue } from './query-queue.ts';

/** Lets the event loop run until `ready()` holds: no clock involved. */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((resolve) => setImmediate(resolve));
}

describe.each(testDatabaseKinds)('the query queue on %s', (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
  });
  afterAll(() => database?.close());

  it('runs executions one at a time in the order they came, and answers 503 with Retry-After once the line is full', async () => {
    const queue = new QueryQueue({ concurrency: 1, maxWaiting: 3 });
    const yoga = createPantauYoga(database, { queue, log: { error: () => undefined } });
    const ask = (metric: string) =>
      Promise.resolve(
        yoga.fetch('http://pantau.test/graphql', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: `{ metricSeries(metric: "${metric}") { metric { key } total { value } } }` }),
        }),
      );
    // The test holds the only turn, so every request has to wait in line behind it.
    const releaseTestTurn = await (queue.enter() ?? Promise.reject(new Error('an empty queue refused a turn')));
    const finished: string[] = [];
    const metrics = ['passports_issued', 'blood_donors', 'coconut_seedlings'];
    const answers: Promise<Response>[] = [];
    for (const metric of metrics) {
      const answer = ask(metric);
      void answer.then(() => finished.push(metric));
      answers.push(answer);
      await until(() => queue.waiting === answers.length);
    }
    const refused = await ask('sembako_packages');
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(((await refused.json()) as { errors: { message: string; extensions: { code: string } }[] }).errors[0]).toMatchObject({
      message: 'The server is busy: 3 requests are already waiting; try again in 1 s',
      extensions: { code: 'BUSY' },
    });
    expect(finished).toEqual([]);
    releaseTestTurn?.();
    const bodies = await Promise.all(
      answers.map(async (answer) => ((await (await answer).json()) as { data: { metricSeries: { metric: { key: string } } } }).data.metricSeries.metric.key),
    );
    expect(bodies).toEqual(metrics);
    expect(finished).toEqual(metrics);
    expect([queue.running, queue.waiting]).toEqual([0, 0]);
  });

  it('lets a request whose client went away leave the line without running', async () => {
    const queue = new QueryQueue({ concurrency: 1, maxWaiting: 10 });
    const yoga = createPantauYoga(database, { queue, log: { error: () => undefined } });
    const releaseTestTurn = await (queue.enter() ?? Promise.reject(new Error('an empty queue refused a turn')));
    const client = new AbortController();
    const abandoned = Promise.resolve(
      yoga.fetch('http://pantau.test/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ metricSeries(metric: "passports_issued") { total { value } } }' }),
        signal: client.signal,
      }),
    ).catch((error: unknown) => error);
    await until(() => queue.waiting === 1);
    client.abort();
    await until(() => queue.waiting === 0);
    // The line is empty again and the turn held by the test is the only one taken.
    expect(queue.running).toBe(1);
    releaseTestTurn?.();
    await abandoned;
    expect([queue.running, queue.waiting]).toEqual([0, 0]);
  });
});
