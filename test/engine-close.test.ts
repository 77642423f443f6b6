/**
 * Closing the database while work is in flight, as a stopping server does when a request
 * answered at its deadline is still resolving fields: what runs finishes, what comes later is
 * refused with the contract's code instead of the driver's complaint about a closed pool or
 * worker, and close() waits for the first before it closes anything.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { defaultEngineOptions, openDatabase } from "../src/sql/connection.js";
import { testDatabase } from "./support/databases.js";

test("close() lets running statements finish and refuses new ones with DATABASE_UNAVAILABLE", async () => {
  const database = await testDatabase();
  const { engine } = await openDatabase(database.url, defaultEngineOptions);
  try {
    const count = { sql: 'SELECT count(*) AS n FROM "author"', params: [] };
    const running = engine.reader.all<{ n: number }>(count, Infinity);
    const writing = engine.transaction(
      (writer) => writer.run({ sql: 'DELETE FROM "tag"', params: [] }, Infinity),
      Infinity,
    );
    const closed = engine.close();
    const refused = (error: Error & { extensions?: { code?: unknown } }) =>
      error.extensions?.code === "DATABASE_UNAVAILABLE" && /server is stopping/.test(error.message);
    await assert.rejects(engine.reader.all(count, Infinity), refused);
    await assert.rejects(
      engine.transaction((writer) => writer.all(count, Infinity), Infinity),
      refused,
    );
    assert.ok(Number((await running)[0]!.n) > 0, "the read that was running is answered");
    assert.ok((await writing).changes > 0, "the transaction that was running commits");
    await closed;
  } finally {
    await database.drop();
  }
});
