/**
 * PostgreSQL's prepared statements: each connection parses a statement text once and runs it by
 * name after that, and holds at most `statementCacheSize` of them, however many `where` shapes
 * clients invent. What a connection holds is read from `pg_prepared_statements`, which shows the
 * connection's own.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { postgresEngine } from "../src/sql/postgres/engine.js";
import { parsePostgresUrl } from "../src/sql/postgres/url.js";
import { postgresDatabase, postgresUnavailable } from "./support/databases.js";

const skip = postgresUnavailable;

test("a connection runs a statement it has seen by name, and keeps at most statementCacheSize", { skip }, async () => {
  const database = await postgresDatabase();
  const statementCacheSize = 20;
  // One connection, so that every statement runs on the one whose statements are counted.
  const engine = postgresEngine({
    credentials: parsePostgresUrl(database.url),
    poolSize: 1,
    busyTimeoutMs: 1000,
    statementCacheSize,
  });
  const read = async <Row>(sql: string) => engine.reader.all<Row>({ sql, params: [] }, Infinity);
  const prepared = async () =>
    (
      await read<{ texts: string[]; backend: number }>(
        "SELECT array_agg(statement ORDER BY prepare_time) AS texts, pg_backend_pid() AS backend FROM pg_prepared_statements",
      )
    )[0]!;
  try {
    for (let run = 0; run < 3; run++) await read("SELECT 1 AS one");
    const first = await prepared();
    assert.deepEqual(
      first.texts.map((text) => text.split(" AS ")[0]),
      ["SELECT 1", "SELECT array_agg(statement ORDER BY prepare_time)"],
      "three runs of one text prepare it once",
    );

    // Full with texts that all run again, the connection stays.
    for (let shape = first.texts.length; shape < statementCacheSize; shape++) await read(`SELECT ${shape} AS shape`);
    const full = await prepared();
    assert.equal(full.texts.length, statementCacheSize);
    assert.equal(full.backend, first.backend, "a connection full of texts in use is kept");

    for (let shape = 0; shape < statementCacheSize * 2; shape++) {
      assert.deepEqual(await read(`SELECT ${shape} AS shape`), [{ shape }]);
    }
    const afterShapes = await prepared();
    assert.notEqual(afterShapes.backend, first.backend, "the connection that had to run texts unnamed was replaced");
    assert.ok(afterShapes.texts.length <= statementCacheSize, `${afterShapes.texts.length} statements prepared`);
  } finally {
    await engine.close();
    await database.drop();
  }
});
