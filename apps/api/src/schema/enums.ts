import {
  costKindLabels,
  eligibilityLabels,
  joinDeliberationLabels,
  legalTypeLabels,
  offerKindLabels,
  staffModeLabels,
  instrumentLabels,
  opennessLabels,
  organisationKindLabels,
  participationStateLabels,
  roleLabels,
  statusLabels,
} from '@mutualis/domain'
import { builder } from '../builder.ts'
import {
  ActionStatus,
  Instrument,
  LegalType,
  Openness,
  OrganisationKind,
  ParticipationRole,
  ParticipationState,
  ProcurementProcedure,
  OfferKind,
  Eligibility,
  CostKind,
  JoinDeliberation,
  StaffMode,
} from '../generated/sqlite/enums.ts'

/** A GraphQL enum from a Prisma enum, each value described by its French label. */
function labelledEnum<T extends string>(name: string, values: Record<string, T>, labels?: Record<T, string>) {
  return builder.enumType(name, {
    values: Object.fromEntries(Object.values(values).map((value) => [value, { value, description: labels?.[value] }])) as unknown as Record<T, { value: T }>,
  })
}

export const ActionStatusEnum = labelledEnum('ActionStatus', ActionStatus, statusLabels)
export const InstrumentEnum = labelledEnum('Instrument', Instrument, instrumentLabels)
export const OpennessEnum = labelledEnum('Openness', Openness, opennessLabels)
export const OrganisationKindEnum = labelledEnum('OrganisationKind', OrganisationKind, organisationKindLabels)
export const ParticipationRoleEnum = labelledEnum('ParticipationRole', ParticipationRole, roleLabels)
export const ParticipationStateEnum = labelledEnum('ParticipationState', ParticipationState, participationStateLabels)
export const LegalTypeEnum = labelledEnum('LegalType', LegalType, legalTypeLabels)
export const ProcurementProcedureEnum = labelledEnum('ProcurementProcedure', ProcurementProcedure)
export const OfferKindEnum = labelledEnum('OfferKind', OfferKind, offerKindLabels)
export const EligibilityEnum = labelledEnum('Eligibility', Eligibility, eligibilityLabels)
export const CostKindEnum = labelledEnum('CostKind', CostKind, costKindLabels)
export const JoinDeliberationEnum = labelledEnum('JoinDeliberation', JoinDeliberation, joinDeliberationLabels)
export const StaffModeEnum = labelledEnum('StaffMode', StaffMode, staffModeLabels)
