/**
 * Opening a PostgreSQL database: the same entities and Django naming as SQLite's connection,
 * through the `pg` driver. TypeORM never changes the schema here on its own (no `synchronize`,
 * no extensions): for the built-in models the committed migrations do, when `migrate` runs them;
 * a models file of one's own has none, and its tables are created from its models (schema.ts).
 */
import { DataSource } from "typeorm";
import { adaptColumnForPostgres } from "../../models/entities.js";
import { servedModels } from "../../models/index.js";
import { DjangoNamingStrategy } from "../../naming.js";
import { migrations } from "../../migrations/index.js";
import { parsePostgresUrl } from "./url.js";

/**
 * Text compares and orders by code point, as SQLite's BINARY does, whatever collation the
 * database was created with (`en_US` would put "a" before "B").
 */
export const textCollation = "C";

const textTypes = new Set(["varchar", "text"]);

export const migrationsTable = "playground_migrations";

export interface PostgresOptions {
  /** Connections in the pool that this process keeps to the database. */
  poolSize?: number;
}

export interface OpenPostgres {
  dataSource: DataSource;
  /** True when the database has none of the playground's tables yet: it is to be migrated and seeded. */
  isNew: boolean;
}

export function postgresDataSource(url: string, options: PostgresOptions = {}): DataSource {
  const credentials = parsePostgresUrl(url);
  const { classes, hasMigrations } = servedModels();
  return new DataSource({
    type: "postgres",
    ...credentials,
    entities: [...classes],
    namingStrategy: new DjangoNamingStrategy(),
    migrations: hasMigrations ? [...migrations] : [],
    migrationsTableName: migrationsTable,
    migrationsTransactionMode: "all",
    synchronize: false,
    installExtensions: false,
    poolSize: options.poolSize,
  });
}

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<OpenPostgres> {
  const dataSource = postgresDataSource(url, options);
  await dataSource.initialize();
  adaptMetadata(dataSource);
  return { dataSource, isNew: !(await hasModelTables(dataSource)) };
}

/**
 * Rules that belong to PostgreSQL alone, so they are set on this data source's metadata
 * rather than in the models' decorators, which both engines share; the migrations and the
 * schema check then both see them:
 * - instants and decimals take PostgreSQL's own types (timestamptz, numeric), which SQLite lacks;
 * - text collates as "C" (SQLite has no collation of that name; its BINARY is the same order);
 * - a float is `double precision`, as Django makes a FloatField there: PostgreSQL's `real` has
 *   4 bytes, SQLite's 8, and 0.1 would read back differently;
 * - foreign keys are DEFERRABLE (still checked at each statement unless a transaction defers
 *   them), so that seeding may insert a row before the row it refers to, as on SQLite.
 */
function adaptMetadata(dataSource: DataSource): void {
  for (const entity of dataSource.entityMetadatas) {
    for (const column of entity.columns) {
      adaptColumnForPostgres(column);
      if (textTypes.has(String(column.type))) column.collation = textCollation;
      if (column.type === "real") column.type = "double precision";
    }
    for (const foreignKey of entity.foreignKeys) foreignKey.deferrable = "INITIALLY IMMEDIATE";
  }
}

/** Whether committed migrations give this data source's schema (the built-in models'). */
export function hasCommittedMigrations(dataSource: DataSource): boolean {
  return dataSource.migrations.length > 0;
}

/**
 * Whether the database holds tables to check rather than create: any of the models' tables,
 * or, for a models file of one's own, any table at all, so that its tables are never created
 * beside another application's or another models file's.
 */
export async function hasModelTables(dataSource: DataSource): Promise<boolean> {
  if (!hasCommittedMigrations(dataSource)) return (await schemaTables(dataSource)).length > 0;
  const tables = dataSource.entityMetadatas.map((entity) => entity.tableName);
  const [row] = (await dataSource.query(
    "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = ANY($1)",
    [tables],
  )) as Array<{ n: number }>;
  return row!.n > 0;
}

/** The tables of the database's default schema, by name. */
export async function schemaTables(dataSource: DataSource): Promise<string[]> {
  const rows = (await dataSource.query(
    "SELECT table_name AS name FROM information_schema.tables " +
      "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
  )) as Array<{ name: string }>;
  return rows.map((row) => row.name);
}
