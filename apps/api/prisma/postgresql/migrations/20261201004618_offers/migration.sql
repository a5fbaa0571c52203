-- CreateEnum
CREATE TYPE "OfferKind" AS ENUM ('SERVICE_COMMUN', 'MISE_A_DISPOSITION_ASCENDANTE', 'MISE_A_DISPOSITION_DESCENDANTE', 'CONVENTION_DE_GESTION', 'GROUPEMENT_DE_COMMANDES', 'CENTRALE_D_ACHAT', 'ENTENTE', 'CONVENTION', 'OUTIL_PARTAGE', 'RESEAU');

-- CreateEnum
CREATE TYPE "Eligibility" AS ENUM ('ALL_COMMUNES', 'LISTED', 'CLOSED');

-- CreateEnum
CREATE TYPE "CostKind" AS ENUM ('AMOUNT', 'FREE', 'UNKNOWN');

-- CreateEnum
CREATE TYPE "JoinDeliberation" AS ENUM ('COMMUNE_COUNCIL', 'EPCI_COUNCIL', 'COMITE_SOCIAL_TERRITORIAL');

-- CreateEnum
CREATE TYPE "StaffMode" AS ENUM ('MADE_AVAILABLE', 'TRANSFERRED', 'SHARED', 'RECRUITED');

-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL,
    "territoryId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "summary" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "kind" "OfferKind" NOT NULL,
    "domainId" TEXT,
    "providerId" TEXT,
    "status" "ActionStatus",
    "eligibility" "Eligibility" NOT NULL,
    "openingStudied" BOOLEAN NOT NULL DEFAULT false,
    "unnamedMembers" INTEGER,
    "startDate" TIMESTAMP(3),
    "endDate" TIMESTAMP(3),
    "renewalDate" TIMESTAMP(3),
    "tacitRenewal" BOOLEAN,
    "noticeMonths" INTEGER,
    "legalBasis" TEXT,
    "joinDeliberations" TEXT,
    "costKind" "CostKind" NOT NULL DEFAULT 'UNKNOWN',
    "annualCostCents" INTEGER,
    "costYear" INTEGER,
    "costKey" TEXT,
    "proRataFirstYear" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferMember" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "state" "ParticipationState" NOT NULL,
    "since" TIMESTAMP(3),
    "until" TIMESTAMP(3),
    "deliberationRef" TEXT,
    "deliberationDate" TIMESTAMP(3),
    "fixedShare" DOUBLE PRECISION,
    "usage" DOUBLE PRECISION,
    "agentTime" DOUBLE PRECISION,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OfferMember_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferStaff" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "mode" "StaffMode" NOT NULL,
    "fte" DOUBLE PRECISION NOT NULL,
    "note" TEXT,

    CONSTRAINT "OfferStaff_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "_OfferListed" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,

    CONSTRAINT "_OfferListed_AB_pkey" PRIMARY KEY ("A","B")
);


-- Today's services communs and joint contracts become offers with the same ids (their global ids
-- keep resolving through the deprecated SharedService and JointContract types).
ALTER TABLE "Action" ADD COLUMN "offerId" TEXT;
INSERT INTO "Offer" ("id", "territoryId", "key", "name", "searchText", "kind", "providerId", "eligibility", "startDate", "archivedAt", "updatedAt")
SELECT s."id", s."territoryId", s."key", s."name", '', 'SERVICE_COMMUN',
       (SELECT o."id" FROM "Organisation" o WHERE o."territoryId" = s."territoryId" AND o."kind" = 'EPCI' ORDER BY o."key" LIMIT 1),
       'CLOSED', s."createdOn", s."archivedAt", s."updatedAt"
FROM "SharedService" s;
INSERT INTO "Offer" ("id", "territoryId", "key", "name", "searchText", "kind", "providerId", "eligibility", "startDate", "endDate", "renewalDate", "archivedAt", "updatedAt")
SELECT c."id", c."territoryId", c."key", c."subject", '', c."procedure"::text::"OfferKind",
       (SELECT o."id" FROM "Organisation" o WHERE o."territoryId" = c."territoryId" AND o."kind" = 'EPCI' ORDER BY o."key" LIMIT 1),
       'CLOSED', c."startDate", c."endDate", c."renewalDate", c."archivedAt", c."updatedAt"
FROM "JointContract" c;
UPDATE "Action" SET "offerId" = COALESCE("sharedServiceId", "jointContractId");

-- What the services were open to, from their actions (the join rule of the previous schema: an
-- action not closed, not abandoned, not archived, and open to every commune unless it lists some).
-- Their search text is left empty here: the server writes it at start (searchText() of packages/domain).
UPDATE "Offer" SET
  "eligibility" = (CASE
    WHEN EXISTS (SELECT 1 FROM "Action" a WHERE a."offerId" = "Offer"."id" AND a."openness" <> 'CLOSED' AND a."status" <> 'ABANDONED' AND a."archivedAt" IS NULL
                 AND NOT EXISTS (SELECT 1 FROM "_ActionOpenTo" t WHERE t."A" = a."id")) THEN 'ALL_COMMUNES'
    WHEN EXISTS (SELECT 1 FROM "Action" a WHERE a."offerId" = "Offer"."id" AND a."openness" <> 'CLOSED' AND a."status" <> 'ABANDONED' AND a."archivedAt" IS NULL) THEN 'LISTED'
    ELSE 'CLOSED' END)::"Eligibility",
  "openingStudied" = EXISTS (SELECT 1 FROM "Action" a WHERE a."offerId" = "Offer"."id" AND a."openness" = 'UNDER_STUDY' AND a."status" <> 'ABANDONED' AND a."archivedAt" IS NULL)
    AND NOT EXISTS (SELECT 1 FROM "Action" a WHERE a."offerId" = "Offer"."id" AND a."openness" = 'OPEN' AND a."status" <> 'ABANDONED' AND a."archivedAt" IS NULL);
INSERT INTO "_OfferListed" ("A", "B")
SELECT DISTINCT a."offerId", t."B" FROM "Action" a JOIN "_ActionOpenTo" t ON t."A" = a."id" JOIN "Offer" o ON o."id" = a."offerId"
WHERE o."eligibility" = 'LISTED' AND a."openness" <> 'CLOSED' AND a."status" <> 'ABANDONED' AND a."archivedAt" IS NULL;

-- The members of an offer are those taking part in its actions (the pilot runs it: it is the provider).
INSERT INTO "OfferMember" ("id", "offerId", "organisationId", "state", "since")
SELECT md5(a."offerId" || p."organisationId"), a."offerId", p."organisationId",
       (CASE MIN(CASE p."state" WHEN 'MEMBER' THEN 1 WHEN 'PLANNED' THEN 2 WHEN 'REQUESTED' THEN 3 ELSE 4 END)
         WHEN 1 THEN 'MEMBER' WHEN 2 THEN 'PLANNED' WHEN 3 THEN 'REQUESTED' ELSE 'FORMER' END)::"ParticipationState",
       MIN(p."since")
FROM "Participation" p JOIN "Action" a ON a."id" = p."actionId"
WHERE a."offerId" IS NOT NULL AND p."role" <> 'PILOT'
GROUP BY a."offerId", p."organisationId";

-- DropForeignKey
ALTER TABLE "Action" DROP CONSTRAINT "Action_jointContractId_fkey";

-- DropForeignKey
ALTER TABLE "Action" DROP CONSTRAINT "Action_sharedServiceId_fkey";

-- DropForeignKey
ALTER TABLE "JointContract" DROP CONSTRAINT "JointContract_territoryId_fkey";

-- DropForeignKey
ALTER TABLE "SharedService" DROP CONSTRAINT "SharedService_territoryId_fkey";

-- DropIndex
DROP INDEX "Action_jointContractId_idx";

-- DropIndex
DROP INDEX "Action_sharedServiceId_idx";

-- AlterTable
ALTER TABLE "Action" DROP COLUMN "jointContractId",
DROP COLUMN "sharedServiceId";

-- DropTable
DROP TABLE "JointContract";

-- DropTable
DROP TABLE "SharedService";

-- CreateIndex
CREATE INDEX "Offer_territoryId_kind_idx" ON "Offer"("territoryId", "kind");

-- CreateIndex
CREATE INDEX "Offer_territoryId_endDate_idx" ON "Offer"("territoryId", "endDate");

-- CreateIndex
CREATE INDEX "Offer_domainId_idx" ON "Offer"("domainId");

-- CreateIndex
CREATE UNIQUE INDEX "Offer_territoryId_key_key" ON "Offer"("territoryId", "key");

-- CreateIndex
CREATE INDEX "OfferMember_organisationId_idx" ON "OfferMember"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "OfferMember_offerId_organisationId_key" ON "OfferMember"("offerId", "organisationId");

-- CreateIndex
CREATE INDEX "OfferStaff_offerId_idx" ON "OfferStaff"("offerId");

-- CreateIndex
CREATE INDEX "OfferStaff_organisationId_idx" ON "OfferStaff"("organisationId");

-- CreateIndex
CREATE INDEX "_OfferListed_B_index" ON "_OfferListed"("B");

-- CreateIndex
CREATE INDEX "Action_offerId_idx" ON "Action"("offerId");

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferMember" ADD CONSTRAINT "OfferMember_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferMember" ADD CONSTRAINT "OfferMember_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferStaff" ADD CONSTRAINT "OfferStaff_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferStaff" ADD CONSTRAINT "OfferStaff_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Action" ADD CONSTRAINT "Action_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_OfferListed" ADD CONSTRAINT "_OfferListed_A_fkey" FOREIGN KEY ("A") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "_OfferListed" ADD CONSTRAINT "_OfferListed_B_fkey" FOREIGN KEY ("B") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
