import type { Program as ProgramRow } from '@pantau/prisma/client';
import { builder } from '../builder.ts';
import { inKeyOrder, parseRowId, rowIds } from '../load-by-key.ts';
import { paginate, withTotalCount } from '../pagination.ts';
import { Lang, pick } from '../scalars.ts';
import { Directorate } from './office.ts';

export const ProgramTheme = builder.enumType('ProgramTheme', {
  description: 'What a program is about.',
  values: {
    TPPO_PREVENTION: { description: 'Preventing trafficking in persons (TPPO) and people smuggling (TPPM)' },
    SOCIAL: { description: 'Social aid and community service' },
    ENVIRONMENT: { description: 'Environment' },
    HEALTH: { description: 'Health, e.g. blood donation' },
    PUBLIC_SERVICE: { description: 'Public services such as passports' },
    INSTITUTIONAL: { description: 'Institutional strengthening, e.g. new offices' },
  } as const,
});

export const Program = builder.loadableNodeRef<ProgramRow | null, number, number, number, ProgramRow>('Program', {
  id: { resolve: (row) => row.id, parse: parseRowId },
  load: async (keys, context) => inKeyOrder(keys, await context.database.prisma.program.findMany({ where: { id: { in: rowIds(keys) } } }), (row) => row.id),
});

Program.implement({
  description: 'A ministry program, e.g. Desa Binaan Imigrasi or Pimpasa.',
  fields: (t) => ({
    key: t.exposeString('key', { description: 'Stable key, e.g. `desa_binaan_imigrasi`.' }),
    name: t.string({
      description: 'Name in the requested language.',
      args: { lang: t.arg({ type: Lang, defaultValue: 'ID', description: 'Language: ID (Bahasa Indonesia, the default) or EN (English).' }) },
      resolve: (p, { lang }) => pick(lang, p.nameId, p.nameEn),
    }),
    description: t.string({
      description: 'What the program does, in the requested language.',
      args: { lang: t.arg({ type: Lang, defaultValue: 'ID', description: 'Language: ID (Bahasa Indonesia, the default) or EN (English).' }) },
      resolve: (p, { lang }) => pick(lang, p.descriptionId, p.descriptionEn),
    }),
    themes: t.field({ type: [ProgramTheme], description: 'Themes the program serves.', resolve: (p) => p.themes }),
    directorate: t.expose('directorate', { type: Directorate, nullable: true, description: 'Directorate general running it, if one.' }),
  }),
});

builder.queryField('programs', (t) =>
  t.connection(
    {
      type: Program,
      description: 'Ministry programs, ordered by key.',
      args: { theme: t.arg({ type: ProgramTheme, description: 'Only programs with this theme.' }) },
      resolve: async (_root, args, context) => {
        // Prisma's `themes: { has }` binds the enum as an array literal through the PGlite adapter and
        // fails there; matching the ids in SQL works on both databases.
        const where = args.theme
          ? { id: { in: (await context.database.prisma.$queryRaw<{ id: number }[]>`SELECT id FROM program WHERE ${args.theme} = ANY(themes::text[])`).map((row) => row.id) } }
          : {};
        return paginate(
          args,
          (page) => context.database.prisma.program.findMany({ where, orderBy: { key: 'asc' }, ...page }),
          () => context.database.prisma.program.count({ where }),
        );
      },
    },
    withTotalCount,
  ),
);
