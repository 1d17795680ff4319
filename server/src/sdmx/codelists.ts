import type { Database } from '@pantau/prisma';
import { Unit } from '@pantau/prisma/client';
import { dimensionValueLabel, unitLabel } from '../labels.ts';
import { publishedOnly, visibleObservationsSql } from '../visibility/observations.ts';
import { areaCode, codeId, metricDimension, notApplicableCode, totalCode, type Names } from './data-structure.ts';

export interface Code {
  id: string;
  names: Names;
  parent?: string;
  /** Offices and campaigns of the synthetic generator, flagged as everywhere else. */
  synthetic?: boolean;
}

export interface Codelist {
  id: string;
  names: Names;
  codes: Code[];
}

const same = (name: string): Names => ({ id: name, en: name });
const special = (all: Names): Code[] => [
  { id: totalCode, names: all },
  { id: notApplicableCode, names: { id: 'Tidak berlaku', en: 'Not applicable' } },
];

const frequencies: Code[] = [
  { id: 'A', names: { id: 'Tahunan', en: 'Annual' } },
  { id: 'Q', names: { id: 'Triwulanan', en: 'Quarterly' } },
  { id: 'M', names: { id: 'Bulanan', en: 'Monthly' } },
  { id: 'W', names: { id: 'Mingguan', en: 'Weekly' } },
  { id: 'D', names: { id: 'Harian', en: 'Daily' } },
];

const observationStatuses: Code[] = [
  { id: 'A', names: { id: 'Nilai normal', en: 'Normal value' } },
  { id: 'C', names: { id: 'Rahasia (disembunyikan untuk melindungi angka kecil)', en: 'Confidential (suppressed to protect small counts)' } },
];

const confidentialityStatuses: Code[] = [
  { id: 'F', names: { id: 'Bebas', en: 'Free' } },
  { id: 'C', names: { id: 'Rahasia: angka kecil (primer)', en: 'Confidential: a small count (primary)' } },
  {
    id: 'D',
    names: { id: 'Rahasia sekunder: disembunyikan agar angka kecil tidak dapat dihitung', en: 'Secondary confidentiality: hidden so a small count cannot be worked out' },
  },
];

/**
 * The areas an export can name: every province and regency, and the districts and villages that an
 * office or a published figure refers to (all 80,000 villages would make a file nobody reads). Each
 * code's parent is its nearest ancestor in the list.
 */
async function areaCodes(database: Database): Promise<Code[]> {
  const rows = await database.prisma.$queryRawUnsafe<{ code: string; name: string; parent_code: string | null; regency_code: string | null; province_code: string }[]>(
    `SELECT code, name, parent_code, regency_code, province_code FROM region
     WHERE level IN ('PROVINCE', 'REGENCY')
        OR code IN (SELECT region_code FROM office WHERE region_code IS NOT NULL)
        OR code IN (SELECT DISTINCT region_code FROM observation o WHERE region_code IS NOT NULL AND ${visibleObservationsSql(publishedOnly, 'o')})
     ORDER BY code`,
  );
  const listed = new Set(rows.map((row) => row.code));
  return rows.map((row) => {
    const parent = [row.parent_code, row.regency_code, row.province_code].find((code) => code && code !== row.code && listed.has(code));
    return { id: areaCode(row.code), names: same(row.name), ...(parent ? { parent: areaCode(parent) } : {}) };
  });
}

/** The values of each dimension key that published figures carry, with their words where Pantau has them. */
async function dimensionCodelists(database: Database, keys: readonly string[]): Promise<Codelist[]> {
  const rows = await database.prisma.$queryRawUnsafe<{ key: string; value: string }[]>(
    `SELECT DISTINCT d.key, d.value FROM observation o, jsonb_each_text(o.dimensions) d
     WHERE o.dimensions <> '{}'::jsonb AND ${visibleObservationsSql(publishedOnly, 'o')} ORDER BY d.key, d.value`,
  );
  return keys.map((key) => {
    const component = metricDimension(key);
    const values = rows.filter((row) => row.key === key);
    return {
      id: component.codelist,
      names: component.names,
      codes: [
        ...special({ id: 'Semua', en: 'All' }),
        ...values.map(({ value }) => ({ id: codeId(value), names: { id: dimensionValueLabel(key, value, 'ID'), en: dimensionValueLabel(key, value, 'EN') } })),
      ],
    };
  });
}

/** Every codelist the data structures use, read from the catalogue and the published figures. */
export async function loadCodelists(database: Database, dimensionKeys: readonly string[]): Promise<Codelist[]> {
  const [areas, offices, programs, campaigns, dimensions] = await Promise.all([
    areaCodes(database),
    database.prisma.office.findMany({ orderBy: { code: 'asc' }, select: { code: true, nameId: true, nameEn: true, synthetic: true } }),
    database.prisma.program.findMany({ orderBy: { key: 'asc' }, select: { key: true, nameId: true, nameEn: true } }),
    database.prisma.campaign.findMany({ orderBy: { slug: 'asc' }, select: { slug: true, nameId: true, nameEn: true, synthetic: true } }),
    dimensionCodelists(database, dimensionKeys),
  ]);
  return [
    { id: 'CL_FREQ', names: { id: 'Frekuensi', en: 'Frequency' }, codes: frequencies },
    { id: 'CL_OBS_STATUS', names: { id: 'Status observasi', en: 'Observation status' }, codes: observationStatuses },
    { id: 'CL_CONF_STATUS', names: { id: 'Status kerahasiaan', en: 'Confidentiality status' }, codes: confidentialityStatuses },
    {
      id: 'CL_AREA',
      names: { id: 'Wilayah (kode Kemendagri tanpa titik)', en: 'Areas (Kemendagri codes without dots)' },
      codes: [...special({ id: 'Indonesia (seluruh wilayah)', en: 'Indonesia (all areas)' }), ...areas],
    },
    {
      id: 'CL_OFFICE',
      names: { id: 'Kantor', en: 'Offices' },
      codes: [
        ...special({ id: 'Semua kantor', en: 'All offices' }),
        ...offices.map((o) => ({ id: codeId(o.code), names: { id: o.nameId, en: o.nameEn }, ...(o.synthetic ? { synthetic: true } : {}) })),
      ],
    },
    {
      id: 'CL_PROGRAMME',
      names: { id: 'Program', en: 'Programmes' },
      codes: [...special({ id: 'Semua program', en: 'All programmes' }), ...programs.map((p) => ({ id: codeId(p.key), names: { id: p.nameId, en: p.nameEn } }))],
    },
    {
      id: 'CL_CAMPAIGN',
      names: { id: 'Kampanye', en: 'Campaigns' },
      codes: [
        ...special({ id: 'Semua kampanye', en: 'All campaigns' }),
        ...campaigns.map((c) => ({ id: codeId(c.slug), names: { id: c.nameId, en: c.nameEn }, ...(c.synthetic ? { synthetic: true } : {}) })),
      ],
    },
    {
      id: 'CL_UNIT',
      names: { id: 'Satuan', en: 'Units' },
      codes: Object.values(Unit).map((unit) => ({ id: unit, names: { id: unitLabel(unit, 'ID'), en: unitLabel(unit, 'EN') } })),
    },
    ...dimensions,
  ];
}
