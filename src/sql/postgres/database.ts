/**
 * Opening a PostgreSQL `DATABASE_URL` for the server: TypeORM checks or creates the schema
 * under the schema lock (a new database gets its tables and the seed rows or fixtures), then
 * hands over to the engine's pool and closes its own connections.
 */
import { buildCatalog } from "../../catalog.js";
import { servedModels } from "../../models/index.js";
import { seedDatabase } from "../../seed.js";
import type { OpenDatabase, OpenOptions } from "../connection.js";
import { SqlRunner } from "../runner.js";
import { openPostgres } from "./connection.js";
import { postgresEngine } from "./engine.js";
import { preparePostgres } from "./schema.js";
import { parsePostgresUrl } from "./url.js";

export async function openPostgresDatabase(url: string, options: OpenOptions): Promise<OpenDatabase> {
  const engine = postgresEngine({
    credentials: parsePostgresUrl(url),
    poolSize: options.poolSize,
    busyTimeoutMs: options.busyTimeoutMs,
    statementCacheSize: options.statementCacheSize,
  });
  try {
    const { dataSource } = await openPostgres(url, { poolSize: 2 });
    const catalog = buildCatalog(dataSource);
    try {
      const created = await preparePostgres(dataSource, {
        recreate: options.recreate,
        seed: async () => {
          if (options.seed === false) return;
          await seedDatabase(new SqlRunner(engine), catalog, servedModels().seeds);
        },
      });
      return { engine, catalog, created };
    } finally {
      await dataSource.destroy();
    }
  } catch (error) {
    await engine.close();
    throw error;
  }
}
