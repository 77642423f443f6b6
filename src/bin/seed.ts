/** `npm run seed`: drops every table of DATABASE_URL, creates them again and loads `seeds/`. */
import "reflect-metadata";
import { buildCatalog } from "../catalog.js";
import { seedDatabase } from "../seed.js";
import { openDatabase, recreateSchema } from "../sql/connection.js";
import { redactDatabaseUrl } from "../sql/postgres/url.js";
import { SqlRunner } from "../sql/runner.js";
import { configFromEnv } from "../server/config.js";

const { databaseUrl } = configFromEnv();
const database = await openDatabase(databaseUrl);
await recreateSchema(database.dataSource);
seedDatabase(new SqlRunner(database.connection), buildCatalog(database.dataSource));
await database.dataSource.destroy();
console.log(`Seeded ${redactDatabaseUrl(databaseUrl)}`);
