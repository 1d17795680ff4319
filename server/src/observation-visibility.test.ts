import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@pantau/prisma';
import { globalId, nodeQuery, secretActivities, secretPassports, secretsOnPage, unpublishedSecrets } from './testing/unpublished-secrets.ts';

describe.each(testDatabaseKinds)('unpublished observations are hidden from the public on %s', (kind) => {
  const { post, get, publicAnswers, keys, database, before, secretIds, missingId } = unpublishedSecrets(kind);

  it('answers node(id:) for an unpublished figure exactly as for an id that does not exist', async () => {
    for (const caller of [undefined, keys.writer]) {
      for (const secretId of secretIds()) {
        const secret = await post(nodeQuery, { id: globalId('Observation', secretId) }, caller);
        const missing = await post(nodeQuery, { id: globalId('Observation', missingId()) }, caller);
        expect(secret.text).toBe('{"data":{"node":null}}');
        expect({ status: secret.status, contentType: secret.contentType, text: secret.text }).toEqual({
          status: missing.status,
          contentType: missing.contentType,
          text: missing.text,
        });
      }
    }
    // Ids that cannot be rows are missing too, not errors.
    for (const id of ['0', '-1', 'abc', '1.5', '99999999999', ' 1']) expect((await post(nodeQuery, { id: globalId('Observation', id) })).text).toBe('{"data":{"node":null}}');
  });

  it('leaves unpublished figures out of nodes(ids:) walked over every sequential id', async () => {
    const ids = Array.from({ length: missingId() + 2 }, (_, i) => i + 1);
    const answer = await post(`query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Observation { value } } }`, { ids: ids.map((id) => globalId('Observation', id)) });
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    const published = new Set((await database().prisma.observation.findMany({ where: { published: true }, select: { id: true } })).map((o) => o.id));
    expect(answer.body.data.nodes.map((n: { id: string } | null) => n?.id ?? null)).toEqual(ids.map((id) => (published.has(id) ? globalId('Observation', id) : null)));
    expect(answer.text).not.toContain(secretPassports);
    expect(answer.text).not.toContain(secretActivities);
  });

  it('leaves them out of every list and nested field, and refuses includeUnpublished without the scope', async () => {
    const list = await post(`{ observations(first: 500, filter: { includeSynthetic: true }) { totalCount edges { node { id value } } } }`);
    expect(list.body.data.observations.totalCount).toBe(await database().prisma.observation.count({ where: { published: true } }));
    const nested = await post(
      `{ offices(first: 500, filter: { includeSynthetic: true }) { edges { node { observations(limit: 500, includeSynthetic: true) { value published } } } } }`,
    );
    expect(nested.body.errors).toBeUndefined();
    for (const answer of [list, nested]) {
      expect(answer.text).not.toContain(secretPassports);
      expect(answer.text).not.toContain(secretActivities);
    }
    for (const caller of [undefined, keys.writer]) {
      const refusals = await Promise.all([
        post(`{ observations(first: 5, filter: { includeUnpublished: true }) { totalCount } }`, {}, caller),
        post(`{ offices(first: 5) { edges { node { observations(includeUnpublished: true) { value } } } } }`, {}, caller),
        post(`{ metricSeries(metric: "passports_issued", includeUnpublished: true) { total { value } } }`, {}, caller),
      ]);
      expect(refusals.map((r) => [r.status, r.body.errors?.[0]?.extensions?.code])).toEqual([
        [403, 'FORBIDDEN'],
        [403, 'FORBIDDEN'],
        [403, 'FORBIDDEN'],
      ]);
      expect(refusals.map((r) => r.body.errors?.[0]?.message)).toEqual([
        '`filter.includeUnpublished` needs an API key with the read:restricted scope',
        '`includeUnpublished` needs an API key with the read:restricted scope',
        '`includeUnpublished` needs an API key with the read:restricted scope',
      ]);
    }
    // The other analytics have no way to ask: the argument does not exist.
    const unknown = await post(`{ campaignTotals(slug: "hbi-76-2026", includeUnpublished: true) { metrics { value } } }`);
    expect(unknown.status).toBe(400);
  });

  it('changes no analytics answer, export or source page for the public', async () => {
    const after = await publicAnswers();
    expect(after).toEqual(before());
    const page = await get('/sources/kanwil-ntt-report-2026-02');
    expect(page.status).toBe(200);
    // The page is cached publicly, so a key does not change it either.
    expect(await get('/sources/kanwil-ntt-report-2026-02', keys.admin)).toEqual(page);
    expect(page.text).toContain('Belum ada angka terbitan yang mengutip sumber ini.');
    for (const text of [...after, page.text]) {
      expect(text).not.toContain(secretPassports);
      expect(text).not.toContain(secretActivities);
      for (const secret of secretsOnPage) expect(text).not.toContain(secret);
    }
  });
});
