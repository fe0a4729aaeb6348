-- AlterTable
ALTER TABLE "Run" ADD COLUMN "details" TEXT;
