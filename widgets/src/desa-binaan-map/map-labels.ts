import { lookupIn, type LabelTable } from '@pantau/schema/words';

/** Labels only the map shows, in both languages (the shared ones are in core/i18n.ts, a shaded map's in @pantau/schema/choropleth). */
export const mapLabels = {
  legend: { id: 'Legenda peta', en: 'Map legend' },
  villagePoint: { id: 'Desa Binaan (lokasi desa)', en: 'Partner village (village location)' },
  sharedPlace: { id: 'Beberapa Desa Binaan di satu titik (angka = jumlah desa)', en: 'Several partner villages at one place (number = villages)' },
  place: { id: 'Lokasi', en: 'Place' },
  more: { id: 'lainnya', en: 'more' },
  backToNational: { id: 'Kembali ke peta nasional', en: 'Back to the national map' },
  regionsGroup: {
    id: 'Wilayah di peta: Tab untuk masuk, panah untuk berpindah, Enter untuk memperbesar',
    en: 'Regions on the map: Tab to enter, arrow keys to move, Enter to zoom in',
  },
  regencyGroup: { id: 'Kabupaten/kota di peta: panah untuk berpindah', en: 'Regencies on the map: arrow keys to move' },
  pointsGroup: { id: 'Desa Binaan di peta: panah untuk berpindah', en: 'Partner villages on the map: arrow keys to move' },
  mapCredit: { id: 'Batas wilayah: wilayah_boundaries oleh Cahya DSN (Lisensi MIT)', en: 'Boundaries: wilayah_boundaries by Cahya DSN (MIT License)' },
} as const satisfies LabelTable;

export type MapLabelKey = keyof typeof mapLabels;

export const mapT = lookupIn(mapLabels);
