-- AlterTable
ALTER TABLE "Offer" ADD COLUMN "contact" TEXT;
