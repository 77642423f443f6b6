/** `npm run schema`: writes the running schema to `schema.graphql`, the file clients build on. */
import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { printedSchema } from "../graphql/print.js";
import { projectFile } from "../paths.js";

writeFileSync(projectFile("schema.graphql"), await printedSchema());
console.log("Wrote schema.graphql");
