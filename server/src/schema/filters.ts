import { type GraphQLError } from 'graphql';
import type { GraphQLContext } from '../context.ts';
import { badArgument, unknownValue } from './errors.ts';
import { parseDate } from './scalars.ts';

/**
 * Matches a region code and everything inside it (`53` matches `53`, `53.71`, `53.71.01`...), after
 * checking that the code exists.
 */
export async function regionCodeFilter<F extends string>(context: GraphQLContext, code: string, argument: string, field: F) {
  const exists = await context.database.prisma.region.count({ where: { code } });
  if (!exists) {
    throw badArgument(
      argument,
      `Unknown region code "${code}" in argument \`${argument}\`. Use a Kemendagri code such as "53" (NTT) or "53.71" (Kota Kupang); the \`regions\` query lists them all.`,
    );
  }
  return { OR: [{ [field]: code }, { [field]: { startsWith: `${code}.` } }] } as { OR: Record<F, string | { startsWith: string }>[] };
}

/** The metric with this key, or a 400 listing the known keys. */
export async function metricFor(context: GraphQLContext, key: string, argument = 'metric') {
  const metric = await context.database.prisma.metric.findUnique({ where: { key } });
  if (metric) return metric;
  const all = await context.database.prisma.metric.findMany({ select: { key: true }, orderBy: { key: 'asc' } });
  throw unknownValue(
    argument,
    'metric',
    key,
    all.map((m) => m.key),
  );
}

export async function campaignFor(context: GraphQLContext, slug: string, argument = 'slug') {
  const campaign = await context.database.prisma.campaign.findUnique({ where: { slug } });
  if (campaign) return campaign;
  const all = await context.database.prisma.campaign.findMany({ select: { slug: true }, orderBy: { slug: 'asc' } });
  throw unknownValue(
    argument,
    'campaign',
    slug,
    all.map((c) => c.slug),
  );
}

export async function programFor(context: GraphQLContext, key: string, argument: string) {
  const program = await context.database.prisma.program.findUnique({ where: { key } });
  if (program) return program;
  const all = await context.database.prisma.program.findMany({ select: { key: true }, orderBy: { key: 'asc' } });
  throw unknownValue(
    argument,
    'program',
    key,
    all.map((p) => p.key),
  );
}

export async function officeFor(context: GraphQLContext, code: string, argument: string) {
  const office = await context.database.prisma.office.findUnique({ where: { code } });
  if (office) return office;
  throw badArgument(argument, `Unknown office code "${code}" in argument \`${argument}\`; the \`offices\` query lists every office with its code.`);
}

/** A checked date range: both ends optional, the end never before the start. */
export function dateRange(from: string | null | undefined, to: string | null | undefined, argumentPrefix: string) {
  const range: { from?: Date; to?: Date } = {};
  try {
    if (from) range.from = parseDate(from);
    if (to) range.to = parseDate(to);
  } catch (error) {
    throw badArgument(argumentPrefix, `${argumentPrefix}: ${(error as GraphQLError).message}`);
  }
  if (range.from && range.to && range.to < range.from) {
    throw badArgument(`${argumentPrefix}.to`, `Invalid range in \`${argumentPrefix}\`: \`to\` (${to}) is before \`from\` (${from})`);
  }
  return range;
}
