import type { Database } from '@pantau/prisma';

/**
 * The partner villages of a map as one column per field, built by PostgreSQL as JSON text, so that
 * 20,000 points never become 20,000 GraphQL objects. Values that repeat (regencies, provinces,
 * offices, coordinates, sources) are stored once in a dictionary and referred to by index.
 */
export interface VillageMapColumns {
  count: number;
  villageCodes: string[];
  villageNames: string[];
  /** Index into `regencies` per point. */
  regency: number[];
  regencies: { codes: string[]; names: string[]; province: number[] };
  provinces: { codes: string[]; names: string[] };
  /** Index into `offices` per point. */
  office: number[];
  offices: { codes: string[]; namesId: string[]; namesEn: string[] };
  designatedOn: (string | null)[];
  pimpasaCounts: number[];
  /** Index into `places` per point: where it is drawn, and whose coordinates those are. */
  place: number[];
  places: { latitudes: number[]; longitudes: number[]; precision: ('VILLAGE' | 'REGENCY' | 'PROVINCE')[] };
  synthetic: boolean[];
  /** Index into the map's `sources` per point. */
  source: number[];
  sourceIds: number[];
}

/** One statement: the points of `provinceCode` (or all), ordered by village code, with their dictionaries. */
export async function queryVillageMapColumns(database: Database, provinceCode: string | null, includeSynthetic: boolean): Promise<VillageMapColumns> {
  const [row] = await database.prisma.$queryRawUnsafe<{ columns: string }[]>(
    `WITH p AS (
       SELECT v.code, v.name, v.regency_code, v.province_code, pv.office_id, pv.designated_on, pv.pimpasa_count, pv.synthetic, pv.source_id,
              trim_scale(coalesce(v.latitude, r.latitude, pr.latitude)) AS latitude, trim_scale(coalesce(v.longitude, r.longitude, pr.longitude)) AS longitude,
              CASE WHEN v.latitude IS NOT NULL THEN 'VILLAGE' WHEN r.latitude IS NOT NULL THEN 'REGENCY' ELSE 'PROVINCE' END AS precision
       FROM partner_village pv
       JOIN region v ON v.code = pv.region_code
       LEFT JOIN region r ON r.code = v.regency_code
       JOIN region pr ON pr.code = v.province_code
       WHERE ($1::text IS NULL OR v.province_code = $1) AND ($2::boolean OR NOT pv.synthetic)
     ),
     provinces AS (SELECT province_code AS code, row_number() OVER (ORDER BY province_code) - 1 AS i FROM (SELECT DISTINCT province_code FROM p) x),
     regencies AS (SELECT regency_code AS code, province_code, row_number() OVER (ORDER BY regency_code) - 1 AS i FROM (SELECT DISTINCT regency_code, province_code FROM p) x),
     offices AS (SELECT office_id AS id, row_number() OVER (ORDER BY office_id) - 1 AS i FROM (SELECT DISTINCT office_id FROM p) x),
     places AS (SELECT latitude, longitude, precision, row_number() OVER (ORDER BY latitude, longitude, precision) - 1 AS i FROM (SELECT DISTINCT latitude, longitude, precision FROM p) x),
     sources AS (SELECT source_id AS id, row_number() OVER (ORDER BY source_id) - 1 AS i FROM (SELECT DISTINCT source_id FROM p) x),
     points AS (
       SELECT p.*, rg.i AS regency_index, o.i AS office_index, pl.i AS place_index, s.i AS source_index
       FROM p
       JOIN regencies rg ON rg.code = p.regency_code
       JOIN offices o ON o.id = p.office_id
       JOIN places pl ON pl.latitude = p.latitude AND pl.longitude = p.longitude AND pl.precision = p.precision
       JOIN sources s ON s.id = p.source_id
     )
     SELECT json_build_object(
       'count', (SELECT count(*) FROM points),
       'villageCodes', (SELECT coalesce(json_agg(code ORDER BY code), '[]') FROM points),
       'villageNames', (SELECT coalesce(json_agg(name ORDER BY code), '[]') FROM points),
       'regency', (SELECT coalesce(json_agg(regency_index ORDER BY code), '[]') FROM points),
       'regencies', (SELECT json_build_object('codes', coalesce(json_agg(rg.code ORDER BY rg.i), '[]'), 'names', coalesce(json_agg(reg.name ORDER BY rg.i), '[]'),
                                              'province', coalesce(json_agg(pv.i ORDER BY rg.i), '[]'))
                     FROM regencies rg JOIN region reg ON reg.code = rg.code JOIN provinces pv ON pv.code = rg.province_code),
       'provinces', (SELECT json_build_object('codes', coalesce(json_agg(pv.code ORDER BY pv.i), '[]'), 'names', coalesce(json_agg(reg.name ORDER BY pv.i), '[]'))
                     FROM provinces pv JOIN region reg ON reg.code = pv.code),
       'office', (SELECT coalesce(json_agg(office_index ORDER BY code), '[]') FROM points),
       'offices', (SELECT json_build_object('codes', coalesce(json_agg(off.code ORDER BY o.i), '[]'), 'namesId', coalesce(json_agg(off.name_id ORDER BY o.i), '[]'),
                                            'namesEn', coalesce(json_agg(off.name_en ORDER BY o.i), '[]'))
                   FROM offices o JOIN office off ON off.id = o.id),
       'designatedOn', (SELECT coalesce(json_agg(designated_on ORDER BY code), '[]') FROM points),
       'pimpasaCounts', (SELECT coalesce(json_agg(pimpasa_count ORDER BY code), '[]') FROM points),
       'place', (SELECT coalesce(json_agg(place_index ORDER BY code), '[]') FROM points),
       'places', (SELECT json_build_object('latitudes', coalesce(json_agg(latitude ORDER BY i), '[]'), 'longitudes', coalesce(json_agg(longitude ORDER BY i), '[]'),
                                           'precision', coalesce(json_agg(precision ORDER BY i), '[]'))
                  FROM places),
       'synthetic', (SELECT coalesce(json_agg(synthetic ORDER BY code), '[]') FROM points),
       'source', (SELECT coalesce(json_agg(source_index ORDER BY code), '[]') FROM points),
       'sourceIds', (SELECT coalesce(json_agg(id ORDER BY i), '[]') FROM sources)
     )::text AS columns`,
    provinceCode,
    includeSynthetic,
  );
  return JSON.parse(row?.columns ?? '{}') as VillageMapColumns;
}
