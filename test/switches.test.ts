/**
 * The switches for running the playground in public: production error masking, introspection,
 * READ_ONLY and MUTATION_TOKEN, each on a server of its own.
 */
import assert from "node:assert/strict";
import { after, before, describe, mock, test } from "node:test";
import { configFromEnv } from "../src/server/config.js";
import { errorFormatter } from "../src/server/errors.js";
import { PeopleTotalDocument, WriteAuthorDocument } from "./generated/operations.js";
import { TestPlayground } from "./support/playground.js";

const authorCount = async (playground: TestPlayground) =>
  (await playground.rows<{ n: number }>("SELECT count(*) AS n FROM author"))[0]!.n;

test("the switches are read from the environment", () => {
  const defaults = configFromEnv({});
  assert.deepEqual(
    [defaults.production, defaults.introspection, defaults.readOnly, defaults.mutationToken],
    [false, true, false, undefined],
  );
  const config = configFromEnv({ NODE_ENV: "production", INTROSPECTION: "0", READ_ONLY: "1", MUTATION_TOKEN: "t0k" });
  assert.deepEqual(
    [config.production, config.introspection, config.readOnly, config.mutationToken],
    [true, false, true, "t0k"],
  );
  assert.equal(configFromEnv({ INTROSPECTION: "off", READ_ONLY: "yes" }).introspection, false);
  assert.throws(() => configFromEnv({ READ_ONLY: "maybe" }), /READ_ONLY must be 1 or 0/);
});

describe("NODE_ENV=production", () => {
  let playground: TestPlayground;
  before(async () => (playground = await TestPlayground.start({ production: true })));
  after(() => playground.close());

  test("an internal error reaches the client as a generic one, and the log gets the real error", async () => {
    // A table gone from under the server, as after a botched migration.
    await playground.exec("ALTER TABLE author RENAME TO author_moved");
    const logged = mock.method(console, "error", () => {});
    try {
      const response = await playground.post({ query: "{ authors { name } }" });
      assert.deepEqual(response.errors, [
        {
          message: "Internal server error",
          locations: [{ line: 1, column: 3 }],
          path: ["authors"],
          extensions: { code: "INTERNAL_SERVER_ERROR" },
        },
      ]);
      assert.equal(logged.mock.callCount(), 1);
      assert.match(
        String(logged.mock.calls[0]!.arguments[0]),
        /no such table: author|relation "author" does not exist/,
      );
    } finally {
      logged.mock.restore();
      await playground.exec("ALTER TABLE author_moved RENAME TO author");
    }
  });

  test("the contract's own refusals pass unmasked, without stack traces", async () => {
    const response = await playground.post({ query: '{ author(id: "abc") { name } }' });
    assert.equal(response.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.match(response.errors![0]!.message, /"abc" is not an id/);
    assert.equal(response.errors![0]!.extensions?.stacktrace, undefined);
    const tooLong = await playground.request(WriteAuthorDocument, { name: "x".repeat(101) });
    assert.equal(tooLong.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
    assert.match(tooLong.errors![0]!.message, /at most 100 characters/);
    const manyWrongIds = await playground.post({
      query: "query ($ids: [ID!]!) { authors(where: { id: { in: $ids } }) { name } }",
      variables: { ids: Array.from({ length: 60 }, () => ({ not: "an id" })) },
    });
    assert.equal(manyWrongIds.status, 400);
    assert.deepEqual(new Set(manyWrongIds.errors?.map((error) => error.extensions?.code)), new Set(["BAD_USER_INPUT"]));
    const unknownField = await playground.post({ query: "{ authors { nickname } }" });
    assert.equal(unknownField.errors?.[0]?.extensions?.code, "GRAPHQL_VALIDATION_FAILED");
    assert.match(unknownField.errors![0]!.message, /Cannot query field "nickname" on type "Author"/);
  });

  test("outside production the same internal error shows its message, for debugging", () => {
    const format = errorFormatter({
      production: false,
      introspection: true,
      queryLimits: configFromEnv({}).queryLimits,
    });
    const formatted = { message: "no such table: author", extensions: { code: "INTERNAL_SERVER_ERROR" } };
    assert.deepEqual(format(formatted, new Error("no such table: author")), formatted);
  });
});

describe("INTROSPECTION=0", () => {
  let playground: TestPlayground;
  before(async () => (playground = await TestPlayground.start({ introspection: false })));
  after(() => playground.close());

  test("the schema cannot be read, while queries and __typename still work", async () => {
    const refused = await playground.post({ query: "{ __schema { types { name } } }" });
    assert.equal(refused.errors?.[0]?.extensions?.code, "GRAPHQL_VALIDATION_FAILED");
    assert.match(refused.errors![0]!.message, /introspection is not allowed/);
    const served = await playground.post({ query: "{ __typename peopleCount }" });
    assert.deepEqual(served.data, { __typename: "Query", peopleCount: served.data?.peopleCount });
  });

  test("error messages do not suggest field names either", async () => {
    const response = await playground.post({ query: "{ autors { name } }" });
    assert.equal(response.errors?.[0]?.extensions?.code, "GRAPHQL_VALIDATION_FAILED");
    assert.doesNotMatch(response.errors![0]!.message, /Did you mean/);
  });

  test("it is on by default", async () => {
    const open = await TestPlayground.start();
    try {
      const response = await open.post({ query: "{ __schema { queryType { name } } }" });
      assert.deepEqual(response.data, { __schema: { queryType: { name: "Query" } } });
    } finally {
      await open.close();
    }
  });
});

describe("READ_ONLY=1", () => {
  let playground: TestPlayground;
  before(async () => (playground = await TestPlayground.start({ readOnly: true })));
  after(() => playground.close());

  test("every mutation is refused with FORBIDDEN before any SQL, and nothing is written", async () => {
    const before = await authorCount(playground);
    for (const query of [
      'mutation { createAuthor(input: { name: "Nope" }) { id } }',
      "mutation { deleteAuthor(id: 1) { total } }",
      "mutation { clearCourseStudents(courseId: 1) { id } }",
    ]) {
      const response = await playground.post({ query }, { trace: true });
      assert.equal(response.status, 403);
      assert.equal(response.errors?.[0]?.extensions?.code, "FORBIDDEN");
      assert.match(response.errors![0]!.message, /read-only/);
      assert.equal(response.sql?.count, 0);
    }
    assert.equal(await authorCount(playground), before);
    assert.equal((await playground.rows<{ n: number }>("SELECT count(*) AS n FROM course_students"))[0]!.n > 0, true);
  });

  test("queries are served", async () => {
    assert.ok((await playground.data(PeopleTotalDocument)).peopleCount > 0);
  });
});

describe("MUTATION_TOKEN", () => {
  const token = "correct horse battery staple";
  let playground: TestPlayground;
  before(async () => (playground = await TestPlayground.start({ mutationToken: token })));
  after(() => playground.close());

  test("a mutation without the bearer token, or with another, is UNAUTHENTICATED and writes nothing", async () => {
    const before = await authorCount(playground);
    for (const headers of [{}, { authorization: "Bearer wrong" }, { authorization: token }] as Record<
      string,
      string
    >[]) {
      const response = await playground.request(WriteAuthorDocument, { name: "Intruder" }, { headers, trace: true });
      assert.equal(response.status, 401);
      assert.equal(response.errors?.[0]?.extensions?.code, "UNAUTHENTICATED");
      assert.match(response.errors![0]!.message, /authorization: Bearer/);
      assert.equal(response.sql?.count, 0);
    }
    assert.equal(await authorCount(playground), before);
  });

  test("with the token the mutation runs; queries never need it", async () => {
    const { createAuthor } = await playground.data(
      WriteAuthorDocument,
      { name: "Trusted" },
      { headers: { authorization: `Bearer ${token}` } },
    );
    assert.equal(createAuthor.name, "Trusted");
    assert.ok((await playground.data(PeopleTotalDocument)).peopleCount > 0);
  });
});
