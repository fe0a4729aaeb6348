-- CreateTable
CREATE TABLE "KeptRecording" (
    "ref" TEXT NOT NULL,
    "audio" BYTEA,
    "transcript" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "KeptRecording_pkey" PRIMARY KEY ("ref")
);

-- CreateIndex
CREATE INDEX "KeptRecording_createdAt_idx" ON "KeptRecording"("createdAt");
