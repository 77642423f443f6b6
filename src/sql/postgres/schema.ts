/**
 * The PostgreSQL schema's life: for the built-in models the committed migrations create and
 * change it (`npm run migrate`); a models file of one's own has no migrations, so an empty
 * database gets its tables from the models, in one transaction. Either way a server refuses to
 * start on a database whose tables differ from the models, saying what differs and how to get
 * back to a matching schema.
 *
 * Several server processes may start on one database at once; each of these steps runs under
 * one advisory lock, so that only the first creates (and seeds) a new database and the others
 * find it ready.
 */
import { MigrationExecutor, type DataSource, type QueryRunner } from "typeorm";
import { StartupError } from "../connection.js";
import { quote } from "../syntax.js";
import { hasCommittedMigrations, hasModelTables, migrationsTable, schemaTables } from "./connection.js";

/** Any number, the same in every process: `pg_advisory_lock` keys are shared by the whole database. */
const schemaLockKey = 7_305_202_411;

/** Runs `work` while holding the schema lock, on the connection that holds it. */
export async function withSchemaLock<T>(dataSource: DataSource, work: (runner: QueryRunner) => Promise<T>): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query("SELECT pg_advisory_lock($1)", [schemaLockKey]);
    try {
      return await work(runner);
    } finally {
      await runner.query("SELECT pg_advisory_unlock($1)", [schemaLockKey]);
    }
  } finally {
    await runner.release();
  }
}

/** Applies the migrations that the database has not run yet, in one transaction; returns their names. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  return withSchemaLock(dataSource, (runner) => runPendingMigrations(dataSource, runner));
}

/**
 * What a starting server does: a database without the playground's tables (or every database,
 * with `recreate`, after dropping them) gets them and is handed to `seed`; any other must match
 * the models (`checkSchema`). Returns whether the tables were created.
 */
export async function preparePostgres(
  dataSource: DataSource,
  options: { seed: () => Promise<void>; recreate?: boolean },
): Promise<boolean> {
  return withSchemaLock(dataSource, async (runner) => {
    if (options.recreate) {
      const tables = dataSource.entityMetadatas.map((entity) => entity.tableName);
      if (hasCommittedMigrations(dataSource)) tables.push(migrationsTable);
      await runner.query(`DROP TABLE IF EXISTS ${tables.map(quote).join(", ")} CASCADE`);
    } else if (await hasModelTables(dataSource)) {
      await checkSchema(dataSource);
      return false;
    }
    if (hasCommittedMigrations(dataSource)) await runPendingMigrations(dataSource, runner);
    // TypeORM's schema builder runs every CREATE in one transaction: a failure leaves no table.
    else await dataSource.synchronize();
    await options.seed();
    return true;
  });
}

/**
 * Refuses a database that has migrations to run, or whose tables, columns, keys or indexes
 * differ from the models (for a models file of one's own, also one that holds other tables):
 * the message lists the statements that would make it match.
 */
export async function checkSchema(dataSource: DataSource): Promise<void> {
  const migrated = hasCommittedMigrations(dataSource);
  const pending = migrated ? await new MigrationExecutor(dataSource).getPendingMigrations() : [];
  const unknown = migrated ? [] : await unknownTables(dataSource);
  const differences = await schemaDifferences(dataSource);
  if (pending.length === 0 && unknown.length === 0 && differences.length === 0) return;
  const lines = [
    ...pending.map((migration) => `migration ${migration.name} has not run`),
    ...(unknown.length > 0 ? [`tables the models do not have: ${unknown.join(", ")}`] : []),
    ...differences.map((statement) => `differs from the models; to match them: ${statement}`),
  ];
  const remedy = migrated
    ? "Run `npm run migrate` to apply the committed migrations, or `npm run seed` to drop the " +
      "playground's tables and create them again with the seed data (what they hold is lost)."
    : "A models file has no migrations: point DATABASE_URL at an empty database, or drop the tables " +
      "the models do not have and run `npm run seed` with the same MODELS to create the models' tables " +
      "again (what they hold is lost; FIXTURES seeds them).";
  throw new StartupError(
    `The database's schema does not match the playground's models:\n  - ${lines.join("\n  - ")}\n${remedy}`,
  );
}

async function unknownTables(dataSource: DataSource): Promise<string[]> {
  const expected = new Set(dataSource.entityMetadatas.map((entity) => entity.tableName));
  return (await schemaTables(dataSource)).filter((table) => !expected.has(table));
}

/** The statements TypeORM would run to bring the database to the models, without running them. */
export async function schemaDifferences(dataSource: DataSource): Promise<string[]> {
  const sql = await dataSource.driver.createSchemaBuilder().log();
  return sql.upQueries.map((query) => query.query);
}

async function runPendingMigrations(dataSource: DataSource, runner: QueryRunner): Promise<string[]> {
  const executor = new MigrationExecutor(dataSource, runner);
  executor.transaction = "all";
  const applied = await executor.executePendingMigrations();
  return applied.map((migration) => migration.name);
}
