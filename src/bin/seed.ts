/**
 * `npm run seed`: drops every table of DATABASE_URL, creates them again and loads `seeds/`
 * (FIXTURES instead when set; with MODELS, that file's tables, empty without FIXTURES).
 */
import "reflect-metadata";
import { serveModels } from "../models/index.js";
import { openDatabase } from "../sql/connection.js";
import { redactDatabaseUrl } from "../sql/postgres/url.js";
import { configFromEnv } from "../server/config.js";

const { databaseUrl, models, fixtures, engine: options } = configFromEnv();
serveModels(models, fixtures);
const { engine } = await openDatabase(databaseUrl, { ...options, recreate: true });
await engine.close();
console.log(`Seeded ${redactDatabaseUrl(databaseUrl)}`);
