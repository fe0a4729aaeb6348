-- CreateTable
CREATE TABLE "SignInFailure" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "score" REAL NOT NULL,
    "scoredAt" DATETIME NOT NULL,
    "lastFailureAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "SignInFailure_scoredAt_idx" ON "SignInFailure"("scoredAt");
