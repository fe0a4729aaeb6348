/**
 * `npm run --silent admin:create -- --email <e> --name <n> [--unit <code>] [--unit-name <name>]`
 *
 * Creates a digital-unit account on the database named by DATABASE_URL (SQLite or PostgreSQL): the first one on
 * a new production database, where nobody can sign in yet, or a way back in. The password is read from standard
 * input, never from the command line (which other users of the machine can see in the process list): typed
 * without echo at a terminal (twice), or the first line of what is piped in.
 *
 * Exit codes: 0 created; 1 refused (the e-mail exists, the password is too weak, pending migrations ...);
 * 2 wrong usage; 78 wrong configuration (as the server).
 */
import { parseArgs } from 'node:util';
import { migrationStatus } from '../../prisma/tools/schema-engine.js';
import { ConfigError, loadConfig } from '../src/config/env.js';
import { createDb, providerOf } from '../src/lib/db.js';
import { AppError } from '../src/lib/errors.js';
import { createDigitalUnitAccount } from '../src/modules/users/users.service.js';

const USAGE = `Brug:
  npm run --silent admin:create -- --email <e-mail> --name <navn> [--unit <kode>] [--unit-name <navn>]

Opretter en bruger med rollen Digital Udvikling i databasen, som DATABASE_URL peger på.
Adgangskoden (mindst 12 tegn) læses fra standard input: skrevet uden ekko i en terminal, eller den første
linje af det, der sendes ind med en pipe, fx:  printf '%s\\n' "$ADGANGSKODE" | npm run --silent admin:create -- ...

  --unit        koden på brugerens enhed (standard: DIGITAL). Findes ingen enhed med koden, oprettes den.
  --unit-name   navnet på en enhed, der oprettes (standard: Digital Udvikling).
`;

function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function parseCommandLine() {
  try {
    const { values } = parseArgs({
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        unit: { type: 'string', default: 'DIGITAL' },
        'unit-name': { type: 'string', default: 'Digital Udvikling' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    });
    if (values.help) {
      process.stdout.write(USAGE);
      process.exit(0);
    }
    if (!values.email || !values.name) fail(`Angiv både --email og --name.\n\n${USAGE}`, 2);
    return { email: values.email, name: values.name, unitCode: values.unit, unitName: values['unit-name'] };
  } catch (err) {
    return fail(`${(err as Error).message}\n\n${USAGE}`, 2);
  }
}

/** Reads one line at a terminal without echoing it. Ctrl-C aborts. */
function readHidden(prompt: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(prompt);
  return new Promise((resolve) => {
    let value = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          process.stderr.write('\n');
          fail('Afbrudt. Ingen bruger er oprettet.', 130);
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else if (ch >= ' ') value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPiped(): Promise<string> {
  let text = '';
  process.stdin.setEncoding('utf8');
  for await (const chunk of process.stdin) text += chunk as string;
  return text.split(/\r?\n/)[0] ?? '';
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const password = await readPiped();
    if (!password) fail('Der kom ingen adgangskode på standard input. Send den som første linje, fx med printf \'%s\\n\'.');
    return password;
  }
  const first = await readHidden('Adgangskode (mindst 12 tegn): ');
  const again = await readHidden('Gentag adgangskoden: ');
  if (first !== again) fail('De to adgangskoder er ikke ens. Ingen bruger er oprettet.');
  return first;
}

async function main(): Promise<void> {
  const args = parseCommandLine();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(`${err.message}\nSe .env.example for alle indstillinger.`, 78);
    throw err;
  }
  const { pending } = await migrationStatus({ url: config.databaseUrl });
  if (pending.length > 0) {
    fail(`Databasen mangler ${pending.length} migrering(er). Kør først: npm run db:migrate (med samme DATABASE_URL).`);
  }
  const password = await readPassword();
  const db = await createDb(config.databaseUrl);
  try {
    const { user, unitCreated } = await createDigitalUnitAccount(
      { db, provider: providerOf(config.databaseUrl), config },
      { ...args, password },
    );
    process.stdout.write(
      `Brugeren ${user.email} er oprettet med rollen Digital Udvikling i enheden ${user.unit.name} (${user.unit.code}` +
        `${unitCreated ? ', ny enhed' : ''}). Log ind med e-mailadressen og adgangskoden.\n`,
    );
  } catch (err) {
    if (err instanceof AppError) fail(`Brugeren er ikke oprettet: ${err.message}`);
    throw err;
  } finally {
    await db.$disconnect();
  }
}

main().catch((err: unknown) => {
  // The kind of error only: a driver's message can quote the data it failed on.
  fail(`Brugeren er ikke oprettet: uventet fejl (${(err as Error)?.name ?? 'ukendt'}). Tjek DATABASE_URL, og prøv igen.`);
});
