/**
 * `npm run schema`: writes the running schema to `schema.graphql`, the file clients build on;
 * `npm run schema -- --models path/to/models.py` prints that file's schema instead.
 */
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { printedSchema } from "../graphql/print.js";
import { ModelsFileError } from "../errors.js";
import { serveModels, servedModels } from "../models/index.js";
import { projectFile } from "../paths.js";

const { values } = parseArgs({ options: { models: { type: "string" } } });
if (values.models === undefined) {
  writeFileSync(projectFile("schema.graphql"), await printedSchema());
  console.log("Wrote schema.graphql");
} else {
  try {
    serveModels(values.models);
  } catch (error) {
    // A file the playground cannot serve is the reader's to fix: its one line, as `npm start` prints it.
    if (!(error instanceof ModelsFileError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  for (const warning of servedModels().warnings) console.warn(warning);
  process.stdout.write(await printedSchema());
}
