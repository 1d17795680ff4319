import { lookupIn, type LabelTable } from '../words/label-table.ts';

/** The words of a shaded map: its figures, the regions they are counted over, and "no data". */
export const choroplethLabels = {
  colorByPartnerVillages: { id: 'Desa Binaan', en: 'Partner villages' },
  colorByCoverageRatio: { id: 'Cakupan desa (Desa Binaan ÷ jumlah desa)', en: 'Village coverage (partner villages ÷ villages)' },
  colorByPimpasaOfficers: { id: 'Petugas Pimpasa', en: 'Pimpasa officers' },
  colorByTppoActivities: { id: 'Kegiatan pencegahan TPPO', en: 'TPPO prevention activities' },
  perProvince: { id: 'per provinsi', en: 'by province' },
  perRegency: { id: 'per kabupaten/kota', en: 'by regency/city' },
  shadedBy: { id: 'Diwarnai menurut', en: 'Shaded by' },
  noData: { id: 'Tidak ada data', en: 'No data' },
} as const satisfies LabelTable;

export type ChoroplethLabelKey = keyof typeof choroplethLabels;

export const choroplethT = lookupIn(choroplethLabels);
