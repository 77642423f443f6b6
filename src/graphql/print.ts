/** The schema as SDL, exactly as `schema.graphql` holds it. */
import { printSchema } from "graphql";
import { buildCatalog } from "../catalog.js";
import { openDatabase } from "../sql/connection.js";
import { playgroundSchema } from "./schema.js";

export async function printedSchema(): Promise<string> {
  const database = await openDatabase("sqlite::memory:");
  try {
    return `${printSchema(await playgroundSchema(buildCatalog(database.dataSource)))}\n`;
  } finally {
    await database.dataSource.destroy();
  }
}
