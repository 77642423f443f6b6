/**
 * The contract's id rule: any base-10 integer is an id, and one that names no row is what Django
 * makes of it (null, NOT_FOUND, no match); only text that is no integer is BAD_USER_INPUT. Ids
 * past the database's integer range name no row and never reach it as a range error.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { TestPlayground } from "./support/playground.js";

let playground: TestPlayground;
before(async () => (playground = await TestPlayground.start()));
after(() => playground.close());

/** Well-formed ids that no row has: zero, negative, and past every integer type. */
const unknownIds = ["0", "-1", "-0", "9007199254740993", "99999999999999999999", `-${"9".repeat(40)}`];
const malformedIds = ["car-1", "1e3", " 1", "", "1.5", "0x10", "١"];

async function code(query: string): Promise<unknown> {
  const response = await playground.post({ query });
  assert.equal(response.errors?.length, 1, JSON.stringify(response));
  return response.errors![0]!.extensions?.code;
}

describe("an id that names no row", () => {
  test("reads as null, whatever its size", async () => {
    for (const id of unknownIds) {
      const response = await playground.post({
        query: "query ($id: ID!) { book(id: $id) { title } author(id: $id) { name } }",
        variables: { id },
      });
      assert.deepEqual(
        [response.status, response.data, response.errors],
        [200, { book: null, author: null }, undefined],
      );
    }
  });

  test("is NOT_FOUND when updated, deleted, pointed at or linked, and nothing is written", async () => {
    const tables = async () =>
      JSON.stringify([
        await playground.rows("SELECT * FROM book ORDER BY id"),
        await playground.rows("SELECT * FROM course_students ORDER BY course_id, student_id"),
      ]);
    const before = await tables();
    for (const id of unknownIds) {
      const quoted = JSON.stringify(id);
      for (const mutation of [
        `deleteBook(id: ${quoted}) { total }`,
        `updateBook(id: ${quoted}, input: { title: "Renamed" }) { id }`,
        `createBook(input: { title: "Orphan", authorId: ${quoted} }) { id }`,
        `updateBook(id: "1", input: { authorId: ${quoted} }) { id }`,
        `addCourseStudents(courseId: ${quoted}, ids: ["1"]) { id }`,
        `addCourseStudents(courseId: "1", ids: ["1", ${quoted}]) { id }`,
        `setCourseStudents(courseId: "1", ids: [${quoted}]) { id }`,
      ]) {
        assert.equal(await code(`mutation { ${mutation} }`), "NOT_FOUND", mutation);
      }
    }
    assert.equal(await tables(), before);
  });

  test("matches nothing in a filter, and its complement matches everything", async () => {
    const { booksCount } = (await playground.post<{ booksCount: number }>({ query: "{ booksCount }" })).data!;
    assert.ok(booksCount > 0);
    for (const id of unknownIds) {
      const response = await playground.post({
        query:
          "query ($id: ID!) { eq: booksCount(where: { id: { eq: $id } }) in: booksCount(where: { id: { in: [$id] } }) " +
          "fk: booksCount(where: { authorId: { eq: $id } }) ne: booksCount(where: { id: { ne: $id } }) " +
          "notIn: booksCount(where: { authorId: { notIn: [$id] } }) }",
        variables: { id },
      });
      assert.deepEqual(response.data, { eq: 0, in: 0, fk: 0, ne: booksCount, notIn: booksCount }, id);
    }
  });
});

describe("a value that is no integer", () => {
  test("is BAD_USER_INPUT wherever an id goes", async () => {
    for (const id of malformedIds) {
      const quoted = JSON.stringify(id);
      for (const operation of [
        `{ book(id: ${quoted}) { title } }`,
        `{ books(where: { id: { in: ["1", ${quoted}] } }) { title } }`,
        `mutation { deleteBook(id: ${quoted}) { total } }`,
        `mutation { addCourseStudents(courseId: "1", ids: [${quoted}]) { id } }`,
      ]) {
        assert.equal(await code(operation), "BAD_USER_INPUT", operation);
      }
    }
  });
});
