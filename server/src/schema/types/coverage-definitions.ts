import { builder } from '../builder.ts';
import { pick } from '../scalars.ts';

/** How each ratio is computed, in both languages: the English text also documents the fields in the schema. */
export const ratioDefinitions = {
  coverageRatio: {
    ID: 'Cakupan desa: Desa Binaan Imigrasi ÷ desa yang ada (desa dan kelurahan, dihitung dari idn-area-data), dibulatkan sampai enam angka desimal. Kosong (null) bila wilayah itu tidak memiliki desa tercatat.',
    EN: 'Village coverage: partner villages ÷ villages that exist (desa and kelurahan, counted from idn-area-data), rounded to six decimal places. Null when the region has no villages on record.',
  },
  pimpasaCoverageRatio: {
    ID: 'Cakupan Pimpasa: Desa Binaan yang memiliki sedikitnya satu Pimpasa (Petugas Imigrasi Pembina Desa) ÷ Desa Binaan, dibulatkan sampai enam angka desimal. Kosong (null) bila belum ada Desa Binaan.',
    EN: 'Pimpasa coverage: partner villages with at least one Pimpasa (Petugas Imigrasi Pembina Desa) assigned ÷ partner villages, rounded to six decimal places. Null when there are no partner villages.',
  },
} as const;

interface RatioDefinitions {
  coverageRatio: string;
  pimpasaCoverageRatio: string;
}

/** The object `TppoCoverage.definitions(lang)` answers with. */
export const CoverageDefinitions = builder.objectRef<RatioDefinitions>('CoverageDefinitions').implement({
  description: 'How each ratio is computed, for display beside the numbers.',
  fields: (d) => ({
    coverageRatio: d.exposeString('coverageRatio', { description: 'Definition of `coverageRatio`.' }),
    pimpasaCoverageRatio: d.exposeString('pimpasaCoverageRatio', { description: 'Definition of `pimpasaCoverageRatio`.' }),
  }),
});

/** Both definitions in `lang`. */
export const definitionsIn = (lang: Parameters<typeof pick>[0]): RatioDefinitions => ({
  coverageRatio: pick(lang, ratioDefinitions.coverageRatio.ID, ratioDefinitions.coverageRatio.EN),
  pimpasaCoverageRatio: pick(lang, ratioDefinitions.pimpasaCoverageRatio.ID, ratioDefinitions.pimpasaCoverageRatio.EN),
});
