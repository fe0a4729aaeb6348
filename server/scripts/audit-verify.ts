import { loadConfig } from '../src/config/env.js';
import { createDb } from '../src/lib/db.js';
import { verifyAuditChain } from '../src/modules/audit/audit.service.js';

/** `npm run audit:verify`: checks the whole chain; exit 0 when intact, 1 with the first broken link. */
const config = loadConfig();
const db = await createDb(config.databaseUrl);
try {
  const result = await verifyAuditChain(db);
  if (result.ok) {
    process.stdout.write(`Revisionssporet er intakt: ${result.checked} hændelser kontrolleret.\n`);
  } else {
    const why = result.firstBroken!.reason === 'hash_mismatch' ? 'indholdet passer ikke til hashen' : 'kæden er brudt (en hændelse mangler eller er flyttet)';
    process.stdout.write(
      `Revisionssporet er BRUDT ved hændelse nr. ${result.firstBroken!.seq}: ${why}. ${result.checked} hændelser før den er i orden.\n`,
    );
    process.exitCode = 1;
  }
} finally {
  await db.$disconnect();
}
