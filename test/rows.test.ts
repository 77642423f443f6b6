/** Rows as both engines read them, arrays of values, made into the objects the API serves. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { rowObjects } from "../src/sql/rows.js";

test("rows from a SQLite worker become objects keyed by their columns, in order", () => {
  const rows = rowObjects(
    ["id", "title", "authorId"],
    [
      [1, "Book 1", 7],
      [2, null, 8],
    ],
  );
  assert.deepEqual(rows, [
    { id: 1, title: "Book 1", authorId: 7 },
    { id: 2, title: null, authorId: 8 },
  ]);
  assert.deepEqual(Object.keys(rows[1]!), ["id", "title", "authorId"]);
});

test("the arrays are handed over: emptied once made objects, so that the driver's result holds no rows", () => {
  const arrays = [[1], [2]];
  assert.deepEqual(rowObjects(["id"], arrays), [{ id: 1 }, { id: 2 }]);
  assert.deepEqual(arrays, []);
});

test("a repeated column name keeps its last value, as better-sqlite3's own row objects do", () => {
  assert.deepEqual(rowObjects(["id", "name", "name"], [[1, "first", "last"]]), [{ id: 1, name: "last" }]);
});

test("column names that are not identifiers, or are __proto__, stay plain own properties", () => {
  const [row] = rowObjects(["id", 'a "quoted" name', "__proto__", "}; throw 1; ({"], [[1, 2, 3, 4]]);
  assert.equal(Object.getPrototypeOf(row), Object.prototype);
  assert.deepEqual(Object.entries(row!), [
    ["id", 1],
    ['a "quoted" name', 2],
    ["__proto__", 3],
    ["}; throw 1; ({", 4],
  ]);
});
