/** The schema as SDL, exactly as `schema.graphql` holds it. */
import { printSchema } from "graphql";
import { defaultEngineOptions, openDatabase } from "../sql/connection.js";
import { playgroundSchema } from "./schema.js";

export async function printedSchema(): Promise<string> {
  const { engine, catalog } = await openDatabase("sqlite::memory:", { ...defaultEngineOptions, seed: false });
  try {
    return `${printSchema(await playgroundSchema(catalog))}\n`;
  } finally {
    await engine.close();
  }
}
