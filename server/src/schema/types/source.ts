import type { Source as SourceRow } from '@pantau/prisma/client';
import { builder } from '../builder.ts';
import { inKeyOrder, parseRowId, rowIds } from '../load-by-key.ts';
import { paginate, withTotalCount } from '../pagination.ts';
import { formatDateline } from '../../locale-format.ts';
import { Lang, pick } from '../scalars.ts';
import { catalogueWrite } from '../../writes/catalogue-write.ts';
import { sourceData, sources } from '../../writes/source-rules.ts';
import { DeletePayload, idempotencyKeyDescription } from './delete-payload.ts';

export const SourceKind = builder.enumType('SourceKind', {
  description: 'What kind of document a source is.',
  values: {
    NEWS_ARTICLE: { description: 'A news article reporting the figure.' },
    DATASET: { description: 'A published dataset.' },
    SYNTHETIC: { description: 'Pantau’s synthetic-data generator (demo and load-test data, not ministry data).' },
  } as const,
});

export const Source = builder.loadableNodeRef<SourceRow | null, number, number, number, SourceRow>('Source', {
  id: { resolve: (row) => row.id, parse: parseRowId },
  load: async (keys, context) => inKeyOrder(keys, await context.database.prisma.source.findMany({ where: { id: { in: rowIds(keys) } } }), (row) => row.id),
});

Source.implement({
  description: 'Where a figure comes from: a news article or dataset, with the claim it supports in our own words.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key, e.g. `antara-20260126-ntt-passports-2025`.' }),
    kind: t.expose('kind', { type: SourceKind, description: 'Article, dataset or synthetic.' }),
    publisher: t.exposeString('publisher', { description: 'Publisher, e.g. `ANTARA`.' }),
    title: t.exposeString('title', { description: 'Headline or dataset title.' }),
    url: t.exposeString('url', { nullable: true, description: 'Web address, when known.' }),
    publishedOn: t.field({ type: 'Date', nullable: true, description: 'Date of the article’s dateline or the dataset’s release.', resolve: (s) => s.publishedOn }),
    author: t.exposeString('author', { nullable: true, description: 'Reporter (pewarta) or author, when named.' }),
    datelinePlace: t.exposeString('datelinePlace', { nullable: true, description: 'Place of an article’s dateline, e.g. `Kupang`.' }),
    dateline: t.string({
      nullable: true,
      description: 'An article’s dateline in words, place and day in the requested language, e.g. `Kupang, Senin, 26 Januari 2026`; null when neither is known.',
      args: { lang: t.arg({ type: Lang, defaultValue: 'ID', description: 'Language: ID (Bahasa Indonesia, the default) or EN (English).' }) },
      resolve: (s, { lang }) => formatDateline(s.datelinePlace, s.publishedOn, lang === 'EN' ? 'EN' : 'ID'),
    }),
    claim: t.string({
      description: 'The claim this source supports, paraphrased, in the requested language.',
      args: { lang: t.arg({ type: Lang, defaultValue: 'ID', description: 'Language: ID (Bahasa Indonesia, the default) or EN (English).' }) },
      resolve: (s, { lang }) => pick(lang, s.claimId, s.claimEn),
    }),
    licence: t.exposeString('licence', { nullable: true, description: 'Licence of a dataset, when one applies.' }),
    documentRef: t.exposeString('documentRef', {
      nullable: true,
      description:
        'For maintainers: the file of Pantau’s seed material (outside the repository) the source was read from. Readers find an article by `publisher`, `title` and `dateline`, or its `url`.',
    }),
  }),
});

builder.queryField('sources', (t) =>
  t.connection(
    {
      type: Source,
      description: 'Every source, ordered by key.',
      args: { kind: t.arg({ type: SourceKind, description: 'Only sources of this kind.' }) },
      resolve: (_root, args, context) => {
        const where = args.kind ? { kind: args.kind } : {};
        return paginate(
          args,
          (page) => context.database.prisma.source.findMany({ where, orderBy: { key: 'asc' }, ...page }),
          () => context.database.prisma.source.count({ where }),
        );
      },
    },
    withTotalCount,
  ),
);

const SourceInput = builder.inputType('SourceInput', {
  description: 'Where figures come from. The claim is your own summary, never copied text.',
  fields: (t) => ({
    key: t.string({ required: true, description: 'Stable key, lower case with dashes, e.g. `antara-20260120-hbi76`.' }),
    kind: t.field({ type: SourceKind, required: true, description: 'NEWS_ARTICLE or DATASET (SYNTHETIC is reserved for generated data).' }),
    publisher: t.string({ required: true, description: 'Publisher, e.g. ANTARA.' }),
    title: t.string({ required: true, description: 'Title of the article or dataset.' }),
    url: t.string({ description: 'http(s) address, when public.' }),
    publishedOn: t.field({ type: 'Date', description: 'Publication day.' }),
    author: t.string({ description: 'Author or editor.' }),
    claimId: t.string({ required: true, description: 'What it states, in Bahasa Indonesia (own words).' }),
    claimEn: t.string({ required: true, description: 'What it states, in English.' }),
    licence: t.string({ description: 'Licence of the data, e.g. ODbL-1.0.' }),
    documentRef: t.string({ description: 'Where an archived copy is kept.' }),
  }),
});

const SourcePayload = builder.objectRef<{ id: number }>('SourcePayload').implement({
  description: 'The source as stored.',
  fields: (t) => ({ source: t.field({ type: Source, description: 'The source.', resolve: (p) => p.id }) }),
});

builder.mutationFields((t) => ({
  createSource: t.field({
    type: SourcePayload,
    authScopes: { admin: true },
    description: 'Adds a source that figures can cite. Needs `admin`.',
    args: { input: t.arg({ type: SourceInput, required: true, description: 'The source.' }), idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }) },
    resolve: (_root, args, context) =>
      catalogueWrite(context.database, context.caller, sources, { kind: 'create', data: sourceData(args.input), request: args.input }, args.idempotencyKey),
  }),
  updateSource: t.field({
    type: SourcePayload,
    authScopes: { admin: true },
    description: 'Corrects a source. Needs `admin`.',
    args: {
      id: t.arg.globalID({ required: true, for: Source, description: 'Global ID of the source.' }),
      input: t.arg({ type: SourceInput, required: true, description: 'The corrected source.' }),
      idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }),
    },
    resolve: (_root, args, context) =>
      catalogueWrite(context.database, context.caller, sources, { kind: 'update', id: args.id.id, data: sourceData(args.input), request: args.input }, args.idempotencyKey),
  }),
  deleteSource: t.field({
    type: DeletePayload,
    authScopes: { admin: true },
    description: 'Deletes a source no figure cites. Needs `admin`.',
    args: {
      id: t.arg.globalID({ required: true, for: Source, description: 'Global ID of the source.' }),
      idempotencyKey: t.arg.string({ description: idempotencyKeyDescription }),
    },
    resolve: (_root, args, context) => catalogueWrite(context.database, context.caller, sources, { kind: 'delete', id: args.id.id }, args.idempotencyKey),
  }),
}));
