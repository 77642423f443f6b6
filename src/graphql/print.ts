/** What the models derive, printed without serving them: the schema as `schema.graphql` holds it. */
import { printSchema } from "graphql";
import type { Catalog } from "../catalog.js";
import { defaultEngineOptions, openDatabase } from "../sql/connection.js";
import { playgroundSchema } from "./schema.js";

/** Hands the models' catalog to `use`, from a scratch in-memory database closed afterwards. */
export async function withModelCatalog<T>(use: (catalog: Catalog) => T | Promise<T>): Promise<T> {
  const { engine, catalog } = await openDatabase("sqlite::memory:", { ...defaultEngineOptions, seed: false });
  try {
    return await use(catalog);
  } finally {
    await engine.close();
  }
}

export function printedSchema(): Promise<string> {
  return withModelCatalog(async (catalog) => `${printSchema(await playgroundSchema(catalog))}\n`);
}
