-- CreateTable
CREATE TABLE "RetentionSweep" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "startedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "trigger" TEXT NOT NULL,
    "runsPurged" INTEGER NOT NULL DEFAULT 0,
    "documentsPurged" INTEGER NOT NULL DEFAULT 0,
    "errorCode" TEXT,
    "startedById" TEXT
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Run" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "trialId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "assistant" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'QUEUED',
    "policyId" TEXT NOT NULL,
    "policyVersion" TEXT NOT NULL,
    "guardDecision" TEXT,
    "guardFindings" TEXT NOT NULL DEFAULT '{}',
    "provider" TEXT,
    "model" TEXT,
    "promptTokens" INTEGER,
    "completionTokens" INTEGER,
    "durationMs" INTEGER,
    "errorCode" TEXT,
    "inputChars" INTEGER NOT NULL DEFAULT 0,
    "fourEyes" BOOLEAN NOT NULL DEFAULT false,
    "input" TEXT,
    "output" TEXT,
    "finalText" TEXT,
    "details" TEXT,
    "pseudonymMap" TEXT,
    "contentPurgedAt" DATETIME,
    "retainUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completedAt" DATETIME,
    CONSTRAINT "Run_trialId_fkey" FOREIGN KEY ("trialId") REFERENCES "Trial" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Run_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Run" ("assistant", "completedAt", "completionTokens", "contentPurgedAt", "createdAt", "details", "durationMs", "errorCode", "finalText", "guardDecision", "guardFindings", "id", "input", "inputChars", "model", "output", "policyId", "policyVersion", "promptTokens", "provider", "pseudonymMap", "retainUntil", "status", "trialId", "userId") SELECT "assistant", "completedAt", "completionTokens", "contentPurgedAt", "createdAt", "details", "durationMs", "errorCode", "finalText", "guardDecision", "guardFindings", "id", "input", "inputChars", "model", "output", "policyId", "policyVersion", "promptTokens", "provider", "pseudonymMap", "retainUntil", "status", "trialId", "userId" FROM "Run";
DROP TABLE "Run";
ALTER TABLE "new_Run" RENAME TO "Run";
CREATE INDEX "Run_trialId_createdAt_idx" ON "Run"("trialId", "createdAt");
CREATE INDEX "Run_userId_trialId_createdAt_status_idx" ON "Run"("userId", "trialId", "createdAt", "status");
CREATE INDEX "Run_retainUntil_idx" ON "Run"("retainUntil");
CREATE TABLE "new_Trial" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "unitId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "hypothesis" TEXT NOT NULL DEFAULT '',
    "successCriteria" TEXT NOT NULL DEFAULT '',
    "briefing" TEXT NOT NULL DEFAULT '',
    "assistants" TEXT NOT NULL DEFAULT '[]',
    "questions" TEXT NOT NULL DEFAULT '[]',
    "policyId" TEXT NOT NULL,
    "policyVersion" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'DRAFT',
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "briefingRevision" INTEGER NOT NULL DEFAULT 1,
    "published" BOOLEAN NOT NULL DEFAULT false,
    "createdById" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Trial_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrgUnit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Trial_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Trial" ("assistants", "briefing", "createdAt", "createdById", "endsAt", "hypothesis", "id", "policyId", "policyVersion", "published", "purpose", "questions", "startsAt", "status", "successCriteria", "title", "unitId", "updatedAt", "version") SELECT "assistants", "briefing", "createdAt", "createdById", "endsAt", "hypothesis", "id", "policyId", "policyVersion", "published", "purpose", "questions", "startsAt", "status", "successCriteria", "title", "unitId", "updatedAt", "version" FROM "Trial";
DROP TABLE "Trial";
ALTER TABLE "new_Trial" RENAME TO "Trial";
CREATE INDEX "Trial_unitId_status_idx" ON "Trial"("unitId", "status");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "RetentionSweep_startedAt_idx" ON "RetentionSweep"("startedAt");
