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

  it('answers a replayed idempotent catalogue write exactly as the first time, and writes it once', async () => {
    const audits = () => database().prisma.auditEntry.count();
    const before = await audits();
    const createSource = `mutation($input: SourceInput!, $key: String) { createSource(input: $input, idempotencyKey: $key) { source { id key kind publisher title } } }`;
    const input = {
      key: 'kanwil-ntt-report-2026-03',
      kind: 'DATASET',
      publisher: 'Kanwil Ditjenim NTT',
      title: 'Laporan bulanan Maret 2026',
      claimId: 'Laporan bulanan',
      claimEn: 'Monthly report',
    };
    const created = await gql(createSource, { input, key: 'source-march' }, keys.admin);
    expect(created.data?.createSource.source).toMatchObject({
      key: 'kanwil-ntt-report-2026-03',
      kind: 'DATASET',
      publisher: 'Kanwil Ditjenim NTT',
      title: 'Laporan bulanan Maret 2026',
    });
    expect(await gql(createSource, { input, key: 'source-march' }, keys.admin)).toEqual(created);
    const id = created.data?.createSource.source.id as string;

    const updateSource = `mutation($id: ID!, $input: SourceInput!, $key: String) { updateSource(id: $id, input: $input, idempotencyKey: $key) { source { id key title } } }`;
    const corrected = { id, input: { ...input, title: 'Laporan bulanan Maret 2026 (revisi)' }, key: 'source-march-fix' };
    const updated = await gql(updateSource, corrected, keys.admin);
    expect(updated.data?.updateSource.source).toEqual({ id, key: 'kanwil-ntt-report-2026-03', title: 'Laporan bulanan Maret 2026 (revisi)' });
    expect(await gql(updateSource, corrected, keys.admin)).toEqual(updated);

    const createCampaign = `mutation($input: CampaignInput!, $key: String) { createCampaign(input: $input, idempotencyKey: $key) { campaign { slug name(lang: EN) programs { key } participatingOffices { code } } } }`;
    const campaign = {
      slug: 'hbi-78-2028',
      nameId: 'Hari Bakti Imigrasi ke-78',
      nameEn: '78th Immigration Service Day',
      startsOn: '2028-01-20',
      endsOn: '2028-01-26',
      programs: ['donor_darah'],
      participatingOffices: ['kanim-tangerang'],
    };
    const planned = await gql(createCampaign, { input: campaign, key: 'campaign-78' }, keys.admin);
    expect(planned.errors).toBeUndefined();
    expect(planned.data?.createCampaign.campaign).toEqual({
      slug: 'hbi-78-2028',
      name: '78th Immigration Service Day',
      programs: [{ key: 'donor_darah' }],
      participatingOffices: [{ code: 'kanim-tangerang' }],
    });
    expect(await gql(createCampaign, { input: campaign, key: 'campaign-78' }, keys.admin)).toEqual(planned);

    const deleteSource = `mutation($id: ID!, $key: String) { deleteSource(id: $id, idempotencyKey: $key) { deletedId } }`;
    const deleted = await gql(deleteSource, { id, key: 'source-march-delete' }, keys.admin);
    expect(deleted.data?.deleteSource).toEqual({ deletedId: id });
    expect(await gql(deleteSource, { id, key: 'source-march-delete' }, keys.admin)).toEqual(deleted);
    // Create, update, campaign and delete: four audited changes, none for the replays.
    expect(await audits()).toBe(before + 4);
  });
});
