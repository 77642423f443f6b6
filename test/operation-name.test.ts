/**
 * A request whose `operationName` names no operation of its document, or whose document has
 * several operations and no name, runs nothing: not past READ_ONLY, MUTATION_TOKEN, the GET rule
 * or the query limits, which all look at the operation that such a request does not resolve to.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { TestPlayground, type Response } from "./support/playground.js";

const pwned = 'mutation { createAuthor(input: { name: "pwned" }) { id } }';

async function pwnedAuthors(playground: TestPlayground): Promise<number> {
  const [row] = await playground.rows<{ n: number }>("SELECT count(*) AS n FROM author WHERE name = 'pwned'");
  return row!.n;
}

function assertUnresolved(response: Response<unknown>, pattern: RegExp) {
  assert.equal(response.status, 400);
  assert.deepEqual(
    response.errors?.map((error) => error.extensions?.code),
    ["OPERATION_RESOLUTION_FAILURE"],
  );
  assert.match(response.errors![0]!.message, pattern);
  assert.equal(response.data, undefined);
}

describe("READ_ONLY=1", () => {
  let playground: TestPlayground;
  before(async () => (playground = await TestPlayground.start({ readOnly: true })));
  after(() => playground.close());

  test("an operationName that names no operation does not run the mutation", async () => {
    const response = await playground.post({ operationName: "x", query: pwned }, { trace: true });
    assertUnresolved(
      response,
      /operationName "x" names no operation of the document, whose operations are: \(anonymous\)/,
    );
    assert.equal(response.sql?.count, 0);
    assert.equal(await pwnedAuthors(playground), 0);
  });

  test("a name that picks the mutation gets the read-only refusal; one that picks the query is served", async () => {
    const query = `query Count { authorsCount } mutation Write { createAuthor(input: { name: "pwned" }) { id } }`;
    const write = await playground.post({ operationName: "Write", query });
    assert.equal(write.status, 403);
    assert.equal(write.errors?.[0]?.extensions?.code, "FORBIDDEN");
    const read = await playground.post<{ authorsCount: number }>({ operationName: "Count", query });
    assert.ok(read.data!.authorsCount > 0);
    assert.equal(await pwnedAuthors(playground), 0);
  });
});

describe("MUTATION_TOKEN", () => {
  let playground: TestPlayground;
  before(async () => (playground = await TestPlayground.start({ mutationToken: "s3cret" })));
  after(() => playground.close());

  test("an unknown operationName without the token writes nothing", async () => {
    assertUnresolved(await playground.post({ operationName: "x", query: pwned }), /names no operation/);
    assert.equal(await pwnedAuthors(playground), 0);
  });
});

describe("an open server", () => {
  let playground: TestPlayground;
  before(async () => (playground = await TestPlayground.start()));
  after(() => playground.close());

  test("several operations and no operationName run none of them", async () => {
    const query = `mutation A { createAuthor(input: { name: "pwned" }) { id } } mutation B { deleteAuthor(id: 1) { total } }`;
    const response = await playground.post({ query }, { trace: true });
    assertUnresolved(response, /several operations \("A", "B"\): send operationName/);
    assert.equal(response.sql?.count, 0);
    assert.equal(await pwnedAuthors(playground), 0);
  });

  test("a mutation over GET stays refused with an unknown operationName", async () => {
    const get = (search: string) => fetch(`${playground.url}?${search}`);
    const unnamed = await get(`query=${encodeURIComponent(pwned)}&operationName=x`);
    assert.equal(unnamed.status, 400);
    assert.match(await unnamed.text(), /OPERATION_RESOLUTION_FAILURE/);
    const named = await get(`query=${encodeURIComponent("mutation W " + pwned.slice("mutation ".length))}`);
    assert.equal(named.status, 405);
    assert.equal(await pwnedAuthors(playground), 0);
  });

  test("120 aliased mutations under an unknown operationName write nothing", async () => {
    const [before] = await playground.rows<{ n: number }>("SELECT count(*) AS n FROM tag");
    const aliased = Array.from({ length: 120 }, (_, i) => `t${i}: createTag(input: { name: "alias${i}" }) { id }`);
    const query = `mutation { ${aliased.join(" ")} }`;
    assertUnresolved(await playground.post({ operationName: "x", query }), /names no operation/);
    const refused = await playground.post({ query });
    assert.equal(refused.errors?.[0]?.extensions?.code, "QUERY_TOO_COMPLEX");
    assert.deepEqual(await playground.rows("SELECT count(*) AS n FROM tag"), [before]);
  });

  test("a query over MAX_COST under an unknown operationName runs no SQL", async () => {
    const query = "{ authors(limit: 1000) { bookSet(limit: 1000) { author { bookSet(limit: 1000) { title } } } } }";
    const response = await playground.post({ operationName: "x", query }, { trace: true });
    assertUnresolved(response, /names no operation/);
    assert.equal(response.sql?.count, 0);
  });

  test("a subscription is a bad request: the server has none", async () => {
    const response = await playground.post({ query: "subscription { authors { id } }" }, { trace: true });
    assert.equal(response.status, 400);
    assert.deepEqual(response.errors, [
      {
        message: "This server has no subscriptions: send a query or a mutation.",
        extensions: { code: "BAD_REQUEST", stacktrace: response.errors![0]!.extensions?.stacktrace },
      },
    ]);
    assert.equal(response.sql?.count, 0);
  });
});
