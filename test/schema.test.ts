import "reflect-metadata";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { printedSchema } from "../src/graphql/print.js";
import { projectFile } from "../src/paths.js";

test("schema.graphql is the schema the server runs (npm run schema rewrites it)", async () => {
  assert.equal(readFileSync(projectFile("schema.graphql"), "utf8"), await printedSchema());
});
