/**
 * Opening the database: TypeORM owns the schema (tables, foreign keys, indexes from the
 * models) and is done once it has checked or created it; from then on every statement goes
 * through the engine.
 */
import Database from "better-sqlite3";
import { accessSync, constants, existsSync, linkSync, rmSync, statSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { dirname } from "node:path";
import { DataSource } from "typeorm";
import { buildCatalog, type Catalog } from "../catalog.js";
import { servedModels } from "../models/index.js";
import { DjangoNamingStrategy } from "../naming.js";
import { seedDatabase } from "../seed.js";
import type { Engine } from "./engine.js";
import { openPostgresDatabase } from "./postgres/database.js";
import { isPostgresUrl, redactDatabaseUrl } from "./postgres/url.js";
import { SqlRunner } from "./runner.js";
import { sqliteEngine } from "./sqlite/engine.js";

export interface EngineOptions {
  /** How long a write waits for another process's lock before DATABASE_BUSY. */
  busyTimeoutMs: number;
  /** Prepared statements kept per connection. */
  statementCacheSize: number;
  /** PostgreSQL connections this server keeps open. */
  poolSize: number;
}

export const defaultEngineOptions: EngineOptions = { busyTimeoutMs: 5000, statementCacheSize: 256, poolSize: 10 };

/** `sqlite:data/playground.sqlite` -> `data/playground.sqlite`, `sqlite::memory:` -> `:memory:`. */
export function databasePath(url: string): string {
  const match = /^sqlite:(.+)$/.exec(url);
  if (!match) {
    throw new StartupError(
      `DATABASE_URL must look like sqlite:path/to/file.sqlite or sqlite::memory: (or postgres://user:password@host:port/database), got "${redactDatabaseUrl(url)}".`,
    );
  }
  return match[1]!;
}

/** A refusal to start, with a message that says what to do; printed as one line, no stack. */
export class StartupError extends Error {}

export interface OpenDatabase {
  engine: Engine;
  catalog: Catalog;
  /** True when the database was created (and seeded) by this call. */
  created: boolean;
}

export interface OpenOptions extends EngineOptions {
  /** Drop every table and create them again from the models, then seed (`npm run seed`). */
  recreate?: boolean;
  /** False creates a new database without the seed rows (the bench fills its own). */
  seed?: boolean;
}

/**
 * Opens `url`, creating and seeding the database when it has no tables; refuses a database
 * whose tables differ from the models.
 */
export async function openDatabase(url: string, options: OpenOptions): Promise<OpenDatabase> {
  if (isPostgresUrl(url)) return openPostgresDatabase(url, options);
  const path = databasePath(url);
  if (path === ":memory:") {
    const { catalog, bytes } = await createdSchema(path, options);
    const engine = sqliteEngine({ ...options, database: bytes!, readers: 0 });
    if (options.seed !== false) await seed(engine, catalog);
    return { engine, catalog, created: true };
  }
  checkWritable(path);
  let created = false;
  if (options.recreate || !hasTables(path)) created = await createFile(path, options);
  const schema = await openSchema(path, options);
  try {
    const differences = await schemaDifferences(schema);
    if (differences.length > 0) {
      throw new StartupError(
        `${path} does not match the playground's models (${differences.join("; ")}). ` +
          "It may be an older playground file or another application's. Reset it with `npm run seed` " +
          "(this deletes its data) or point DATABASE_URL at another file.",
      );
    }
  } finally {
    await schema.destroy();
  }
  const engine = sqliteEngine({ ...options, database: path, readers: 2 });
  return { engine, catalog: buildCatalog(schema), created };
}

function dataSourceFor(database: string, options: EngineOptions): DataSource {
  return new DataSource({
    type: "better-sqlite3",
    database,
    entities: [...servedModels().classes],
    namingStrategy: new DjangoNamingStrategy(),
    timeout: options.busyTimeoutMs,
    enableWAL: true,
  });
}

async function openSchema(database: string, options: EngineOptions): Promise<DataSource> {
  const dataSource = dataSourceFor(database, options);
  await dataSource.initialize();
  return dataSource;
}

/** Creates the tables in `database`; an in-memory database is handed over as its bytes. */
async function createdSchema(database: string, options: EngineOptions) {
  const dataSource = await openSchema(database, options);
  await dataSource.synchronize(true);
  const catalog = buildCatalog(dataSource);
  const connection = (dataSource.driver as unknown as { databaseConnection: Database.Database }).databaseConnection;
  const bytes = database === ":memory:" ? connection.serialize() : undefined;
  await dataSource.destroy();
  return { catalog, bytes };
}

async function seed(engine: Engine, catalog: Catalog): Promise<void> {
  await seedDatabase(new SqlRunner(engine), catalog, servedModels().seeds);
}

/**
 * Creates and seeds the database in a file of its own, then links it into place only if no
 * file is there: two servers starting on one new path cannot both create it, and the loser
 * opens the winner's file. Returns whether this call created it.
 */
async function createFile(path: string, options: OpenOptions): Promise<boolean> {
  const building = `${path}.${randomUUID()}.new`;
  removeDatabaseFiles(building);
  try {
    const { catalog } = await createdSchema(building, options);
    const engine = sqliteEngine({ ...options, database: building, readers: 0 });
    try {
      if (options.seed !== false) await seed(engine, catalog);
    } finally {
      await engine.close();
    }
    if (options.recreate) removeDatabaseFiles(path);
    try {
      linkSync(building, path);
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "EEXIST" && hasTables(path)) return false;
      throw error;
    }
  } finally {
    removeDatabaseFiles(building);
  }
}

function removeDatabaseFiles(path: string): void {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
}

function hasTables(path: string): boolean {
  if (!existsSync(path) || statSync(path).size === 0) return false;
  const connection = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const { n } = connection.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as {
      n: number;
    };
    return n > 0;
  } finally {
    connection.close();
  }
}

/** The playground writes to the file and, in WAL mode, creates files beside it. */
function checkWritable(path: string): void {
  for (const target of existsSync(path) ? [path, dirname(path)] : [dirname(path)]) {
    try {
      accessSync(target, constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") {
        throw new StartupError(`The folder ${target} does not exist; create it or point DATABASE_URL elsewhere.`);
      }
      throw new StartupError(
        `Cannot write ${target} (${code}): the playground writes the database file and, in WAL mode, ` +
          `files beside it. Make ${target} writable or point DATABASE_URL at a writable folder.`,
      );
    }
  }
}

/** Tables and columns the models expect that the database lacks, or has and the models do not. */
async function schemaDifferences(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  try {
    const tables = new Map((await runner.getTables()).map((table) => [table.name, table]));
    const differences: string[] = [];
    const expected = new Set<string>();
    for (const entity of dataSource.entityMetadatas) {
      expected.add(entity.tableName);
      const table = tables.get(entity.tableName);
      if (!table) {
        differences.push(`table ${entity.tableName} is missing`);
        continue;
      }
      const columns = new Set(table.columns.map((column) => column.name));
      const wanted = entity.columns.map((column) => column.databaseName);
      const missing = wanted.filter((column) => !columns.has(column));
      const extra = [...columns].filter((column) => !wanted.includes(column));
      if (missing.length > 0) differences.push(`${entity.tableName} lacks ${missing.join(", ")}`);
      if (extra.length > 0) differences.push(`${entity.tableName} has unknown ${extra.join(", ")}`);
    }
    const unknown = [...tables.keys()].filter((name) => !expected.has(name) && !name.startsWith("sqlite_"));
    if (unknown.length > 0) differences.push(`unknown tables ${unknown.join(", ")}`);
    return differences;
  } finally {
    await runner.release();
  }
}
