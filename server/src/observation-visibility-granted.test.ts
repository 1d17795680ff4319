import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@pantau/prisma';
import { globalId, nodeQuery, secretActivities, secretPassports, secretsOnPage, unpublishedSecrets } from './testing/unpublished-secrets.ts';

describe.each(testDatabaseKinds)('unpublished observations shown when granted or published, on %s', (kind) => {
  const { post, get, publicAnswers, keys, before, secretIds, firstSecret } = unpublishedSecrets(kind);

  it('shows them to read:restricted and admin keys, by id and when asked for in lists', async () => {
    for (const key of [keys.reader, keys.admin]) {
      const byId = await post(nodeQuery, { id: globalId('Observation', firstSecret()) }, key);
      expect(byId.body.data.node).toEqual({ id: globalId('Observation', firstSecret()), value: secretPassports, published: false });
      const many = await post(`query($ids: [ID!]!) { nodes(ids: $ids) { ... on Observation { value } } }`, { ids: secretIds().map((id) => globalId('Observation', id)) }, key);
      expect(many.body.data.nodes).toEqual([{ value: secretPassports }, { value: secretActivities }]);
      const list = await post(
        `{ observations(first: 10, filter: { includeUnpublished: true, from: "2026-02-01", to: "2026-02-28" }) { totalCount edges { node { value } } } }`,
        {},
        key,
      );
      expect(list.body.data.observations.edges.map((e: { node: { value: string } }) => e.node.value)).toEqual([secretPassports, secretActivities]);
      const nested = await post(
        `{ offices(first: 1, filter: { regionCode: "53", type: [REGIONAL_OFFICE_IMMIGRATION] }) { edges { node { code observations(limit: 2, includeUnpublished: true) { value } } } } }`,
        {},
        key,
      );
      expect(nested.body.data.offices.edges[0].node.observations.map((o: { value: string }) => o.value).sort()).toEqual([secretActivities, secretPassports].sort());
      const series = await post(
        `{ metricSeries(metric: "passports_issued", filter: { regionCode: "53", from: "2026-02-01", to: "2026-02-28" }, includeUnpublished: true) { total { value } } }`,
        {},
        key,
      );
      expect(series.body.data.metricSeries.total).toEqual({ value: secretPassports });
      // Without asking, lists stay public even for them.
      const unasked = await post(`{ metricSeries(metric: "passports_issued", filter: { regionCode: "53", from: "2026-02-01", to: "2026-02-28" }) { total { value } } }`, {}, key);
      expect(unasked.body.data.metricSeries.total).toBeNull();
    }
  });

  it('shows them to everyone once an admin publishes them (so the checks above can see a leak)', async () => {
    const published = await post(
      `mutation($ids: [ID!]!) { publishObservations(ids: $ids) { published } }`,
      { ids: secretIds().map((id) => globalId('Observation', id)) },
      keys.admin,
    );
    expect(published.body.data.publishObservations.published).toBe(2);
    expect((await post(nodeQuery, { id: globalId('Observation', firstSecret()) })).body.data.node.value).toBe(secretPassports);
    const after = await publicAnswers();
    const changed = after.map((text, index) => text !== before()[index]);
    // Campaign totals, both coverage levels, the passports series, the activities series, the three exports and the article's page; the map reads no observations.
    expect(changed).toEqual([true, true, true, false, true, true, true, true, true, true]);
    const page = (await get('/sources/kanwil-ntt-report-2026-02')).text;
    for (const secret of secretsOnPage) expect(page).toContain(secret);
  });
});
