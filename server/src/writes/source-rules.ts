import type { Prisma } from '@pantau/prisma/client';
import { refuseViolations, type Violation } from '../schema/errors.ts';
import type { CatalogueEntity } from './catalogue-write.ts';

/** A source as a caller sends it (`SourceInput`). */
export interface SourceFields {
  key: string;
  kind: 'NEWS_ARTICLE' | 'DATASET' | 'SYNTHETIC';
  publisher: string;
  title: string;
  url?: string | null;
  publishedOn?: string | null;
  author?: string | null;
  claimId: string;
  claimEn: string;
  licence?: string | null;
  documentRef?: string | null;
}

export type SourceData = Prisma.SourceUncheckedCreateInput;

export const catalogueKeyRule = 'must be 3 to 81 lower-case letters, digits or dashes';
export const isCatalogueKey = (text: string) => /^[a-z0-9][a-z0-9-]{2,80}$/.test(text);
export const dayOf = (text: string | null | undefined) => (text ? new Date(`${text}T00:00:00Z`) : null);

/** Checks a source (400 with every broken rule, fields named `input.<field>`) and returns the row to store. */
export function sourceData(input: SourceFields): SourceData {
  const violations: Violation[] = [];
  if (!isCatalogueKey(input.key)) violations.push({ field: 'input.key', rule: catalogueKeyRule });
  if (input.kind === 'SYNTHETIC') violations.push({ field: 'input.kind', rule: 'must be NEWS_ARTICLE or DATASET; SYNTHETIC is reserved for generated data' });
  for (const field of ['publisher', 'title', 'claimId', 'claimEn'] as const) {
    if (!input[field].trim() || input[field].length > 2000) violations.push({ field: `input.${field}`, rule: 'must be 1 to 2000 characters' });
  }
  if (input.url && !/^https?:\/\/[^\s]+$/i.test(input.url)) violations.push({ field: 'input.url', rule: 'must be an http:// or https:// address' });
  refuseViolations(violations);
  return {
    ...input,
    url: input.url ?? null,
    publishedOn: dayOf(input.publishedOn),
    author: input.author ?? null,
    licence: input.licence ?? null,
    documentRef: input.documentRef ?? null,
  };
}

export const sources: CatalogueEntity<SourceData> = {
  typename: 'Source',
  entity: 'source',
  action: 'source',
  named: (data) => (data ? `Source "${data.key}"` : 'This source'),
  create: async (tx, data) => {
    const row = await tx.source.create({ data });
    return { id: row.id, after: row };
  },
  update: (tx, id, data) => tx.source.update({ where: { id }, data }),
  find: (tx, id) => tx.source.findUnique({ where: { id } }),
  remove: (tx, id) => tx.source.delete({ where: { id } }),
};
