import type { Database } from '@pantau/prisma';
import { publishedOnly, visibleObservationsSql } from '../visibility/observations.ts';
import { html, httpUrlOrNull, type SafeHtml } from './html.ts';

const MAX_FIGURES = 200;

/**
 * The first figures that cite source `$1`, as its own source or as a corroboration. The page is
 * public and cached as such, so it shows published figures only. Each half reads an index in
 * period order and stops at the limit (`observation_source_id_published_period_start_id_idx`,
 * `observation_corroboration_source_id_idx`); one `OR` across the two tables would scan every
 * observation instead.
 */
export const sourceFiguresSql = `SELECT id FROM (
  (SELECT o.id, o.period_start FROM observation o
   WHERE o.source_id = $1 AND ${visibleObservationsSql(publishedOnly, 'o')}
   ORDER BY o.period_start, o.id LIMIT ${MAX_FIGURES})
  UNION
  (SELECT o.id, o.period_start FROM observation_corroboration c JOIN observation o ON o.id = c.observation_id
   WHERE c.source_id = $1 AND ${visibleObservationsSql(publishedOnly, 'o')}
   ORDER BY o.period_start, o.id LIMIT ${MAX_FIGURES})
) figures
ORDER BY period_start, id LIMIT ${MAX_FIGURES}`;

/**
 * `/sources/<key>`: one source as a page, with the figures that cite it, so a reader who follows a
 * widget's source line lands on what the number rests on. Null when the key is unknown.
 */
export async function renderSourcePage(database: Database, key: string): Promise<SafeHtml | null> {
  // No key is longer or holds control characters; such a path is simply not a source.
  if (key.length > 96 || [...key].some((char) => char < ' ')) return null;
  const source = await database.prisma.source.findUnique({ where: { key } });
  if (!source) return null;
  const ids = await database.prisma.$queryRawUnsafe<{ id: number }[]>(sourceFiguresSql, source.id);
  const figures = await database.prisma.observation.findMany({
    where: { id: { in: ids.map((row) => row.id) } },
    include: { metric: true, office: true, region: true },
    orderBy: [{ periodStart: 'asc' }, { id: 'asc' }],
  });
  const url = httpUrlOrNull(source.url);
  const date = source.publishedOn?.toISOString().slice(0, 10) ?? '';
  return html`<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${source.title} · Pantau</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/demo/page.css">
</head>
<body>
<main class="page">
<p><a href="/">Pantau</a> › Sumber / Source</p>
<h1>${source.title}</h1>
<dl>
  <dt>Penerbit / Publisher</dt><dd>${source.publisher}</dd>
  ${date ? html`<dt>Tanggal / Date</dt><dd><time datetime="${date}">${date}</time></dd>` : ''}
  ${source.author ? html`<dt>Penulis / Author</dt><dd>${source.author}</dd>` : ''}
  <dt>Jenis / Kind</dt><dd>${source.kind}</dd>
  ${url ? html`<dt>Alamat / URL</dt><dd><a href="${url}" rel="noopener noreferrer">${url}</a></dd>` : source.url ? html`<dt>Alamat / URL</dt><dd>${source.url}</dd>` : ''}
  ${source.documentRef ? html`<dt>Arsip / Archived copy</dt><dd><code>${source.documentRef}</code></dd>` : ''}
  ${source.licence ? html`<dt>Lisensi / Licence</dt><dd>${source.licence}</dd>` : ''}
</dl>
<h2>Klaim / Claim</h2>
<p lang="id">${source.claimId}</p>
<p lang="en">${source.claimEn}</p>
<h2>Angka yang bersumber dari sini / Figures citing this source</h2>
${figures.length === 0
  ? html`<p>—</p>`
  : html`<table>
<thead><tr><th scope="col">Indikator / Metric</th><th scope="col">Nilai / Value</th><th scope="col">Periode / Period</th><th scope="col">Kantor atau wilayah / Office or region</th></tr></thead>
<tbody>${figures.map(
      (o) => html`<tr><td>${o.metric.nameId} / ${o.metric.nameEn}</td><td class="num">${o.isLowerBound ? '> ' : ''}${o.value.toString()}</td><td>${o.periodStart.toISOString().slice(0, 10)} – ${o.periodEnd.toISOString().slice(0, 10)}</td><td>${o.office?.nameId ?? o.region?.name ?? ''}</td></tr>`,
    )}</tbody>
</table>`}
</main>
</body>
</html>
`;
}
