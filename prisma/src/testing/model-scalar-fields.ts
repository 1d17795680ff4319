import { Prisma } from '../../generated/client.ts';

/** Every scalar field of every model, as the generated client lists them. */
export const scalarFields: Record<Prisma.ModelName, object> = {
  Source: Prisma.SourceScalarFieldEnum,
  Region: Prisma.RegionScalarFieldEnum,
  RegionPriority: Prisma.RegionPriorityScalarFieldEnum,
  Office: Prisma.OfficeScalarFieldEnum,
  Program: Prisma.ProgramScalarFieldEnum,
  Campaign: Prisma.CampaignScalarFieldEnum,
  CampaignProgram: Prisma.CampaignProgramScalarFieldEnum,
  CampaignParticipant: Prisma.CampaignParticipantScalarFieldEnum,
  Metric: Prisma.MetricScalarFieldEnum,
  Observation: Prisma.ObservationScalarFieldEnum,
  ObservationCorroboration: Prisma.ObservationCorroborationScalarFieldEnum,
  ObservationRevision: Prisma.ObservationRevisionScalarFieldEnum,
  PartnerVillage: Prisma.PartnerVillageScalarFieldEnum,
  ApiKey: Prisma.ApiKeyScalarFieldEnum,
  AuditEntry: Prisma.AuditEntryScalarFieldEnum,
  IdempotencyRecord: Prisma.IdempotencyRecordScalarFieldEnum,
  KeyOperation: Prisma.KeyOperationScalarFieldEnum,
  Target: Prisma.TargetScalarFieldEnum,
};
