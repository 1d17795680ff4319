import type { Unit } from '@pantau/prisma/client';

/** Units as words, in Bahasa Indonesia and English. */
const unitLabels: Record<Unit, { ID: string; EN: string }> = {
  PACKAGE: { ID: 'paket', EN: 'packages' },
  SEEDLING: { ID: 'bibit', EN: 'seedlings' },
  PERSON: { ID: 'orang', EN: 'people' },
  DOCUMENT: { ID: 'dokumen perjalanan', EN: 'travel documents' },
  VILLAGE: { ID: 'desa', EN: 'villages' },
  OFFICER: { ID: 'petugas', EN: 'officers' },
  OFFICE: { ID: 'kantor', EN: 'offices' },
  ACTIVITY: { ID: 'kegiatan', EN: 'activities' },
  ITEM_KIND: { ID: 'jenis barang', EN: 'kinds of items' },
  PROGRAM: { ID: 'program', EN: 'programs' },
};

export function unitLabel(unit: Unit, lang: 'ID' | 'EN' | null | undefined): string {
  return unitLabels[unit][lang === 'EN' ? 'EN' : 'ID'];
}

/** Dimension values as words; a value missing here is shown as itself with spaces for underscores. */
const dimensionValueLabels: Record<string, Record<string, { ID: string; EN: string }>> = {
  passport_type: {
    ordinary: { ID: 'Paspor biasa', EN: 'Ordinary passport' },
    electronic: { ID: 'Paspor elektronik', EN: 'Electronic passport' },
  },
  variety: { genjah_hibrida: { ID: 'Kelapa genjah hibrida', EN: 'Hybrid dwarf coconut' } },
  item: {
    rice: { ID: 'Beras', EN: 'Rice' },
    sugar: { ID: 'Gula', EN: 'Sugar' },
    eggs: { ID: 'Telur', EN: 'Eggs' },
    milk: { ID: 'Susu', EN: 'Milk' },
    coffee: { ID: 'Kopi', EN: 'Coffee' },
    cooking_oil: { ID: 'Minyak goreng', EN: 'Cooking oil' },
    prison_farm_produce: { ID: 'Hasil kebun Lapas/Rutan', EN: 'Prison farm produce' },
  },
  office_type: {
    IMMIGRATION_OFFICE: { ID: 'Kantor Imigrasi', EN: 'Immigration office' },
    IMMIGRATION_DETENTION_CENTER: { ID: 'Rumah Detensi Imigrasi', EN: 'Immigration detention centre' },
  },
};

export function dimensionValueLabel(key: string, value: string, lang: 'ID' | 'EN' | null | undefined): string {
  const label = dimensionValueLabels[key]?.[value];
  return label ? label[lang === 'EN' ? 'EN' : 'ID'] : value.replaceAll('_', ' ');
}
