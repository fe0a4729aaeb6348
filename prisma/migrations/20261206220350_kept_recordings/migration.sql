-- CreateTable
CREATE TABLE "KeptRecording" (
    "ref" TEXT NOT NULL PRIMARY KEY,
    "audio" BLOB,
    "transcript" TEXT,
    "createdAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "KeptRecording_createdAt_idx" ON "KeptRecording"("createdAt");
