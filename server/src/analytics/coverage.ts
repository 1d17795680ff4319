import type { Database } from '@pantau/prisma';
import { distinctSources, firstCopy, joinSourceCopies } from './source-copies.ts';

export type CoverageLevel = 'PROVINCE' | 'REGENCY' | 'COUNTRY';

/** Partner-village coverage of one region (or of the whole country), before metric figures are joined. */
export interface VillageCoverage {
  code: string;
  villages: number;
  partnerVillages: number;
  partnerVillagesWithPimpasa: number;
  coverageRatio: string | null;
  pimpasaCoverageRatio: string | null;
  isPriority: boolean;
  synthetic: boolean;
  sourceIds: number[];
}

interface CoverageRow {
  code: string;
  villages: number;
  partner_villages: number;
  with_pimpasa: number;
  coverage_ratio: string | null;
  pimpasa_ratio: string | null;
  is_priority: boolean;
  synthetic: boolean;
  source_ids: number[] | null;
}

/** Ratios are rounded to six decimal places, in SQL, so no binary fraction ever reaches the client. */
const RATIO_SCALE = 6;

const areas: Record<CoverageLevel, { level: 'PROVINCE' | 'REGENCY'; code: string; regions: string }> = {
  PROVINCE: { level: 'PROVINCE', code: 'a.code', regions: `SELECT code, village_count, province_code FROM region WHERE level = 'PROVINCE'` },
  REGENCY: { level: 'REGENCY', code: 'a.code', regions: `SELECT code, village_count, province_code FROM region WHERE level = 'REGENCY'` },
  COUNTRY: {
    level: 'PROVINCE',
    code: `'ID'`,
    regions: `SELECT 'ID'::text AS code, sum(village_count)::int AS village_count, NULL::text AS province_code FROM region WHERE level = 'PROVINCE'`,
  },
};

/**
 * Partner villages, villages, and the TPPO-prevention priority flag per region of `level`, in one
 * statement. A region counts as a priority when it or its province is one for TPPO prevention. The
 * villages are counted from `partner_village_area`, which every change of them keeps exact.
 */
export async function queryVillageCoverage(database: Database, level: CoverageLevel, provinceCode: string | null, includeSynthetic: boolean): Promise<VillageCoverage[]> {
  const area = areas[level];
  const rows = await database.prisma.$queryRawUnsafe<CoverageRow[]>(
    `WITH villages AS (
       SELECT ${area.code} AS code, (sum(a.partner_villages) FILTER (WHERE ${firstCopy('u')}))::int AS partner_villages,
              (sum(a.with_pimpasa) FILTER (WHERE ${firstCopy('u')}))::int AS with_pimpasa,
              bool_or(a.synthetic) AS synthetic, ${distinctSources('u')} AS source_ids
       FROM partner_village_area a ${joinSourceCopies('a', 'u')}
       WHERE a.level = '${area.level}' AND ($1::boolean OR NOT a.synthetic) AND ($2::text IS NULL OR a.province_code = $2)
       GROUP BY 1
     ),
     priorities AS (
       SELECT region_code, source_id, synthetic FROM region_priority
       WHERE theme::text = 'TPPO_PREVENTION' AND ($1::boolean OR NOT synthetic)
     )
     SELECT r.code, coalesce(r.village_count, 0)::int AS villages,
            coalesce(pv.partner_villages, 0) AS partner_villages, coalesce(pv.with_pimpasa, 0) AS with_pimpasa,
            round(coalesce(pv.partner_villages, 0)::numeric / nullif(r.village_count, 0), ${RATIO_SCALE})::text AS coverage_ratio,
            round(pv.with_pimpasa::numeric / nullif(pv.partner_villages, 0), ${RATIO_SCALE})::text AS pimpasa_ratio,
            pr.source_ids IS NOT NULL AS is_priority,
            coalesce(pv.synthetic, false) OR coalesce(pr.synthetic, false) AS synthetic,
            ARRAY(SELECT DISTINCT unnest(coalesce(pv.source_ids, '{}') || coalesce(pr.source_ids, '{}')) ORDER BY 1) AS source_ids
     FROM (${area.regions}) r
     LEFT JOIN villages pv ON pv.code = r.code
     LEFT JOIN LATERAL (
       SELECT array_agg(source_id) AS source_ids, bool_or(synthetic) AS synthetic FROM priorities
       WHERE priorities.region_code IN (r.code, r.province_code)
     ) pr ON true
     WHERE $2::text IS NULL OR r.province_code = $2
     ORDER BY r.code`,
    includeSynthetic,
    level === 'COUNTRY' ? null : provinceCode,
  );
  return rows.map((row) => ({
    code: row.code,
    villages: row.villages,
    partnerVillages: row.partner_villages,
    partnerVillagesWithPimpasa: row.with_pimpasa,
    coverageRatio: row.coverage_ratio,
    pimpasaCoverageRatio: row.pimpasa_ratio,
    isPriority: row.is_priority,
    synthetic: row.synthetic,
    sourceIds: row.source_ids ?? [],
  }));
}
