/**
 * `npm run schema`: writes the running schema to `schema.graphql`, the file clients build on;
 * `npm run schema -- --models path/to/models.py` prints that file's schema instead.
 */
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { printedSchema } from "../graphql/print.js";
import { ModelsFileError } from "../errors.js";
import { serveModels } from "../models/index.js";
import { projectFile } from "../paths.js";

const { values } = parseArgs({ options: { models: { type: "string" } } });
if (values.models === undefined) {
  writeFileSync(projectFile("schema.graphql"), await printedSchema());
  console.log("Wrote schema.graphql");
} else {
  let printed: string;
  try {
    const { warnings } = serveModels(values.models);
    for (const warning of warnings) console.warn(warning);
    printed = await printedSchema();
  } catch (error) {
    // A file the playground cannot serve is the reader's to fix: its one line, as `npm start` prints it.
    if (!(error instanceof ModelsFileError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  process.stdout.write(printed);
}
