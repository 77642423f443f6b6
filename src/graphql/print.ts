/** The schema as SDL, exactly as `schema.graphql` holds it. */
import { printSchema } from "graphql";
import { withModelCatalog } from "../catalog.js";
import { playgroundSchema } from "./schema.js";

export function printedSchema(): Promise<string> {
  return withModelCatalog(async (catalog) => `${printSchema(await playgroundSchema(catalog))}\n`);
}
