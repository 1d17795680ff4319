import { getProvinces, getRegencies, getVillages } from 'idn-area-data';
import type { RegionLevel } from '../../generated/enums.ts';
import { provinceCapitals } from './data/province-capitals.ts';

export interface RegionRow {
  code: string;
  level: RegionLevel;
  name: string;
  parentCode: string | null;
  provinceCode: string;
  regencyCode: string | null;
  latitude: string | null;
  longitude: string | null;
  villageCount: number | null;
}

export const geographySource = {
  key: 'idn-area-data-4.0.1',
  kind: 'DATASET',
  publisher: 'idn-area-data (Fityan Ali Nugroho)',
  title: 'Indonesia administrative area data: provinces, regencies, districts and villages with Kemendagri codes',
  url: 'https://www.npmjs.com/package/idn-area-data',
  publishedOn: null,
  author: null,
  claimId: 'Kode Kemendagri dan nama provinsi, kabupaten/kota, kecamatan dan desa/kelurahan; jumlah desa per kabupaten/kota dihitung dari data ini.',
  claimEn: 'Kemendagri codes and names of provinces, regencies/cities, districts and villages; the number of villages per regency is counted from it.',
  licence: 'ODbL-1.0',
  documentRef: null,
} as const;

export const capitalsSource = {
  key: 'pantau-province-capitals',
  kind: 'DATASET',
  publisher: 'Pantau',
  title: 'Coordinates of the 38 provincial capitals',
  url: null,
  publishedOn: null,
  author: null,
  claimId: 'Koordinat pusat kota ibu kota provinsi (WGS84), dipakai sebagai titik provinsi dan kota ibu kotanya.',
  claimEn: 'City-centre coordinates of each provincial capital (WGS84), used as the point of the province and of its capital city.',
  licence: 'CC0-1.0',
  documentRef: null,
} as const;

/** Provinces and regencies/cities with village counts; districts and villages are added on demand. */
export async function loadGeography(): Promise<RegionRow[]> {
  const [provinces, regencies, villages] = await Promise.all([getProvinces(), getRegencies(), getVillages()]);
  const villagesPerRegency = new Map<string, number>();
  const villagesPerProvince = new Map<string, number>();
  for (const village of villages) {
    const regency = village.code.slice(0, 5);
    villagesPerRegency.set(regency, (villagesPerRegency.get(regency) ?? 0) + 1);
    const province = village.code.slice(0, 2);
    villagesPerProvince.set(province, (villagesPerProvince.get(province) ?? 0) + 1);
  }
  const capitalByRegency = new Map(Object.values(provinceCapitals).map((capital) => [capital.capitalRegencyCode, capital]));

  const rows: RegionRow[] = provinces.map((province) => {
    const capital = provinceCapitals[province.code];
    if (!capital) throw new Error(`No capital coordinates for province ${province.code} ${province.name}`);
    return {
      code: province.code,
      level: 'PROVINCE',
      name: province.name,
      parentCode: null,
      provinceCode: province.code,
      regencyCode: null,
      latitude: capital.latitude,
      longitude: capital.longitude,
      villageCount: villagesPerProvince.get(province.code) ?? 0,
    };
  });
  for (const regency of regencies) {
    const capital = capitalByRegency.get(regency.code);
    rows.push({
      code: regency.code,
      level: 'REGENCY',
      name: regency.name,
      parentCode: regency.province_code,
      provinceCode: regency.province_code,
      regencyCode: regency.code,
      latitude: capital?.latitude ?? null,
      longitude: capital?.longitude ?? null,
      villageCount: villagesPerRegency.get(regency.code) ?? 0,
    });
  }
  return rows;
}
