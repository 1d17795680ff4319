import type { GraphQLContext } from '../../context.ts';
import type { SeriesQuery } from '../../analytics/series.ts';
import { builder } from '../builder.ts';
import { badArgument } from '../errors.ts';
import { campaignFor, dateRange, officeFor, programFor, regionCodeFilter } from '../filters.ts';
import { OfficeType } from './office.ts';

const DimensionFilter = builder.inputType('DimensionFilter', {
  description: 'Keeps only observations whose dimension `key` has `value`, or any of `values`.',
  fields: (t) => ({
    key: t.string({ required: true, description: 'Dimension key, e.g. `passport_type`.' }),
    value: t.string({ description: 'Value to keep, e.g. `electronic`.' }),
    values: t.stringList({ description: 'Values to keep, any of them, e.g. `["electronic", "ordinary"]` (instead of `value`).' }),
  }),
});

export const SeriesFilter = builder.inputType('SeriesFilter', {
  description: 'Narrows the observations of a series. A list keeps observations matching any of its items; different fields must all hold.',
  fields: (t) => ({
    regionCode: t.string({ description: 'Region code; matches the region and everything in it (offices count by their own region).' }),
    regionCodes: t.stringList({ description: 'Several region codes, any of them, e.g. `["53", "52"]` (instead of `regionCode`).' }),
    officeCode: t.string({ description: 'Office code.' }),
    officeCodes: t.stringList({ description: 'Several office codes, any of them (instead of `officeCode`).' }),
    officeTypes: t.field({ type: [OfficeType], description: 'Only figures reported by offices of these types, e.g. `[IMMIGRATION_OFFICE]`.' }),
    program: t.string({ description: 'Program key.' }),
    programs: t.stringList({ description: 'Several program keys, any of them (instead of `program`).' }),
    campaign: t.string({ description: 'Campaign slug.' }),
    from: t.field({ type: 'Date', description: 'Only periods ending on or after this day.' }),
    to: t.field({ type: 'Date', description: 'Only periods starting on or before this day.' }),
    dimensions: t.field({ type: [DimensionFilter], description: 'Dimension values to keep, e.g. passport_type = electronic.' }),
  }),
});

type FilterInput = typeof SeriesFilter.$inferInput;

function oneOf<T>(single: T | null | undefined, list: readonly T[] | null | undefined, argument: string, listName: string): T[] {
  if (single != null && list != null) throw badArgument(`${argument}.${listName}`, `Give \`${argument}.${listName}\` or its single form, not both`);
  return single != null ? [single] : [...new Set(list ?? [])];
}

/** Every item checked (unknown ones named), then the filter as the analytics read it. */
export async function seriesFilterFrom(context: GraphQLContext, f: FilterInput | null | undefined, argument = 'filter'): Promise<SeriesQuery['filter']> {
  const range = dateRange(f?.from, f?.to, argument);
  const regionCodes = oneOf(f?.regionCode, f?.regionCodes, argument, 'regionCodes');
  for (const code of regionCodes) await regionCodeFilter(context, code, `${argument}.${f?.regionCode ? 'regionCode' : 'regionCodes'}`, 'code');
  const officeCodes = oneOf(f?.officeCode, f?.officeCodes, argument, 'officeCodes');
  const programKeys = oneOf(f?.program, f?.programs, argument, 'programs');
  const officeIds = await Promise.all(officeCodes.map(async (code) => (await officeFor(context, code, `${argument}.${f?.officeCode ? 'officeCode' : 'officeCodes'}`)).id));
  const programIds = await Promise.all(programKeys.map(async (key) => (await programFor(context, key, `${argument}.${f?.program ? 'program' : 'programs'}`)).id));
  const dimensions = (f?.dimensions ?? []).map((d, i) => {
    const values = oneOf(d.value, d.values, `${argument}.dimensions[${i}]`, 'values');
    if (values.length === 0) throw badArgument(`${argument}.dimensions[${i}].value`, `\`${argument}.dimensions[${i}]\` needs a \`value\` or a non-empty \`values\``);
    return { key: d.key, values };
  });
  return {
    ...(regionCodes.length > 0 ? { regionCodes } : {}),
    ...(officeIds.length > 0 ? { officeIds } : {}),
    ...(programIds.length > 0 ? { programIds } : {}),
    ...(f?.campaign ? { campaignId: (await campaignFor(context, f.campaign, `${argument}.campaign`)).id } : {}),
    ...(f?.officeTypes ? { officeTypes: f.officeTypes } : {}),
    ...range,
    dimensions,
  };
}
