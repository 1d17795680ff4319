import type { Database } from '@pantau/prisma';

/**
 * The partner villages of a map as one column per field, built by PostgreSQL as JSON text, so that
 * 20,000 points never become 20,000 GraphQL objects. Values that repeat (regencies, provinces,
 * offices, dates, coordinates, sources) are stored once in a dictionary and referred to by index.
 */
export interface VillageMapColumns {
  count: number;
  /** Per point, the village code after its regency's code: `01.2001` for 53.71.01.2001. */
  villageCodes: string[];
  villageNames: string[];
  /** Index into `regencies` per point. */
  regency: number[];
  regencies: { codes: string[]; names: string[]; province: number[] };
  provinces: { codes: string[]; names: string[] };
  /** Index into `offices` per point. */
  office: number[];
  offices: { codes: string[]; namesId: string[]; namesEn: string[] };
  /** Per point, index into `dates` (`YYYY-MM-DD`), or null when unknown. */
  designatedOn: (number | null)[];
  dates: string[];
  pimpasaCounts: number[];
  /** Index into `places` per point: where it is drawn, and whose coordinates those are. */
  place: number[];
  places: { latitudes: number[]; longitudes: number[]; precision: ('VILLAGE' | 'REGENCY' | 'PROVINCE')[] };
  /** Per point, 1 when synthetic, else 0. */
  synthetic: (0 | 1)[];
  /** Index into the map's `sources` per point. */
  source: number[];
  sourceIds: number[];
}

/** One statement: the points of `provinceCode` (or all), ordered by village code, with their dictionaries. */
/**
 * Where a partner village is drawn: its own coordinates, else its regency's, else its provincial
 * capital's, and which of them (`precision`). `$1` is the province filter, `$2` includeSynthetic.
 */
export const placedVillages = {
  latitude: 'coalesce(v.latitude, r.latitude, pr.latitude)',
  longitude: 'coalesce(v.longitude, r.longitude, pr.longitude)',
  precision: "CASE WHEN v.latitude IS NOT NULL THEN 'VILLAGE' WHEN r.latitude IS NOT NULL THEN 'REGENCY' ELSE 'PROVINCE' END",
  from: `FROM partner_village pv
       JOIN region v ON v.code = pv.region_code
       LEFT JOIN region r ON r.code = v.regency_code
       JOIN region pr ON pr.code = v.province_code
       WHERE ($1::text IS NULL OR v.province_code = $1) AND ($2::boolean OR NOT pv.synthetic)`,
};

/** Columns as one statement built them, and the catalogue version that statement saw. */
export interface BuiltColumns {
  version: string;
  columns: VillageMapColumns;
}

export async function queryVillageMapColumns(database: Database, provinceCode: string | null, includeSynthetic: boolean): Promise<BuiltColumns> {
  const [row] = await database.prisma.$queryRawUnsafe<{ version: string; columns: string }[]>(
    `WITH p AS MATERIALIZED (
       SELECT row_number() OVER (ORDER BY v.code) AS n, v.code, v.name, v.regency_code, v.province_code, pv.office_id, pv.designated_on, pv.pimpasa_count, pv.synthetic, pv.source_id,
              trim_scale(${placedVillages.latitude}) AS latitude, trim_scale(${placedVillages.longitude}) AS longitude, ${placedVillages.precision} AS precision
       ${placedVillages.from}
     ),
     provinces AS MATERIALIZED (SELECT province_code AS code, (row_number() OVER (ORDER BY province_code) - 1)::int AS i FROM (SELECT DISTINCT province_code FROM p) x),
     regencies AS MATERIALIZED (SELECT regency_code AS code, province_code, (row_number() OVER (ORDER BY regency_code) - 1)::int AS i FROM (SELECT DISTINCT regency_code, province_code FROM p) x),
     offices AS MATERIALIZED (SELECT office_id AS id, (row_number() OVER (ORDER BY office_id) - 1)::int AS i FROM (SELECT DISTINCT office_id FROM p) x),
     places AS MATERIALIZED (SELECT latitude, longitude, precision, (row_number() OVER (ORDER BY latitude, longitude, precision) - 1)::int AS i FROM (SELECT DISTINCT latitude, longitude, precision FROM p) x),
     dates AS MATERIALIZED (SELECT designated_on AS day, (row_number() OVER (ORDER BY designated_on) - 1)::int AS i FROM (SELECT DISTINCT designated_on FROM p WHERE designated_on IS NOT NULL) x),
     sources AS MATERIALIZED (SELECT source_id AS id, (row_number() OVER (ORDER BY source_id) - 1)::int AS i FROM (SELECT DISTINCT source_id FROM p) x),
     columns AS (
       -- One pass over the points; each array sorts by the village-code rank, an integer, not by the code.
       SELECT count(*) AS count,
              array_agg(substr(p.code, 7) ORDER BY p.n) AS codes, array_agg(p.name ORDER BY p.n) AS names,
              array_agg(rg.i ORDER BY p.n) AS regency, array_agg(o.i ORDER BY p.n) AS office, array_agg(d.i ORDER BY p.n) AS designated,
              array_agg(p.pimpasa_count ORDER BY p.n) AS pimpasa, array_agg(pl.i ORDER BY p.n) AS place,
              array_agg(p.synthetic::int ORDER BY p.n) AS synthetic, array_agg(s.i ORDER BY p.n) AS source
       FROM p
       JOIN regencies rg ON rg.code = p.regency_code
       JOIN offices o ON o.id = p.office_id
       JOIN places pl ON pl.latitude = p.latitude AND pl.longitude = p.longitude AND pl.precision = p.precision
       JOIN sources s ON s.id = p.source_id
       LEFT JOIN dates d ON d.day = p.designated_on
     )
     SELECT (SELECT version::text FROM map_catalogue_version) AS version, json_build_object(
       'count', c.count,
       'villageCodes', coalesce(to_json(c.codes), '[]'),
       'villageNames', coalesce(to_json(c.names), '[]'),
       'regency', coalesce(to_json(c.regency), '[]'),
       'regencies', (SELECT json_build_object('codes', coalesce(json_agg(rg.code ORDER BY rg.i), '[]'), 'names', coalesce(json_agg(reg.name ORDER BY rg.i), '[]'),
                                              'province', coalesce(json_agg(pv.i ORDER BY rg.i), '[]'))
                     FROM regencies rg JOIN region reg ON reg.code = rg.code JOIN provinces pv ON pv.code = rg.province_code),
       'provinces', (SELECT json_build_object('codes', coalesce(json_agg(pv.code ORDER BY pv.i), '[]'), 'names', coalesce(json_agg(reg.name ORDER BY pv.i), '[]'))
                     FROM provinces pv JOIN region reg ON reg.code = pv.code),
       'office', coalesce(to_json(c.office), '[]'),
       'offices', (SELECT json_build_object('codes', coalesce(json_agg(off.code ORDER BY o.i), '[]'), 'namesId', coalesce(json_agg(off.name_id ORDER BY o.i), '[]'),
                                            'namesEn', coalesce(json_agg(off.name_en ORDER BY o.i), '[]'))
                   FROM offices o JOIN office off ON off.id = o.id),
       'designatedOn', coalesce(to_json(c.designated), '[]'),
       'dates', (SELECT coalesce(json_agg(day ORDER BY i), '[]') FROM dates),
       'pimpasaCounts', coalesce(to_json(c.pimpasa), '[]'),
       'place', coalesce(to_json(c.place), '[]'),
       'places', (SELECT json_build_object('latitudes', coalesce(json_agg(latitude ORDER BY i), '[]'), 'longitudes', coalesce(json_agg(longitude ORDER BY i), '[]'),
                                           'precision', coalesce(json_agg(precision ORDER BY i), '[]'))
                  FROM places),
       'synthetic', coalesce(to_json(c.synthetic), '[]'),
       'source', coalesce(to_json(c.source), '[]'),
       'sourceIds', (SELECT coalesce(json_agg(id ORDER BY i), '[]') FROM sources)
     )::text AS columns
     FROM columns c`,
    provinceCode,
    includeSynthetic,
  );
  if (!row) throw new Error('The map columns statement returned no row');
  return { version: row.version, columns: JSON.parse(row.columns) as VillageMapColumns };
}
