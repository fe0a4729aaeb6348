-- AlterTable
ALTER TABLE "Trial" ADD COLUMN     "criteria" TEXT NOT NULL DEFAULT '[]';
