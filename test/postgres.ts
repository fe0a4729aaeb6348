// Throwaway PostgreSQL for tests. The implementation lives in prisma/tools (migration creation needs it too);
// tests import it from here.
//   const pg = await startThrowawayPostgres();        // postgresql://postgres@127.0.0.1:PORT/postgres
//   const url = await createDatabase(pg.url, 'x');     // a new empty database on the same server
//   await pg.stop();                                   // stops the server and deletes its folder
// Without PostgreSQL installed, startThrowawayPostgres() throws an Error naming the package to install.
export {
  createDatabase,
  findPostgresBinaries,
  POSTGRES_INSTALL_HINT,
  startThrowawayPostgres,
  type ThrowawayPostgres,
} from '../prisma/tools/throwaway-postgres.js';
