import { describe, expect, it } from 'vitest';
import { testDatabaseKinds } from '@pantau/prisma';
import { keyedYoga } from './testing/keyed-yoga.ts';

describe.each(testDatabaseKinds)('catalogue writes by an admin on %s', (kind) => {
  const { gql, keys, database } = keyedYoga(kind);

  it('lets an admin manage campaigns and partner villages, refusing bad references by name', async () => {
    const campaign = await gql(
      `mutation($input: CampaignInput!) { createCampaign(input: $input) { campaign { slug programs { key } participatingOffices { code } } } }`,
      {
        input: {
          slug: 'hbi-77-2027',
          nameId: 'Hari Bakti Imigrasi ke-77',
          nameEn: '77th Immigration Service Day',
          startsOn: '2027-01-20',
          endsOn: '2027-01-26',
          programs: ['donor_darah'],
          participatingOffices: ['kanim-tangerang'],
        },
      },
      keys.admin,
    );
    expect(campaign.data?.createCampaign.campaign).toEqual({ slug: 'hbi-77-2027', programs: [{ key: 'donor_darah' }], participatingOffices: [{ code: 'kanim-tangerang' }] });
    const village = await gql(
      `mutation($input: PartnerVillageInput!) { createPartnerVillage(input: $input) { partnerVillage { id } } }`,
      { input: { villageCode: '53', officeCode: 'kanwil-ditjenim-ntt', source: 'kanwil-ntt-report-2026-01' } },
      keys.admin,
    );
    expect(village.errors?.[0]?.extensions?.violations).toEqual([
      { field: 'input.villageCode', rule: 'must be the Kemendagri code of a village (got "53")' },
      { field: 'input.officeCode', rule: 'must be the code of a Kantor Imigrasi (got "kanwil-ditjenim-ntt")' },
    ]);
  });

  it('lets an admin correct and delete catalogue entries, refusing to delete a source figures still cite', async () => {
    const figure = await gql(
      'mutation($input: ObservationInput!) { createObservation(input: $input) { observation { id } } }',
      {
        input: {
          metric: 'passports_issued',
          value: '610',
          periodStart: '2026-01-01',
          periodEnd: '2026-01-31',
          officeCode: 'kanwil-ditjenim-ntt',
          regionCode: '53',
          source: 'kanwil-ntt-report-2026-01',
        },
      },
      keys.ntt,
    );
    expect(figure.errors).toBeUndefined();
    const sourceId = Buffer.from(`Source:${(await database().prisma.source.findUniqueOrThrow({ where: { key: 'kanwil-ntt-report-2026-01' } })).id}`).toString('base64');
    const input = {
      key: 'kanwil-ntt-report-2026-01',
      kind: 'DATASET',
      publisher: 'Kanwil Ditjenim NTT',
      title: 'Laporan bulanan Januari 2026 (revisi)',
      claimId: 'Laporan bulanan',
      claimEn: 'Monthly report',
    };
    const updated = await gql(`mutation($id: ID!, $input: SourceInput!) { updateSource(id: $id, input: $input) { source { title } } }`, { id: sourceId, input }, keys.admin);
    expect(updated.data?.updateSource.source.title).toBe('Laporan bulanan Januari 2026 (revisi)');
    const cited = await gql(`mutation($id: ID!) { deleteSource(id: $id) { deletedId } }`, { id: sourceId }, keys.admin);
    expect(cited.status).toBe(409);
    expect(cited.errors?.[0]?.message).toBe('This source is still referenced by other records (figures, villages or offices); remove those first');
    const campaign = await database().prisma.campaign.findUniqueOrThrow({ where: { slug: 'hbi-77-2027' } });
    const deleted = await gql(`mutation($id: ID!) { deleteCampaign(id: $id) { deletedId } }`, { id: Buffer.from(`Campaign:${campaign.id}`).toString('base64') }, keys.admin);
    expect(deleted.errors).toBeUndefined();
    expect(await database().prisma.campaign.count({ where: { slug: 'hbi-77-2027' } })).toBe(0);
    const entries = await database().prisma.auditEntry.findMany({ where: { action: { in: ['source.update', 'campaign.delete'] } }, orderBy: { id: 'asc' } });
    expect(entries.map((e) => [e.action, e.actor, (e.before as { title?: string; slug?: string } | null)?.title ?? (e.before as { slug?: string } | null)?.slug])).toEqual([
      ['source.update', 'ministry-admin', 'Laporan bulanan Januari 2026'],
      ['campaign.delete', 'ministry-admin', 'hbi-77-2027'],
    ]);
  });
});
