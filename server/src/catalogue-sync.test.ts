import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue, createTestDatabase, prepareDatabase, testDatabaseKinds, type Catalogue, type MetricDefinition, type TestDatabase } from '@pantau/prisma';
import { serveInProcess } from './http/serve-in-process.ts';

const borderChecks: MetricDefinition = {
  key: 'border_checks',
  nameId: 'Pemeriksaan lintas batas',
  nameEn: 'Border crossings checked',
  descriptionId: 'Orang yang diperiksa di tempat pemeriksaan imigrasi.',
  descriptionEn: 'People checked at immigration checkpoints.',
  unit: 'PERSON',
  timeAggregation: 'SUM',
  spaceAggregation: 'SUM',
  dimensions: [],
};

/** The shipped catalogue with `change` applied to the metric `key`. */
const withMetric = (key: string, change: (metric: MetricDefinition) => MetricDefinition | null, base: Catalogue = catalogue): Catalogue => ({
  ...base,
  metrics: base.metrics.flatMap((metric) => {
    if (metric.key !== key) return [metric];
    const changed = change(metric);
    return changed ? [changed] : [];
  }),
});

/**
 * The catalogue deploys with the code: each start of an existing database (migrations, then
 * `prepareDatabase`) brings its metrics in line, and what the API answers follows.
 */
describe.each(testDatabaseKinds)('the metric catalogue on %s', (kind) => {
  let database: TestDatabase;

  /** Starts as `start.ts` does (prepare, then serve), asks for every metric's names, and stops. */
  async function startAndReadMetrics(wanted: Catalogue) {
    const prepared = await prepareDatabase(database, { catalogue: wanted });
    const server = await serveInProcess(database);
    try {
      const answer = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ metrics(first: 50) { edges { node { key name nameEn: name(lang: EN) unit } } } }' }),
      });
      const body = (await answer.json()) as { data: { metrics: { edges: { node: { key: string; name: string; nameEn: string; unit: string } }[] } } };
      return { prepared, metrics: new Map(body.data.metrics.edges.map(({ node }) => [node.key, node])) };
    } finally {
      await server.close();
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database?.close());

  it('adds a new metric and new labels on the next start, and changes nothing on the start after', async () => {
    const first = await startAndReadMetrics(catalogue);
    expect(first.prepared.seeded).toBe(true);
    expect(first.metrics.get('passports_issued')).toEqual({ key: 'passports_issued', name: 'Paspor diterbitkan', nameEn: 'Passports issued', unit: 'DOCUMENT' });
    expect(first.metrics.has('border_checks')).toBe(false);

    const relabelled = {
      ...catalogue,
      programs: catalogue.programs.map((program) => (program.key === 'pimpasa' ? { ...program, nameEn: 'Village Immigration Officers' } : program)),
    };
    const next = withMetric('passports_issued', (metric) => ({ ...metric, nameId: 'Paspor yang diterbitkan', nameEn: 'Passports issued (all types)' }), {
      ...relabelled,
      metrics: [...catalogue.metrics, borderChecks],
    });
    const restarted = await startAndReadMetrics(next);
    expect(restarted.prepared).toMatchObject({
      seeded: false,
      catalogue: { added: ['metric border_checks'], updated: ['program pimpasa', 'metric passports_issued'], removed: [] },
    });
    expect((await database.prisma.program.findUniqueOrThrow({ where: { key: 'pimpasa' } })).nameEn).toBe('Village Immigration Officers');
    expect(restarted.metrics.get('passports_issued')).toEqual({
      key: 'passports_issued',
      name: 'Paspor yang diterbitkan',
      nameEn: 'Passports issued (all types)',
      unit: 'DOCUMENT',
    });
    expect(restarted.metrics.get('border_checks')).toEqual({ key: 'border_checks', name: 'Pemeriksaan lintas batas', nameEn: 'Border crossings checked', unit: 'PERSON' });

    const again = await startAndReadMetrics(next);
    expect(again.prepared.catalogue).toEqual({ added: [], updated: [], removed: [] });
    expect(again.metrics.size).toBe(catalogue.metrics.length + 1);
  });

  it('removes a metric no figure cites, and puts the shipped labels back', async () => {
    const back = await startAndReadMetrics(catalogue);
    expect(back.prepared.catalogue).toEqual({ added: [], updated: ['program pimpasa', 'metric passports_issued'], removed: ['metric border_checks'] });
    expect(back.metrics.has('border_checks')).toBe(false);
    expect(back.metrics.get('passports_issued')?.name).toBe('Paspor diterbitkan');
  });

  it('refuses to start without a metric or program that figures cite, or with a unit changed, naming each, and changes nothing', async () => {
    const withoutPassports = withMetric('passports_issued', () => null, { ...catalogue, metrics: [...catalogue.metrics, borderChecks] });
    const withoutPimpasa = { ...withoutPassports, programs: catalogue.programs.filter((program) => program.key !== 'pimpasa') };
    const refused = withMetric('blood_donors', (metric) => ({ ...metric, unit: 'PACKAGE', nameEn: 'Donors' }), withoutPimpasa);
    const start = prepareDatabase(database, { catalogue: refused });
    await expect(start).rejects.toThrow('The metric catalogue cannot be applied, so nothing of it was changed');
    await expect(start).rejects.toThrow(
      'metric "passports_issued" is no longer in prisma/src/seed/data/metrics.ts, but 2 figures cite it; put it back, or delete its figures first',
    );
    await expect(start).rejects.toThrow('metric "blood_donors" has 1 figure on record, so prisma/src/seed/data/metrics.ts cannot change its unit from PERSON to PACKAGE');
    // The seed's three Pimpasa figures (146 officers; 133 and 13 home units) cite the program.
    await expect(start).rejects.toThrow('program "pimpasa" is no longer in prisma/src/seed/data/programs.ts, but 3 figures and 0 campaigns cite it');
    // Nothing of the refused catalogue landed: not the new metric, not the other metric's new name.
    const after = await startAndReadMetrics(catalogue);
    expect(after.prepared.catalogue).toEqual({ added: [], updated: [], removed: [] });
    expect(after.metrics.has('border_checks')).toBe(false);
    expect(after.metrics.get('blood_donors')).toMatchObject({ nameEn: 'Blood donors', unit: 'PERSON' });
    expect(await database.prisma.program.count({ where: { key: 'pimpasa' } })).toBe(1);
  });
});
