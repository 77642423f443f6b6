/**
 * Query files with their expected result and the SQL they ran kept beside them, so that a
 * change in results or in the statements (an N+1 regression, a lost batch) shows up as a diff
 * of `test/queries/*.expected.json`. After a deliberate change, `UPDATE_EXPECTED=1 npm test`
 * rewrites those files for review.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { projectFile } from "../src/paths.js";
import { TestPlayground } from "./support/playground.js";

const directory = projectFile("test", "queries");
let playground: TestPlayground;

before(async () => (playground = await TestPlayground.start()));
after(() => playground.close());

for (const file of readdirSync(directory).filter((name) => name.endsWith(".graphql"))) {
  test(file, async () => {
    const response = await playground.post({ query: readFileSync(`${directory}/${file}`, "utf8") }, { trace: true });
    const actual = `${JSON.stringify({ data: response.data, errors: response.errors, sql: response.sql }, null, 2)}\n`;
    const expectedFile = `${directory}/${file.replace(/\.graphql$/, ".expected.json")}`;
    if (process.env.UPDATE_EXPECTED === "1") writeFileSync(expectedFile, actual);
    assert.ok(existsSync(expectedFile), `${expectedFile} is missing: run UPDATE_EXPECTED=1 npm test and review it`);
    assert.equal(actual, readFileSync(expectedFile, "utf8"));
  });
}
