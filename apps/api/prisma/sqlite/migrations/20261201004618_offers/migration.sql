-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "territoryId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "summary" TEXT,
    "searchText" TEXT NOT NULL DEFAULT '',
    "kind" TEXT NOT NULL,
    "domainId" TEXT,
    "providerId" TEXT,
    "status" TEXT,
    "eligibility" TEXT NOT NULL,
    "openingStudied" BOOLEAN NOT NULL DEFAULT false,
    "unnamedMembers" INTEGER,
    "startDate" DATETIME,
    "endDate" DATETIME,
    "renewalDate" DATETIME,
    "tacitRenewal" BOOLEAN,
    "noticeMonths" INTEGER,
    "legalBasis" TEXT,
    "joinDeliberations" TEXT,
    "costKind" TEXT NOT NULL DEFAULT 'UNKNOWN',
    "annualCostCents" INTEGER,
    "costYear" INTEGER,
    "costKey" TEXT,
    "proRataFirstYear" BOOLEAN NOT NULL DEFAULT true,
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Offer_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Offer_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "Offer_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Organisation" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OfferMember" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "offerId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "since" DATETIME,
    "until" DATETIME,
    "deliberationRef" TEXT,
    "deliberationDate" DATETIME,
    "fixedShare" REAL,
    "usage" REAL,
    "agentTime" REAL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "OfferMember_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OfferMember_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "OfferStaff" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "offerId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "fte" REAL NOT NULL,
    "note" TEXT,
    CONSTRAINT "OfferStaff_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "OfferStaff_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "_OfferListed" (
    "A" TEXT NOT NULL,
    "B" TEXT NOT NULL,
    CONSTRAINT "_OfferListed_A_fkey" FOREIGN KEY ("A") REFERENCES "Offer" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "_OfferListed_B_fkey" FOREIGN KEY ("B") REFERENCES "Organisation" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Today's services communs and joint contracts become offers with the same ids (their global ids
-- keep resolving through the deprecated SharedService and JointContract types).
INSERT INTO "Offer" ("id", "territoryId", "key", "name", "searchText", "kind", "providerId", "eligibility", "startDate", "archivedAt", "updatedAt")
SELECT s."id", s."territoryId", s."key", s."name", '', 'SERVICE_COMMUN',
       (SELECT o."id" FROM "Organisation" o WHERE o."territoryId" = s."territoryId" AND o."kind" = 'EPCI' ORDER BY o."key" LIMIT 1),
       'CLOSED', s."createdOn", s."archivedAt", s."updatedAt"
FROM "SharedService" s;
INSERT INTO "Offer" ("id", "territoryId", "key", "name", "searchText", "kind", "providerId", "eligibility", "startDate", "endDate", "renewalDate", "archivedAt", "updatedAt")
SELECT c."id", c."territoryId", c."key", c."subject", '', c."procedure",
       (SELECT o."id" FROM "Organisation" o WHERE o."territoryId" = c."territoryId" AND o."kind" = 'EPCI' ORDER BY o."key" LIMIT 1),
       'CLOSED', c."startDate", c."endDate", c."renewalDate", c."archivedAt", c."updatedAt"
FROM "JointContract" c;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Action" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "territoryId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "searchText" TEXT NOT NULL,
    "domainId" TEXT NOT NULL,
    "instrument" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "openness" TEXT NOT NULL,
    "effectiveDate" DATETIME,
    "plannedDate" DATETIME,
    "sourceText" TEXT NOT NULL,
    "offerId" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "archivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Action_territoryId_fkey" FOREIGN KEY ("territoryId") REFERENCES "Territory" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Action_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "Domain" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Action_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Action" ("archivedAt", "createdAt", "description", "domainId", "effectiveDate", "id", "instrument", "key", "openness", "plannedDate", "position", "searchText", "sourceText", "status", "territoryId", "title", "updatedAt", "version", "offerId") SELECT "archivedAt", "createdAt", "description", "domainId", "effectiveDate", "id", "instrument", "key", "openness", "plannedDate", "position", "searchText", "sourceText", "status", "territoryId", "title", "updatedAt", "version", COALESCE("sharedServiceId", "jointContractId") FROM "Action";
DROP TABLE "Action";
ALTER TABLE "new_Action" RENAME TO "Action";
CREATE INDEX "Action_territoryId_position_idx" ON "Action"("territoryId", "position");
CREATE INDEX "Action_territoryId_status_idx" ON "Action"("territoryId", "status");
CREATE INDEX "Action_domainId_idx" ON "Action"("domainId");
CREATE INDEX "Action_offerId_idx" ON "Action"("offerId");
CREATE UNIQUE INDEX "Action_territoryId_key_key" ON "Action"("territoryId", "key");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- What the services were open to, from their actions (the join rule of the previous schema: an
-- action not closed, not abandoned, not archived, and open to every commune unless it lists some).
-- Their search text is left empty here: the server writes it at start (searchText() of packages/domain).
UPDATE "Offer" SET
  "eligibility" = CASE
    WHEN EXISTS (SELECT 1 FROM "Action" a WHERE a."offerId" = "Offer"."id" AND a."openness" <> 'CLOSED' AND a."status" <> 'ABANDONED' AND a."archivedAt" IS NULL
                 AND NOT EXISTS (SELECT 1 FROM "_ActionOpenTo" t WHERE t."A" = a."id")) THEN 'ALL_COMMUNES'
    WHEN EXISTS (SELECT 1 FROM "Action" a WHERE a."offerId" = "Offer"."id" AND a."openness" <> 'CLOSED' AND a."status" <> 'ABANDONED' AND a."archivedAt" IS NULL) THEN 'LISTED'
    ELSE 'CLOSED' END,
  "openingStudied" = EXISTS (SELECT 1 FROM "Action" a WHERE a."offerId" = "Offer"."id" AND a."openness" = 'UNDER_STUDY' AND a."status" <> 'ABANDONED' AND a."archivedAt" IS NULL)
    AND NOT EXISTS (SELECT 1 FROM "Action" a WHERE a."offerId" = "Offer"."id" AND a."openness" = 'OPEN' AND a."status" <> 'ABANDONED' AND a."archivedAt" IS NULL);
INSERT INTO "_OfferListed" ("A", "B")
SELECT DISTINCT a."offerId", t."B" FROM "Action" a JOIN "_ActionOpenTo" t ON t."A" = a."id" JOIN "Offer" o ON o."id" = a."offerId"
WHERE o."eligibility" = 'LISTED' AND a."openness" <> 'CLOSED' AND a."status" <> 'ABANDONED' AND a."archivedAt" IS NULL;

-- The members of an offer are those taking part in its actions (the pilot runs it: it is the provider).
INSERT INTO "OfferMember" ("id", "offerId", "organisationId", "state", "since")
SELECT lower(hex(randomblob(16))), a."offerId", p."organisationId",
       CASE MIN(CASE p."state" WHEN 'MEMBER' THEN 1 WHEN 'PLANNED' THEN 2 WHEN 'REQUESTED' THEN 3 ELSE 4 END)
         WHEN 1 THEN 'MEMBER' WHEN 2 THEN 'PLANNED' WHEN 3 THEN 'REQUESTED' ELSE 'FORMER' END,
       MIN(p."since")
FROM "Participation" p JOIN "Action" a ON a."id" = p."actionId"
WHERE a."offerId" IS NOT NULL AND p."role" <> 'PILOT'
GROUP BY a."offerId", p."organisationId";

-- DropIndex
DROP INDEX "JointContract_territoryId_key_key";

-- DropIndex
DROP INDEX "JointContract_territoryId_endDate_idx";

-- DropIndex
DROP INDEX "SharedService_territoryId_key_key";

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "JointContract";
PRAGMA foreign_keys=on;

-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "SharedService";
PRAGMA foreign_keys=on;


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
CREATE UNIQUE INDEX "_OfferListed_AB_unique" ON "_OfferListed"("A", "B");

-- CreateIndex
CREATE INDEX "_OfferListed_B_index" ON "_OfferListed"("B");
