/** `npm run diagram`: rewrites the README's entity-relationship diagram from the models. */
import "reflect-metadata";
import { readFileSync, writeFileSync } from "node:fs";
import { withModelCatalog } from "../graphql/print.js";
import { mermaidDiagram, modelsDiagram, readmeWithDiagram } from "../diagram.js";
import { projectFile } from "../paths.js";

const readmePath = projectFile("README.md");
const mermaid = await withModelCatalog((catalog) => mermaidDiagram(modelsDiagram(catalog)));
writeFileSync(readmePath, readmeWithDiagram(readFileSync(readmePath, "utf8"), mermaid));
console.log("Wrote the models diagram into README.md");
