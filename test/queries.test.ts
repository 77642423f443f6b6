/**
 * Query files with their expected result and the SQL they ran kept beside them, so that a
 * change in results or in the statements (an N+1 regression, a lost batch) shows up as a diff
 * of `test/queries/*.expected.json`. After a deliberate change, `UPDATE_EXPECTED=1 npm test`
 * rewrites those files for review (with TEST_ENGINE=postgres, PostgreSQL's).
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { projectFile } from "../src/paths.js";
import { testEngine } from "./support/databases.js";
import { TestPlayground } from "./support/playground.js";

const directory = projectFile("test", "queries");
/** Each engine's SQL is its own: `x.expected.json` on SQLite, `x.postgres.expected.json` on PostgreSQL. */
const expectedSuffix = testEngine === "sqlite" ? ".expected.json" : `.${testEngine}.expected.json`;
let playground: TestPlayground;

before(async () => (playground = await TestPlayground.start()));
after(() => playground.close());

for (const file of readdirSync(directory).filter((name) => name.endsWith(".graphql"))) {
  test(file, async () => {
    const response = await playground.post({ query: readFileSync(`${directory}/${file}`, "utf8") }, { trace: true });
    // Statements of one level go out on several PostgreSQL connections, and the level below
    // starts with whichever answers first: there the order of the statements is kept sorted.
    const sql =
      testEngine === "sqlite" ? response.sql : { ...response.sql!, statements: response.sql!.statements.sort() };
    const actual = `${JSON.stringify({ data: response.data, errors: response.errors, sql }, null, 2)}\n`;
    const expectedFile = `${directory}/${file.replace(/\.graphql$/, expectedSuffix)}`;
    if (process.env.UPDATE_EXPECTED === "1") writeFileSync(expectedFile, actual);
    assert.ok(existsSync(expectedFile), `${expectedFile} is missing: run UPDATE_EXPECTED=1 npm test and review it`);
    assert.equal(actual, readFileSync(expectedFile, "utf8"));
    if (testEngine !== "sqlite") {
      const onSqlite = JSON.parse(readFileSync(`${directory}/${file.replace(/\.graphql$/, ".expected.json")}`, "utf8"));
      assert.deepEqual(
        { data: response.data, errors: response.errors, count: response.sql?.count },
        {
          data: onSqlite.data,
          errors: onSqlite.errors,
          count: onSqlite.sql.count,
        },
        "the same results and statement count as on SQLite",
      );
    }
  });
}
