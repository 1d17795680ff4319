import type { Codelist } from './codelists.ts';
import {
  agency,
  conceptSchemeId,
  dataflowId,
  dataStructureId,
  dimensionsOf,
  fixedDimensions,
  measure,
  metricDimension,
  timeDimension,
  statusAttributes,
  uncodedAttributes,
  unitAttribute,
  urn,
  version,
  type CodedComponent,
  type Names,
  type UncodedComponent,
} from './data-structure.ts';

export type Lang = 'id' | 'en';

export interface CatalogueMetric {
  key: string;
  nameId: string;
  nameEn: string;
  descriptionId: string;
  descriptionEn: string;
  dimensions: readonly string[];
}

/** `name` in the asked language and `names` in both, as SDMX-JSON localises text. */
const named = (names: Names, lang: Lang) => ({ name: names[lang], names: { id: names.id, en: names.en } });
const maintained = (id: string, names: Names, lang: Lang) => ({ id, agencyID: agency, version, ...named(names, lang) });
const self = (path: string, urnOf: string) => ({ links: [{ href: `/sdmx/structure/${path}`, rel: 'self', urn: urnOf }] });

export function dataflowOf(metric: CatalogueMetric, lang: Lang) {
  const id = dataflowId(metric.key);
  return {
    ...maintained(id, { id: metric.nameId, en: metric.nameEn }, lang),
    description: lang === 'en' ? metric.descriptionEn : metric.descriptionId,
    descriptions: { id: metric.descriptionId, en: metric.descriptionEn },
    ...self(`dataflow/${agency}/${id}/${version}`, urn.dataflow(id)),
    structure: urn.dataStructure(dataStructureId(metric.key)),
  };
}

const coded = (component: CodedComponent) => ({ enumeration: urn.codelist(component.codelist) });
const uncoded = (component: UncodedComponent) => ({ format: { dataType: component.dataType } });

export function dataStructureOf(metric: CatalogueMetric, lang: Lang) {
  const id = dataStructureId(metric.key);
  return {
    ...maintained(id, { id: `Struktur data: ${metric.nameId}`, en: `Data structure: ${metric.nameEn}` }, lang),
    ...self(`datastructure/${agency}/${id}/${version}`, urn.dataStructure(id)),
    dataStructureComponents: {
      dimensionList: {
        id: 'DimensionDescriptor',
        dimensions: dimensionsOf(metric).map((dimension, position) => ({
          id: dimension.id,
          position,
          conceptIdentity: urn.concept(dimension.id),
          localRepresentation: coded(dimension),
        })),
        timeDimension: { id: timeDimension.id, conceptIdentity: urn.concept(timeDimension.id), localRepresentation: uncoded(timeDimension) },
      },
      measureList: { id: 'MeasureDescriptor', measures: [{ id: measure.id, conceptIdentity: urn.concept(measure.id), localRepresentation: uncoded(measure), usage: 'mandatory' }] },
      attributeList: {
        id: 'AttributeDescriptor',
        attributes: [
          // One unit per metric: it is the dataflow's, not each observation's.
          {
            id: unitAttribute.id,
            usage: 'mandatory',
            attributeRelationship: { dataflow: {} },
            conceptIdentity: urn.concept(unitAttribute.id),
            localRepresentation: coded(unitAttribute),
          },
          ...uncodedAttributes.map((attribute) => ({
            id: attribute.id,
            usage: attribute.id === 'SOURCE' ? 'optional' : 'mandatory',
            attributeRelationship: { observation: {} },
            conceptIdentity: urn.concept(attribute.id),
            localRepresentation: uncoded(attribute),
          })),
          ...statusAttributes.map((attribute) => ({
            id: attribute.id,
            usage: 'mandatory',
            attributeRelationship: { observation: {} },
            conceptIdentity: urn.concept(attribute.id),
            localRepresentation: coded(attribute),
          })),
        ],
      },
    },
  };
}

/** The concepts of every component of every dataflow, one scheme. */
export function conceptSchemeOf(dimensionKeys: readonly string[], lang: Lang) {
  const components = [...fixedDimensions, ...dimensionKeys.map(metricDimension), timeDimension, measure, unitAttribute, ...uncodedAttributes, ...statusAttributes];
  return {
    ...maintained(conceptSchemeId, { id: 'Konsep Pantau', en: 'Pantau concepts' }, lang),
    ...self(`conceptscheme/${agency}/${conceptSchemeId}/${version}`, `urn:sdmx:org.sdmx.infomodel.conceptscheme.ConceptScheme=${agency}:${conceptSchemeId}(${version})`),
    concepts: components.map((component) => ({ id: component.id, ...named(component.names, lang) })),
  };
}

export function codelistOf(codelist: Codelist, lang: Lang) {
  return {
    ...maintained(codelist.id, codelist.names, lang),
    ...self(`codelist/${agency}/${codelist.id}/${version}`, urn.codelist(codelist.id)),
    codes: codelist.codes.map((code) => ({
      id: code.id,
      ...named(code.names, lang),
      ...(code.parent ? { parent: code.parent } : {}),
      ...(code.synthetic
        ? { annotations: [{ type: 'SYNTHETIC', title: 'true', texts: { id: 'Data sintetis, bukan data kementerian', en: 'Synthetic data, not ministry data' } }] }
        : {}),
    })),
  };
}

/** The codelists a metric's data structure refers to. */
export function codelistIdsOf(metric: Pick<CatalogueMetric, 'dimensions'>): string[] {
  return [...dimensionsOf(metric).map((d) => d.codelist), unitAttribute.codelist, ...statusAttributes.map((a) => a.codelist)];
}

export const structureMediaType = 'application/vnd.sdmx.structure+json; version=2.0.0';

/** An SDMX-JSON 2.0 structure message (SDMX 3.0) around `data`. */
export function structureMessage(data: Record<string, unknown[]>, lang: Lang, prepared: Date) {
  return {
    meta: {
      schema: 'https://raw.githubusercontent.com/sdmx-twg/sdmx-json/v2.0.0/structure-message/tools/schemas/sdmx-json-structure-schema.json',
      id: `PANTAU-STRUCTURE-${prepared.getTime()}`,
      test: false,
      prepared: prepared.toISOString(),
      contentLanguages: lang === 'en' ? ['en', 'id'] : ['id', 'en'],
      sender: { id: agency, ...named({ id: 'Pantau, Kementerian Imigrasi dan Pemasyarakatan', en: 'Pantau, Ministry of Immigration and Corrections' }, lang) },
    },
    data,
  };
}
