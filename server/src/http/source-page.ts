import type { Database } from '@pantau/prisma';
import type { Prisma } from '@pantau/prisma/client';
import { dimensionValueLabel, unitLabel } from '../labels.ts';
import { formatDateline, formatDay, formatDecimal, formatPeriod, type Lang } from '../locale-format.ts';
import { publishedOnly, visibleObservationsSql } from '../visibility/observations.ts';
import { observationSuppression } from '../visibility/small-cells.ts';
import { html, httpUrlOrNull, type SafeHtml } from './html.ts';
import { say, sourceKindWords } from './source-page-words.ts';

const MAX_FIGURES = 200;
/** The page is public and cached as such: it reads as a caller without `read:restricted`. */
const publicReader = { readRestricted: false, admin: false };

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

type Figure = Prisma.ObservationGetPayload<{ include: { metric: true; office: true; region: true } }>;

const pick = (lang: Lang, id: string, en: string) => (lang === 'EN' ? en : id);

/** The page around a body, in one language, with a link to the same page in the other. */
export function sourcePageShell(lang: Lang, title: string, otherLanguageHref: string, body: SafeHtml): SafeHtml {
  return html`<!doctype html>
<html lang="${lang.toLowerCase()}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Pantau</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/demo/page.css">
</head>
<body>
<main class="page">
<p><a href="/">Pantau</a> › ${say('source', lang)} · <a href="${otherLanguageHref}" hreflang="${lang === 'EN' ? 'id' : 'en'}" lang="${lang === 'EN' ? 'id' : 'en'}">${say('otherLanguage', lang)}</a></p>
${body}
</main>
</body>
</html>
`;
}

function figureRow(figure: Figure, lang: Lang): SafeHtml {
  const dimensions = Object.entries((figure.dimensions ?? {}) as Record<string, string>).map(([key, value]) => dimensionValueLabel(key, value, lang));
  const hidden = observationSuppression(publicReader, figure.metric, figure.value.toString());
  const value = hidden
    ? say('suppressed', lang)
    : `${figure.isLowerBound ? `${say('moreThan', lang)} ` : ''}${formatDecimal(figure.value.toString(), lang)} ${unitLabel(figure.metric.unit, lang)}`;
  const place = figure.office ? pick(lang, figure.office.nameId, figure.office.nameEn) : (figure.region?.name ?? '');
  return html`<tr><td>${pick(lang, figure.metric.nameId, figure.metric.nameEn)}</td><td>${dimensions.join(', ')}</td><td class="num">${value}${figure.synthetic ? html` <strong>(${say('synthetic', lang)})</strong>` : ''}</td><td>${formatPeriod(figure.periodStart, figure.periodEnd, lang)}</td><td>${place}</td></tr>`;
}

/**
 * `/sources/<key>`: one source as a page in one language, with the figures that cite it, so a reader
 * who follows a widget's source line lands on what the number rests on: who published it, when and
 * where, what it states in our words, and where to find it. Null when the key is unknown.
 */
export async function renderSourcePage(database: Database, key: string, lang: Lang, otherLanguageHref: string): Promise<SafeHtml | null> {
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
  const article = source.kind === 'NEWS_ARTICLE';
  const dateline = article ? formatDateline(source.datelinePlace, source.publishedOn, lang) : null;
  const released = !article && source.publishedOn ? formatDay(source.publishedOn, lang) : null;
  const other: Lang = lang === 'EN' ? 'ID' : 'EN';
  return sourcePageShell(
    lang,
    source.title,
    otherLanguageHref,
    html`<h1>${source.title}</h1>
<dl>
  <dt>${say('publisher', lang)}</dt><dd>${source.publisher}</dd>
  ${source.author ? html`<dt>${say('author', lang)}</dt><dd>${source.author}</dd>` : ''}
  ${dateline ? html`<dt>${say('dateline', lang)}</dt><dd>${dateline}</dd>` : ''}
  ${released ? html`<dt>${say('released', lang)}</dt><dd>${released}</dd>` : ''}
  <dt>${say('kind', lang)}</dt><dd>${sourceKindWords[source.kind][lang]}</dd>
  <dt>${say('address', lang)}</dt><dd>${url ? html`<a href="${url}" rel="noopener noreferrer">${url}</a>` : say('noAddress', lang)}</dd>
  ${source.licence ? html`<dt>${say('licence', lang)}</dt><dd>${source.licence}</dd>` : ''}
</dl>
<h2>${say('claim', lang)}</h2>
<p class="claim">${pick(lang, source.claimId, source.claimEn)}</p>
<p class="claim-other">${say('claimInOther', lang)}: <span lang="${other.toLowerCase()}">${pick(other, source.claimId, source.claimEn)}</span></p>
<h2>${say('figures', lang)}</h2>
${
  figures.length === 0
    ? html`<p>${say('noFigures', lang)}</p>`
    : html`<table>
<thead><tr><th scope="col">${say('metric', lang)}</th><th scope="col">${say('breakdown', lang)}</th><th scope="col">${say('value', lang)}</th><th scope="col">${say('period', lang)}</th><th scope="col">${say('place', lang)}</th></tr></thead>
<tbody>${figures.map((figure) => figureRow(figure, lang))}</tbody>
</table>${figures.length === MAX_FIGURES ? html`<p>${say('figuresCapped', lang).replace('{n}', formatDecimal(String(MAX_FIGURES), lang))}</p>` : ''}`
}`,
  );
}
