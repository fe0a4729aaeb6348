-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_TrialDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "trialId" TEXT NOT NULL,
    "outcome" TEXT NOT NULL,
    "rationale" TEXT NOT NULL,
    "evidence" TEXT NOT NULL DEFAULT '',
    "criteria" TEXT NOT NULL DEFAULT '[]',
    "decidedById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TrialDecision_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "TrialDecision_decidedById_fkey" FOREIGN KEY ("decidedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_TrialDecision" ("createdAt", "decidedById", "evidence", "id", "outcome", "rationale", "trialId") SELECT "createdAt", "decidedById", "evidence", "id", "outcome", "rationale", "trialId" FROM "TrialDecision";
DROP TABLE "TrialDecision";
ALTER TABLE "new_TrialDecision" RENAME TO "TrialDecision";
CREATE INDEX "TrialDecision_trialId_idx" ON "TrialDecision"("trialId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
