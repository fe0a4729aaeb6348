-- AlterTable
ALTER TABLE "TrialDecision" ADD COLUMN     "criteria" TEXT NOT NULL DEFAULT '[]';
