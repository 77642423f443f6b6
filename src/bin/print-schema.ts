/**
 * `npm run schema`: writes the running schema to `schema.graphql`, the file clients build on;
 * `npm run schema -- --models path/to/models.py` prints that file's schema instead.
 */
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { printedSchema } from "../graphql/print.js";
import { serveModels } from "../models/index.js";
import { projectFile } from "../paths.js";

const { values } = parseArgs({ options: { models: { type: "string" } } });
if (values.models === undefined) {
  writeFileSync(projectFile("schema.graphql"), await printedSchema());
  console.log("Wrote schema.graphql");
} else {
  serveModels(values.models);
  process.stdout.write(await printedSchema());
}
