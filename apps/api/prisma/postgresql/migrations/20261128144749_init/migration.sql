-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "LegalType" AS ENUM ('METROPOLE', 'COMMUNAUTE_URBAINE', 'COMMUNAUTE_D_AGGLOMERATION', 'COMMUNAUTE_DE_COMMUNES', 'ETABLISSEMENT_PUBLIC_TERRITORIAL');

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('COMMUNE', 'EPCI', 'CCAS', 'EPL', 'OFFICE_DE_TOURISME', 'SYNDICAT_MIXTE', 'ETABLISSEMENT_PUBLIC', 'OTHER');

-- CreateEnum
CREATE TYPE "Instrument" AS ENUM ('SERVICE_COMMUN', 'MISE_A_DISPOSITION', 'CONVENTION_DE_GESTION', 'GROUPEMENT_DE_COMMANDES', 'CENTRALE_D_ACHAT', 'ENTENTE', 'CONVENTION', 'OUTIL_PARTAGE', 'RESEAU', 'ETUDE', 'AUTRE');

-- CreateEnum
CREATE TYPE "ActionStatus" AS ENUM ('IMPLEMENTED', 'IN_PROGRESS', 'PLANNED', 'TO_STUDY', 'NOT_STARTED', 'NO_PROGRESS', 'ABANDONED', 'NOT_REPORTED');

-- CreateEnum
CREATE TYPE "Openness" AS ENUM ('CLOSED', 'OPEN', 'UNDER_STUDY');

-- CreateEnum
CREATE TYPE "ParticipationRole" AS ENUM ('PILOT', 'MEMBER', 'BENEFICIARY', 'PARTNER');

-- CreateEnum
CREATE TYPE "ParticipationState" AS ENUM ('MEMBER', 'PLANNED', 'REQUESTED', 'FORMER');

-- CreateEnum
CREATE TYPE "ProcurementProcedure" AS ENUM ('GROUPEMENT_DE_COMMANDES', 'CENTRALE_D_ACHAT');

-- CreateTable
CREATE TABLE "Territory" (
    "id" TEXT NOT NULL,
    "siren" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "legalType" "LegalType" NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Territory_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "territoryId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "name" TEXT NOT NULL,
    "searchName" TEXT NOT NULL,
    "inseeCode" TEXT,
    "siren" TEXT,
    "population" INTEGER,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Domain" (
    "id" TEXT NOT NULL,
    "territoryId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "Domain_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SharedService" (
    "id" TEXT NOT NULL,
    "territoryId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdOn" TIMESTAMP(3),

    CONSTRAINT "SharedService_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JointContract" (
    "id" TEXT NOT NULL,
    "territoryId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "procedure" "ProcurementProcedure" NOT NULL,
    "startDate" TIMESTAMP(3),
    "endDate" TIMESTAMP(3),
    "renewalDate" TIMESTAMP(3),

    CONSTRAINT "JointContract_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Action" (
    "id" TEXT NOT NULL,
    "territoryId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "searchText" TEXT NOT NULL,
    "domainId" TEXT NOT NULL,
    "instrument" "Instrument" NOT NULL,
    "status" "ActionStatus" NOT NULL,
    "openness" "Openness" NOT NULL,
    "effectiveDate" TIMESTAMP(3),
    "plannedDate" TIMESTAMP(3),
    "sourceText" TEXT NOT NULL,
    "sharedServiceId" TEXT,
    "jointContractId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Action_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Participation" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "role" "ParticipationRole" NOT NULL,
    "state" "ParticipationState" NOT NULL,
    "since" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Participation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProgressUpdate" (
    "id" TEXT NOT NULL,
    "actionId" TEXT NOT NULL,
    "date" TIMESTAMP(3) NOT NULL,
    "statusAfter" "ActionStatus" NOT NULL,
    "text" TEXT NOT NULL,
    "author" TEXT,
    "meeting" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ProgressUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_ActionOpenTo" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_ActionOpenTo_AB_pkey" PRIMARY KEY ("A","B")
);

-- CreateIndex
CREATE UNIQUE INDEX "Territory_siren_key" ON "Territory"("siren");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_inseeCode_key" ON "Organisation"("inseeCode");

-- CreateIndex
CREATE INDEX "Organisation_territoryId_kind_searchName_idx" ON "Organisation"("territoryId", "kind", "searchName");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_territoryId_key_key" ON "Organisation"("territoryId", "key");

-- CreateIndex
CREATE INDEX "Domain_territoryId_position_idx" ON "Domain"("territoryId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Domain_territoryId_key_key" ON "Domain"("territoryId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "SharedService_territoryId_key_key" ON "SharedService"("territoryId", "key");

-- CreateIndex
CREATE INDEX "JointContract_territoryId_endDate_idx" ON "JointContract"("territoryId", "endDate");

-- CreateIndex
CREATE UNIQUE INDEX "JointContract_territoryId_key_key" ON "JointContract"("territoryId", "key");

-- CreateIndex
CREATE INDEX "Action_territoryId_position_idx" ON "Action"("territoryId", "position");

-- CreateIndex
CREATE INDEX "Action_territoryId_status_idx" ON "Action"("territoryId", "status");

-- CreateIndex
CREATE INDEX "Action_domainId_idx" ON "Action"("domainId");

-- CreateIndex
CREATE INDEX "Action_sharedServiceId_idx" ON "Action"("sharedServiceId");

-- CreateIndex
CREATE INDEX "Action_jointContractId_idx" ON "Action"("jointContractId");

-- CreateIndex
CREATE UNIQUE INDEX "Action_territoryId_key_key" ON "Action"("territoryId", "key");

-- CreateIndex
CREATE INDEX "Participation_actionId_idx" ON "Participation"("actionId");

-- CreateIndex
CREATE UNIQUE INDEX "Participation_organisationId_actionId_key" ON "Participation"("organisationId", "actionId");

-- CreateIndex
CREATE INDEX "ProgressUpdate_actionId_date_idx" ON "ProgressUpdate"("actionId", "date");

-- CreateIndex
CREATE INDEX "_ActionOpenTo_B_index" ON "_ActionOpenTo"("B");

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Domain" ADD CONSTRAINT "Domain_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SharedService" ADD CONSTRAINT "SharedService_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JointContract" ADD CONSTRAINT "JointContract_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_sharedServiceId_fkey" FOREIGN KEY ("sharedServiceId") REFERENCES "SharedService"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_jointContractId_fkey" FOREIGN KEY ("jointContractId") REFERENCES "JointContract"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participation" ADD CONSTRAINT "Participation_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Participation" ADD CONSTRAINT "Participation_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressUpdate" ADD CONSTRAINT "ProgressUpdate_actionId_fkey" FOREIGN KEY ("actionId") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ActionOpenTo" ADD CONSTRAINT "_ActionOpenTo_A_fkey" FOREIGN KEY ("A") REFERENCES "Action"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_ActionOpenTo" ADD CONSTRAINT "_ActionOpenTo_B_fkey" FOREIGN KEY ("B") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
