import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '@pantau/prisma';
import { loadCodelists } from './codelists.ts';
import { agency, conceptSchemeId, dataflowId, dataStructureId, version } from './data-structure.ts';
import {
  codelistIdsOf,
  codelistOf,
  conceptSchemeOf,
  dataflowOf,
  dataStructureOf,
  structureMediaType,
  structureMessage,
  type CatalogueMetric,
  type Lang,
} from './structure-message.ts';

const types = ['dataflow', 'datastructure', 'conceptscheme', 'codelist'] as const;
type StructureType = (typeof types)[number];
const references = ['none', 'children', 'descendants', 'all'] as const;
const latest = new Set(['~', '*', 'latest', version]);

function refuse(response: ServerResponse, status: number, message: string, extensions: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify({ errors: [{ message, extensions: { code: status === 404 ? 'NOT_FOUND' : 'BAD_USER_INPUT', ...extensions } }] }));
}

/** English when the caller prefers it to Bahasa Indonesia (the default). */
function languageOf(request: IncomingMessage): Lang {
  const ranked = (request.headers['accept-language'] ?? '').split(',').map((part) => {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const q = Number(
      params
        .find((p) => p.trim().startsWith('q='))
        ?.trim()
        .slice(2) ?? 1,
    );
    return { lang: tag.slice(0, 2), q: Number.isFinite(q) ? q : 0 };
  });
  const weight = (lang: string) => Math.max(0, ...ranked.filter((r) => r.lang === lang).map((r) => r.q));
  return weight('en') > weight('id') ? 'en' : 'id';
}

/**
 * `/sdmx/structure/{type}/{agency}/{id}/{version}` (SDMX REST 2.0 paths; omitted parts and `*` mean
 * all, `~` the latest): the dataflows, data structure definitions, concept scheme and codelists
 * that Pantau's SDMX-CSV exports follow, as an SDMX-JSON 2.0 structure message.
 * `?references=children|descendants|all` adds what the artefacts refer to.
 */
export async function serveStructure(database: Database, request: IncomingMessage, response: ServerResponse, url: URL, now: () => Date): Promise<void> {
  const [type, agencyId = '*', id = '*', asked = '~', ...extra] = url.pathname.slice('/sdmx/structure/'.length).split('/');
  if (!types.includes(type as StructureType) || extra.length > 0) {
    refuse(response, 404, `SDMX structures: /sdmx/structure/{${types.join('|')}}/${agency}/{id}/${version}`);
    return;
  }
  const reference = url.searchParams.get('references') ?? 'none';
  if (!(references as readonly string[]).includes(reference)) {
    refuse(response, 400, `The \`references\` query parameter must be one of ${references.join(', ')} (got "${reference}")`, { argument: 'references' });
    return;
  }
  const wanted = (artefactId: string) => id === '*' || id === artefactId;
  const lang = languageOf(request);
  const metrics: CatalogueMetric[] = await database.prisma.metric.findMany({ orderBy: { key: 'asc' } });
  const dimensionKeys = [...new Set(metrics.flatMap((m) => m.dimensions))].sort();
  const codelists = await loadCodelists(database, dimensionKeys);
  const flows = type === 'dataflow' ? metrics.filter((m) => wanted(dataflowId(m.key))) : [];
  const structures = type === 'datastructure' ? metrics.filter((m) => wanted(dataStructureId(m.key))) : reference === 'none' ? [] : flows;
  const deep = reference === 'descendants' || reference === 'all' || (reference === 'children' && type === 'datastructure');
  const usedLists = new Set(type === 'codelist' ? codelists.filter((c) => wanted(c.id)).map((c) => c.id) : deep ? structures.flatMap(codelistIdsOf) : []);
  const data: Record<string, unknown[]> = {};
  if (flows.length) data.dataflows = flows.map((m) => dataflowOf(m, lang));
  if (structures.length) data.dataStructures = structures.map((m) => dataStructureOf(m, lang));
  if ((type === 'conceptscheme' && wanted(conceptSchemeId)) || (deep && structures.length)) data.conceptSchemes = [conceptSchemeOf(dimensionKeys, lang)];
  if (usedLists.size) data.codelists = codelists.filter((c) => usedLists.has(c.id)).map((c) => codelistOf(c, lang));
  if ((agencyId !== '*' && agencyId !== agency) || !latest.has(asked) || Object.keys(data).length === 0) {
    refuse(response, 404, `No ${type} ${agencyId}:${id}(${asked}): see /sdmx/structure/${type}/${agency}`);
    return;
  }
  response.writeHead(200, {
    'content-type': `${structureMediaType}; charset=utf-8`,
    'content-language': lang === 'en' ? 'en, id' : 'id, en',
    'cache-control': 'public, max-age=300',
    'x-content-type-options': 'nosniff',
    vary: 'accept-language',
  });
  response.end(JSON.stringify(structureMessage(data, lang, now())));
}
