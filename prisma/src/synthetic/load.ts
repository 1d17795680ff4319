import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import { insertObservations } from '../bulk/observation-rows.ts';
import { withoutRowChecks } from '../bulk/without-row-checks.ts';
import type { Database } from '../database.ts';
import { offices as realOffices } from '../seed/articles.ts';
import { provinceCapitals } from '../seed/data/province-capitals.ts';
import type { SqlConnection } from '../sql-driver.ts';
import { generateSynthetic, type SyntheticInputs } from './generator.ts';
import { scales, type ScaleName } from './scales.ts';

const BATCH_SIZE = 10_000;

export interface SyntheticSummary {
  scale: ScaleName;
  seed: number;
  offices: number;
  partnerVillages: number;
  observations: number;
}

export async function loadSyntheticInputs(): Promise<SyntheticInputs> {
  const [provinces, regencies, villages] = await Promise.all([getProvinces(), getRegencies(), getVillages()]);
  const capitals = new Set(Object.values(provinceCapitals).map((capital) => capital.capitalRegencyCode));
  const realRegionalOffices = new Map<string, { immigration?: string; corrections?: string }>();
  for (const office of realOffices) {
    if (!office.regionCode) continue;
    const province = office.regionCode.slice(0, 2);
    const entry = realRegionalOffices.get(province) ?? {};
    if (office.type === 'REGIONAL_OFFICE_IMMIGRATION') entry.immigration = office.code;
    if (office.type === 'REGIONAL_OFFICE_CORRECTIONS') entry.corrections = office.code;
    realRegionalOffices.set(province, entry);
  }
  return {
    provinces: provinces.map(({ code, name }) => ({ code, name })),
    regencies: regencies.map(({ code, name }) => ({ code, name, isCapital: capitals.has(code) })),
    villages: villages.map(({ code, name, district_code }) => ({ code, name, districtCode: district_code })),
    realRegionalOffices,
  };
}

/** Removes every synthetic row; real rows and geography stay. */
export async function deleteSynthetic(connection: SqlConnection): Promise<void> {
  await connection.exec(`
    DELETE FROM observation WHERE synthetic;
    DELETE FROM partner_village WHERE synthetic;
    DELETE FROM region_priority WHERE synthetic;
    DELETE FROM campaign WHERE synthetic;
    DELETE FROM office WHERE synthetic;
    DELETE FROM source WHERE kind = 'SYNTHETIC';
  `);
}

async function idsByKey(connection: SqlConnection, table: 'office' | 'program' | 'metric', column: 'code' | 'key') {
  const rows = await connection.query<{ id: number; key: string }>(`SELECT id, ${column} AS key FROM ${table}`);
  return new Map(rows.map((row) => [row.key, row.id]));
}

function must<T>(map: ReadonlyMap<string, T>, key: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Synthetic data refers to unknown key "${key}"`);
  return value;
}

/**
 * Replaces all synthetic data with a freshly generated set, in one transaction. Every row written is
 * flagged `synthetic` and cites one SYNTHETIC source naming the scale and seed.
 */
export async function loadSynthetic(
  database: Database,
  scaleName: ScaleName,
  seed: number,
  /** Told how long each phase took: `references` (geography, offices, villages), `copy`, `rollups`. */
  onPhase: (phase: 'references' | 'copy' | 'rollups', seconds: number) => void = () => {},
): Promise<SyntheticSummary> {
  let phaseStarted = performance.now();
  const phaseDone = (phase: 'references' | 'copy' | 'rollups') => {
    onPhase(phase, (performance.now() - phaseStarted) / 1000);
    phaseStarted = performance.now();
  };
  const inputs = await loadSyntheticInputs();
  const dataset = generateSynthetic(inputs, scales[scaleName], seed);
  const districtNames = new Map((await getDistricts()).map((district) => [district.code, district.name]));
  const villageByCode = new Map(inputs.villages.map((village) => [village.code, village]));

  return database.sql.transaction(async (connection) => {
    // Millions of rows: rebuild the rollups once at the end instead of by deltas.
    await connection.query(`SELECT set_config('pantau.defer_rollup', 'on', true)`);
    await deleteSynthetic(connection);
    const [source] = await connection.query<{ id: number }>(
      `INSERT INTO source (key, kind, publisher, title, claim_id, claim_en, licence)
       VALUES ($1, 'SYNTHETIC', 'Pantau', $2, $3, $4, 'CC0-1.0') RETURNING id`,
      [
        `synthetic-${scaleName}-${seed}`,
        `Synthetic data (scale ${scaleName}, seed ${seed})`,
        'Data sintetis buatan generator Pantau untuk demo dan uji beban; bukan data kementerian.',
        'Synthetic data made by the Pantau generator for demos and load tests; not ministry data.',
      ],
    );
    const sourceId = source?.id;

    const partnerVillageCodes = dataset.partnerVillages.map((village) => village.villageCode);
    const districts = [...new Set(partnerVillageCodes.map((code) => must(villageByCode, code).districtCode))];
    await connection.query(
      `INSERT INTO region (code, level, name, parent_code, province_code, regency_code)
       SELECT code, 'DISTRICT', name, left(code, 5), left(code, 2), left(code, 5) FROM unnest($1::text[], $2::text[]) AS d(code, name)
       ON CONFLICT (code) DO NOTHING`,
      [districts, districts.map((code) => must(districtNames, code))],
    );
    await connection.query(
      `INSERT INTO region (code, level, name, parent_code, province_code, regency_code)
       SELECT code, 'VILLAGE', name, parent, left(code, 2), left(code, 5) FROM unnest($1::text[], $2::text[], $3::text[]) AS v(code, name, parent)
       ON CONFLICT (code) DO NOTHING`,
      [partnerVillageCodes, partnerVillageCodes.map((code) => must(villageByCode, code).name), partnerVillageCodes.map((code) => must(villageByCode, code).districtCode)],
    );

    // Regional offices first, so that the units' parent codes resolve in the second pass.
    const regional = dataset.offices.filter((office) => office.type.startsWith('REGIONAL_OFFICE'));
    const units = dataset.offices.filter((office) => !office.type.startsWith('REGIONAL_OFFICE'));
    for (const group of [regional, units]) {
      await connection.query(
        `INSERT INTO office (code, type, directorate, name_id, name_en, parent_id, region_code, synthetic, source_id)
         SELECT o.code, o.type::"OfficeType", o.directorate::"Directorate", o.name_id, o.name_en, p.id, o.region_code, true, $8
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
           AS o(code, type, directorate, name_id, name_en, parent_code, region_code)
         JOIN office p ON p.code = o.parent_code`,
        [
          group.map((o) => o.code),
          group.map((o) => o.type),
          group.map((o) => o.directorate),
          group.map((o) => o.nameId),
          group.map((o) => o.nameEn),
          group.map((o) => o.parentCode),
          group.map((o) => o.regionCode),
          sourceId,
        ],
      );
    }

    const officeIds = await idsByKey(connection, 'office', 'code');
    const programIds = await idsByKey(connection, 'program', 'key');
    const metricIds = await idsByKey(connection, 'metric', 'key');

    const villages = dataset.partnerVillages;
    await connection.query(
      `INSERT INTO partner_village (region_code, office_id, designated_on, pimpasa_count, synthetic, source_id)
       SELECT * , true, $5::int FROM unnest($1::text[], $2::int[], $3::date[], $4::int[])`,
      [villages.map((v) => v.villageCode), villages.map((v) => must(officeIds, v.officeCode)), villages.map((v) => v.designatedOn), villages.map((v) => v.pimpasaCount), sourceId],
    );

    if (sourceId === undefined) throw new Error('The synthetic source was not stored');
    const sourceOf = sourceId;
    phaseDone('references');
    // Foreign keys checked and indexes built once after the COPY, not row by row during it.
    const observations = await withoutRowChecks(connection, 'observation', () =>
      insertObservations(
        connection,
        (function* () {
          for (const batch of dataset.observationBatches(BATCH_SIZE)) {
            for (const o of batch) {
              yield {
                metricId: must(metricIds, o.metricKey),
                value: String(o.value),
                periodStart: o.periodStart,
                periodEnd: o.periodEnd,
                officeId: must(officeIds, o.officeCode),
                regionCode: o.regionCode,
                programId: must(programIds, o.programKey),
                campaignId: null,
                sourceId: sourceOf,
                isLowerBound: false,
                dimensions: o.dimensions,
                synthetic: true,
                published: true,
              };
            }
          }
        })(),
      ),
    );
    phaseDone('copy');
    await connection.query('SELECT refresh_all_rollups()');
    phaseDone('rollups');
    return { scale: scaleName, seed, offices: dataset.offices.length, partnerVillages: villages.length, observations };
  });
}
