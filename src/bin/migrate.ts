/** `npm run migrate`: applies the committed migrations that a PostgreSQL `DATABASE_URL` has not run. */
import "reflect-metadata";
import { configFromEnv } from "../server/config.js";
import { openPostgres } from "../sql/postgres/connection.js";
import { migrate } from "../sql/postgres/schema.js";
import { isPostgresUrl, redactDatabaseUrl } from "../sql/postgres/url.js";

const { databaseUrl, models } = configFromEnv();
if (models !== undefined) {
  console.log(
    `MODELS=${models} has no migrations: a server started on an empty database creates its tables, ` +
      "and `npm run seed` creates them again.",
  );
} else if (!isPostgresUrl(databaseUrl)) {
  console.log(
    `${redactDatabaseUrl(databaseUrl)}: migrations are for PostgreSQL; a new SQLite file gets the models' ` +
      "schema when the server creates it, and `npm run seed` recreates it.",
  );
} else {
  const { dataSource } = await openPostgres(databaseUrl);
  try {
    const applied = await migrate(dataSource);
    console.log(
      applied.length === 0
        ? `${redactDatabaseUrl(databaseUrl)} is up to date.`
        : `Applied to ${redactDatabaseUrl(databaseUrl)}: ${applied.join(", ")}`,
    );
  } finally {
    await dataSource.destroy();
  }
}
