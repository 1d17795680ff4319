import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startTracing } from '@pantau/server/observability/tracing';

// The SDK starts before anything loads `pg`, as in main.ts: everything else is imported after it.
const exporter = new InMemorySpanExporter();
const tracing = await startTracing([new SimpleSpanProcessor(exporter)]);
const { createTestDatabase, prepareDatabase, testDatabaseKinds } = await import('@pantau/prisma');
const { listenForTest } = await import('@pantau/server/testing');

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const idOf = (span: ReadableSpan) => span.spanContext().spanId;

/** True when `ancestor` is `span`'s parent, or its parent's parent, and so on. */
function descendsFrom(span: ReadableSpan, ancestor: ReadableSpan, spans: ReadableSpan[]): boolean {
  for (let parent = parentOf(span); parent; parent = spans.find((s) => idOf(s) === parent)?.parentSpanContext?.spanId) {
    if (parent === idOf(ancestor)) return true;
  }
  return false;
}

afterAll(() => tracing.shutdown());

describe.each(testDatabaseKinds)('the spans of one request on %s', (kind) => {
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let server: Awaited<ReturnType<typeof listenForTest>>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    server = await listenForTest(database, { observability: { tracing: true } });
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('nests the GraphQL operation under the HTTP span, its resolver under the operation, and the SQL under the resolver', async () => {
    exporter.reset();
    const answer = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query CampaignForTrace { campaign(slug: "hbi-76-2026") { slug } }' }),
    });
    expect(await answer.json()).toEqual({ data: { campaign: { slug: 'hbi-76-2026' } } });
    // The HTTP span ends when the server has finished the answer, just after the client has read it.
    for (let i = 0; i < 200 && !exporter.getFinishedSpans().some((span) => span.name === 'POST /graphql'); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));

    const spans = exporter.getFinishedSpans();
    const http = spans.find((span) => span.name === 'POST /graphql');
    expect(http?.attributes).toMatchObject({ 'http.request.method': 'POST', 'http.route': '/graphql', 'http.response.status_code': 200 });
    expect(http && parentOf(http)).toBeUndefined();
    const operation = spans.find((span) => span.name === 'query.CampaignForTrace');
    expect(operation && parentOf(operation)).toBe(http && idOf(http));
    const resolver = spans.find((span) => span.name === 'Query.campaign');
    expect(resolver && parentOf(resolver)).toBe(operation && idOf(operation));

    // PostgreSQL: the pg instrumentation's spans. PGlite runs in this process, so no driver sees its
    // statements: Pantau makes one `pglite.query` span for each statement the Prisma client sends.
    const sql = spans.filter((span) => (kind === 'postgresql' ? span.name.startsWith('pg.query') : span.name === 'pglite.query'));
    expect(sql.length).toBeGreaterThanOrEqual(1);
    for (const statement of sql) {
      expect(statement.spanContext().traceId).toBe(http?.spanContext().traceId);
      expect(resolver && descendsFrom(statement, resolver, spans)).toBe(true);
    }
    if (kind === 'postgresql') expect(sql.map((span) => span.attributes['db.statement'] ?? span.attributes['db.query.text']).join('\n')).toMatch(/FROM "public"\."campaign"/);
  });
});
