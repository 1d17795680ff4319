import type { Unit } from '@pantau/prisma/client';

/** Units as words, in Bahasa Indonesia and English. */
const unitLabels: Record<Unit, { ID: string; EN: string }> = {
  PACKAGE: { ID: 'paket', EN: 'packages' },
  SEEDLING: { ID: 'bibit', EN: 'seedlings' },
  PERSON: { ID: 'orang', EN: 'people' },
  DOCUMENT: { ID: 'dokumen', EN: 'documents' },
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
