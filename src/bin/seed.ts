/** `npm run seed`: drops every table of DATABASE_URL, creates them again and loads `seeds/`. */
import "reflect-metadata";
import { openDatabase } from "../sql/connection.js";
import { redactDatabaseUrl } from "../sql/postgres/url.js";
import { configFromEnv } from "../server/config.js";

const { databaseUrl, engine: options } = configFromEnv();
const { engine } = await openDatabase(databaseUrl, { ...options, recreate: true });
await engine.close();
console.log(`Seeded ${redactDatabaseUrl(databaseUrl)}`);
