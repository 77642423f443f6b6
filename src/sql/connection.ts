/**
 * Opening the database: TypeORM owns the schema (tables, foreign keys, indexes from the
 * models); the playground's own SQL runs on the same better-sqlite3 connection.
 */
import type { Database } from "better-sqlite3";
import { DataSource } from "typeorm";
import { models } from "../models/index.js";
import { DjangoNamingStrategy } from "../naming.js";

/** How long a statement waits for another process's lock before `SQLITE_BUSY`. */
const busyTimeoutMs = 5000;

/** `sqlite:data/playground.sqlite` -> `data/playground.sqlite`, `sqlite::memory:` -> `:memory:`. */
export function databasePath(url: string): string {
  const match = /^sqlite:(.+)$/.exec(url);
  if (!match) {
    throw new Error(`DATABASE_URL must look like sqlite:path/to/file.sqlite or sqlite::memory:, got "${url}"`);
  }
  return match[1]!;
}

export interface OpenDatabase {
  dataSource: DataSource;
  connection: Database;
  /** True when the file had no tables yet, so the caller knows to create and seed them. */
  isNew: boolean;
}

export async function openDatabase(url: string): Promise<OpenDatabase> {
  const dataSource = new DataSource({
    type: "better-sqlite3",
    database: databasePath(url),
    entities: [...models],
    namingStrategy: new DjangoNamingStrategy(),
    timeout: busyTimeoutMs,
    enableWAL: true,
    // WAL with synchronous=NORMAL survives a crash of the process with every committed
    // transaction (COMMIT has written it to the WAL file before the response goes out); only a
    // power loss or OS crash can take back the last commits. FULL would close that gap with an
    // fsync per commit, but better-sqlite3 waits for it on the one thread that serves every
    // request, and the data is examples that `npm run seed` restores.
    prepareDatabase: (db: Database) => {
      db.pragma("synchronous = NORMAL");
    },
  });
  await dataSource.initialize();
  const connection = (dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
  const tables = connection.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table'").get() as {
    n: number;
  };
  return { dataSource, connection, isNew: tables.n === 0 };
}

/** Drops every table and creates them again from the models. */
export async function recreateSchema(dataSource: DataSource): Promise<void> {
  await dataSource.synchronize(true);
}
