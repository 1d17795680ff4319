import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, prepareDatabase, testDatabaseKinds, type TestDatabase } from '@pantau/prisma';
import { serveInProcess } from './serve-in-process.ts';
import { sourceFiguresSql } from './source-page.ts';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

function planNodes(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(planNodes)];
}

const text = (markup: string) =>
  markup
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] ?? '')
    .trim();

/** The rows of the figures table, as text: metric, breakdown, value, period, office or region. */
const figureRows = (page: string) =>
  [...(/<tbody>(.*?)<\/tbody>/s.exec(page)?.[1] ?? '').matchAll(/<tr>(.*?)<\/tr>/gs)].map((row) =>
    [...(row[1] ?? '').matchAll(/<td[^>]*>(.*?)<\/td>/gs)].map((cell) => text(cell[1] ?? '')),
  );

/** The page's definition list as [term, description] pairs. */
const facts = (page: string) => [...page.matchAll(/<dt>(.*?)<\/dt><dd>(.*?)<\/dd>/gs)].map((m) => [text(m[1] ?? ''), text(m[2] ?? '')]);

describe.each(testDatabaseKinds)('source pages on %s', (kind) => {
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof serveInProcess>>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await prepareDatabase(database);
    server = await serveInProcess(database);
  });
  afterAll(async () => {
    await server?.close();
    await database?.close();
  });

  it('lists the figures a source states itself and those it corroborates, in period order, in the page’s language', async () => {
    const own = await (await fetch(`${server.url}/sources/antara-20260126-ntt-passports-2025`)).text();
    expect(figureRows(own)).toEqual([
      ['Paspor diterbitkan', 'Paspor biasa', '7.150 dokumen perjalanan', '2025', 'Kantor Wilayah Direktorat Jenderal Imigrasi Nusa Tenggara Timur'],
      ['Paspor diterbitkan', 'Paspor elektronik', '14.213 dokumen perjalanan', '2025', 'Kantor Wilayah Direktorat Jenderal Imigrasi Nusa Tenggara Timur'],
    ]);
    const english = await (await fetch(`${server.url}/sources/antara-20260126-ntt-passports-2025?lang=en`)).text();
    expect(figureRows(english)).toEqual([
      ['Passports issued', 'Ordinary passport', '7,150 travel documents', '2025', 'East Nusa Tenggara Regional Office of Immigration'],
      ['Passports issued', 'Electronic passport', '14,213 travel documents', '2025', 'East Nusa Tenggara Regional Office of Immigration'],
    ]);
    const corroborating = await (await fetch(`${server.url}/sources/pastime-20260120-hbi76-ditjenpas`)).text();
    expect(figureRows(corroborating).map((row) => [row[2], row[3]])).toEqual([
      ['20.000 bibit', '20 Januari 2026'],
      ['5.000 paket', '20 Januari 2026'],
    ]);
    const donors = await (await fetch(`${server.url}/sources/antara-20260120-hbi76-blood-donors?lang=en`)).text();
    expect(figureRows(donors).map((row) => [row[2], row[3]])).toEqual([['more than 500 people', '20 January 2026']]);
  });

  it('names publisher, title, author and dateline, and states the claim in both languages, pointing at nothing the reader does not have', async () => {
    const key = 'antara-20260126-ntt-passports-2025';
    const indonesian = await (await fetch(`${server.url}/sources/${key}`)).text();
    expect(indonesian).toContain('<html lang="id">');
    expect(text(/<h1>(.*?)<\/h1>/.exec(indonesian)?.[1] ?? '')).toBe('Imigrasi NTT memperkuat integritas dan layanan keimigrasian');
    // 26 January 2026 was a Monday; the article's dateline reads "Kupang, NTT (ANTARA)" and "Senin".
    expect(facts(indonesian)).toEqual([
      ['Penerbit', 'ANTARA'],
      ['Penulis', 'Yoseph Boli Bataona'],
      ['Tempat dan tanggal', 'Kupang, Senin, 26 Januari 2026'],
      ['Jenis', 'Artikel berita'],
      ['Alamat web', 'Tidak ada alamat web yang tercatat: cari artikel ini menurut penerbit, judul dan tanggalnya.'],
    ]);
    expect(indonesian).toContain('<p class="claim">Sepanjang 2025 Kanwil Ditjenim NTT menerbitkan 7.150 paspor biasa dan 14.213 paspor elektronik');
    expect(indonesian).toContain('Dalam bahasa Inggris: <span lang="en">In 2025 the NTT regional immigration office issued 7,150 ordinary');
    expect(indonesian).toContain(`href="/sources/${key}?lang=en"`);
    const english = await (await fetch(`${server.url}/sources/${key}?lang=en`)).text();
    expect(english).toContain('<html lang="en">');
    expect(facts(english)).toEqual([
      ['Publisher', 'ANTARA'],
      ['Author', 'Yoseph Boli Bataona'],
      ['Dateline', 'Kupang, Monday, 26 January 2026'],
      ['Kind', 'News article'],
      ['Web address', 'No web address on record: find the article by its publisher, title and date.'],
    ]);
    expect(english).toContain('<p class="claim">In 2025 the NTT regional immigration office issued');
    expect(english).toContain('In Bahasa Indonesia: <span lang="id">Sepanjang 2025');
    for (const page of [indonesian, english]) {
      expect(page).not.toContain('shared/seeds');
      expect(page).not.toMatch(/<a href="(?!\/)/);
    }
    // A dataset with a web address links it, and gives no dateline.
    const dataset = await (await fetch(`${server.url}/sources/idn-area-data-4.0.1?lang=en`)).text();
    expect(facts(dataset)).toContainEqual(['Web address', 'https://www.npmjs.com/package/idn-area-data']);
    expect(dataset).toContain('<a href="https://www.npmjs.com/package/idn-area-data" rel="noopener noreferrer">');
    expect(facts(dataset).map(([term]) => term)).not.toContain('Dateline');
  });

  it('answers a missing or unknown key with a 404 page to browsers and JSON to other clients; an unknown language with 400', async () => {
    for (const path of ['/sources/', '/sources', '/sources/no-such-source']) {
      const browser = await fetch(`${server.url}${path}`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
      expect(browser.status).toBe(404);
      expect(browser.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(browser.headers.get('content-security-policy')).toContain("script-src 'self'");
      const page = await browser.text();
      expect(text(/<h1>(.*?)<\/h1>/.exec(page)?.[1] ?? '')).toBe('Sumber tidak ditemukan');
      const script = await fetch(`${server.url}${path}`);
      expect(script.status).toBe(404);
      expect(((await script.json()) as { error: string }).error).toMatch(path === '/sources/no-such-source' ? /^No source with key no-such-source$/ : /needs a key/);
    }
    const english = await (await fetch(`${server.url}/sources/?lang=en`, { headers: { accept: 'text/html' } })).text();
    expect(english).toContain('<h1>Source not found</h1>');
    const wrongLanguage = await fetch(`${server.url}/sources/antara-20260126-ntt-passports-2025?lang=fr`);
    expect(wrongLanguage.status).toBe(400);
    expect(((await wrongLanguage.json()) as { error: string }).error).toBe('lang must be id (Bahasa Indonesia, the default) or en (English); got "fr"');
  });

  it('sends a referrer policy and a permissions policy with every HTML page, GraphiQL included', async () => {
    const pages = [
      await fetch(`${server.url}/sources/antara-20260126-ntt-passports-2025`),
      await fetch(`${server.url}/`),
      await fetch(`${server.url}/widgets/`),
      await fetch(`${server.url}/graphql`, { headers: { accept: 'text/html' } }),
    ];
    for (const page of pages) {
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      expect(page.headers.get('referrer-policy')).toBe('no-referrer');
      const permissions = page.headers.get('permissions-policy') ?? '';
      for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) expect(permissions).toContain(`${feature}=()`);
      expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(await pages[3]?.text()).toContain('Pantau GraphQL');
    // Every page, GraphiQL included, has the strict CSP.
    for (const page of pages) expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('reads the figures of a source through indexes, never scanning every observation', async () => {
    // Enough rows for the planner to prefer an index where one serves: 30,000 figures of one source,
    // each corroborated by a second source and one in a thousand by a third. (Only the seed writes
    // corroborations; no real source corroborates every figure.)
    const [big, filler, corroborating] = await Promise.all(
      ['bulk-figures', 'bulk-filler', 'bulk-corroborations'].map((key) =>
        database.prisma.source.create({ data: { key, kind: 'DATASET', publisher: 'Test', title: key, claimId: key, claimEn: key } }),
      ),
    );
    if (!big || !filler || !corroborating) throw new Error('sources not created');
    const metric = await database.prisma.metric.findUniqueOrThrow({ where: { key: 'tppo_prevention_activities' } });
    // The 20 figures of a day are told apart by place (one figure per natural key): none for the first, then a region each.
    await database.prisma.$executeRawUnsafe(
      `WITH numbered AS (SELECT code, row_number() OVER (ORDER BY code) AS n FROM region)
       INSERT INTO observation (metric_id, value, period_start, period_end, source_id, synthetic, published, region_code)
       SELECT $1, g, date '2020-01-01' + (g % 1500), date '2020-01-01' + (g % 1500), $2, true, g % 10 <> 0, numbered.code
       FROM generate_series(1, 30000) g LEFT JOIN numbered ON numbered.n = g / 1500`,
      metric.id,
      big.id,
    );
    await database.prisma.$executeRawUnsafe(
      `INSERT INTO observation_corroboration (observation_id, source_id) SELECT id, $1 FROM observation WHERE source_id = $2`,
      filler.id,
      big.id,
    );
    await database.prisma.$executeRawUnsafe(
      `INSERT INTO observation_corroboration (observation_id, source_id) SELECT id, $1 FROM observation WHERE source_id = $2 AND id % 1000 = 0`,
      corroborating.id,
      big.id,
    );
    await database.prisma.$executeRawUnsafe('ANALYZE observation');
    await database.prisma.$executeRawUnsafe('ANALYZE observation_corroboration');
    const article = await database.prisma.source.findUniqueOrThrow({ where: { key: 'pastime-20260120-hbi76-ditjenpas' } });
    for (const source of [article, big, corroborating]) {
      const [row] = await database.prisma.$queryRawUnsafe<{ 'QUERY PLAN': [{ Plan: PlanNode }] | string }[]>(`EXPLAIN (FORMAT JSON) ${sourceFiguresSql}`, source.id);
      const plan = row?.['QUERY PLAN'];
      const nodes = planNodes((typeof plan === 'string' ? (JSON.parse(plan) as [{ Plan: PlanNode }]) : (plan ?? []))[0]?.Plan ?? { 'Node Type': 'none' });
      const scans = nodes.filter((node) => node['Relation Name']).map((node) => `${node['Node Type']} ${node['Relation Name']} ${node['Index Name'] ?? ''}`.trim());
      expect(scans.filter((scan) => scan.startsWith('Seq Scan'))).toEqual([]);
      expect(nodes.map((node) => node['Index Name'])).toEqual(expect.arrayContaining(['observation_source_id_published_period_start_id_idx']));
      if (source !== big) expect(nodes.map((node) => node['Index Name'])).toEqual(expect.arrayContaining(['observation_corroboration_source_id_idx']));
    }
    // The page of the big source shows its first 200 published figures, in period order. Day d after
    // 1 January 2020 (d = g % 1500) holds the 20 figures g = d, d + 1500, ..., and g % 10 = d % 10, so
    // days 0 and 10 are wholly in the unpublished tenth: the page shows 2 to 10 and 12 January, 20 each.
    const page = await (await fetch(`${server.url}/sources/bulk-figures`)).text();
    const rows = figureRows(page);
    expect(rows.map((row) => row[3])).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 12].flatMap((day) => Array<string>(20).fill(`${day} Januari 2020`)));
    expect(rows[0]).toEqual(['Kegiatan pencegahan TPPO/TPPM', '', '1 kegiatan (data sintetis)', '2 Januari 2020', '']);
    expect(rows[1]?.[2]).toBe('1.501 kegiatan (data sintetis)');
    expect(page).toContain('Ditampilkan 200 angka pertama, menurut periode.');
  });
});
