/**
 * Query limits are checked before any SQL runs: every refusal is QUERY_TOO_COMPLEX with the
 * measured figure and the limit, the trace shows no statement, and the server goes on answering.
 * Then the HTTP front's own refusals: 413, malformed JSON, mutations over GET.
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { getIntrospectionQuery } from "graphql";
import { configFromEnv } from "../src/server/config.js";
import { NestedBookPagesDocument, PeopleTotalDocument } from "./generated/operations.js";
import { TestPlayground, type Response } from "./support/playground.js";

let playground: TestPlayground;
before(async () => (playground = await TestPlayground.start()));
after(() => playground.close());

/** Asserts the refusal, that no SQL ran, and that the next request is served as usual. */
async function assertRefused(response: Response<unknown>, measure: string, measured: number, maximum: number) {
  assert.equal(response.status, 400);
  assert.equal(response.errors?.length, 1, JSON.stringify(response.errors));
  const [error] = response.errors!;
  assert.equal(error!.extensions?.code, "QUERY_TOO_COMPLEX");
  assert.deepEqual(
    { measure: error!.extensions?.measure, measured: error!.extensions?.measured, maximum: error!.extensions?.maximum },
    { measure, measured, maximum },
  );
  assert.match(error!.message, new RegExp(`\\b${measured}\\b.*\\b${maximum}\\b`));
  assert.deepEqual(response.sql, { count: 0, statements: [] }, "the trace reports that no SQL ran");
  assert.equal(response.data, undefined);
  assert.equal((await playground.data(PeopleTotalDocument)).peopleCount > 0, true);
}

/** `authors { bookSet { author { bookSet ... } } }`, `depth` fields deep, ending on a scalar. */
function nestedAuthorsQuery(depth: number): string {
  const levels = [
    "authors(limit: 1)",
    ...Array.from({ length: depth - 2 }, (_, i) => (i % 2 ? "author" : "bookSet(limit: 1)")),
  ];
  const leaf = levels.length % 2 ? "name" : "title";
  return `{ ${levels.join(" { ")} { ${leaf} ${"} ".repeat(levels.length)}}`;
}

describe("depth", () => {
  test("a query 12 fields deep is refused before any SQL; 10 deep is served", async () => {
    const refused = await playground.post({ query: nestedAuthorsQuery(12) }, { trace: true });
    await assertRefused(refused, "depth", 12, 10);
    assert.match(refused.errors![0]!.message, /^Query depth 12 exceeds the limit of 10/);
    const served = await playground.post({ query: nestedAuthorsQuery(10) });
    assert.equal(served.errors, undefined);
  });

  test("fragments count where they are spread", async () => {
    const query = `
      query { authors(limit: 1) { ...Books } }
      fragment Books on Author { bookSet { author { ...MoreBooks } } }
      fragment MoreBooks on Author { bookSet { author { bookSet { author { bookSet { author { bookSet { title } } } } } } } }`;
    await assertRefused(await playground.post({ query }, { trace: true }), "depth", 11, 10);
  });

  test("input objects nested too deeply are refused, inline or through a variable", async () => {
    let where = '{ name: { eq: "x" } }';
    let variable: object = { name: { eq: "x" } };
    for (let i = 0; i < 20; i++) {
      where = `{ NOT: ${where} }`;
      variable = { NOT: variable };
    }
    await assertRefused(
      await playground.post({ query: `{ authors(where: ${where}) { id } }` }, { trace: true }),
      "inputDepth",
      22,
      10,
    );
    await assertRefused(
      await playground.post(
        { query: "query ($where: AuthorWhere) { authors(where: $where) { id } }", variables: { where: variable } },
        { trace: true },
      ),
      "inputDepth",
      22,
      10,
    );
  });

  test("the standard introspection query is not held to the depth of data queries", async () => {
    const response = await playground.post({ query: getIntrospectionQuery() });
    assert.equal(response.errors, undefined);
    assert.ok((response.data as { __schema: { types: unknown[] } }).__schema.types.length > 50);
  });
});

describe("aliases", () => {
  const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, i) => `a${i}: peopleCount`).join(" ")} }`;

  test("31 aliases are refused, 30 are served", async () => {
    await assertRefused(await playground.post({ query: aliased(31) }, { trace: true }), "aliases", 31, 30);
    assert.equal((await playground.post({ query: aliased(30) })).errors, undefined);
  });

  test("a fragment spread over and over is counted every time, and measured once", async () => {
    // Each fragment spreads the next twice: 2^40 aliases if expanded, measured in 41 steps.
    const fragments = Array.from({ length: 40 }, (_, i) => `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
    const query = `{ ...F0 } ${fragments.join(" ")} fragment F40 on Query { a: peopleCount }`;
    await assertRefused(await playground.post({ query }, { trace: true }), "aliases", 2 ** 40, 30);
  });
});

describe("tokens", () => {
  test("a document over 2000 tokens is refused while it is parsed, with its size", async () => {
    const query = `{ ${"peopleCount ".repeat(2100)}}`;
    await assertRefused(await playground.post({ query }, { trace: true }), "tokens", 2102, 2000);
  });

  test("variables count as the tokens they would take written inline", async () => {
    const ids = Array.from({ length: 2000 }, (_, i) => String(i + 1));
    const response = await playground.post(
      { query: "query ($ids: [ID!]) { authors(where: { id: { in: $ids } }) { id } }", variables: { ids } },
      { trace: true },
    );
    // 30 tokens of document; the list is `[`, 2000 ids, `]`.
    await assertRefused(response, "tokens", 2032, 2000);
  });
});

describe("cost", () => {
  test("lists nested three deep with limit 1000 are refused before any SQL", async () => {
    const query = "{ authors(limit: 1000) { bookSet(limit: 1000) { author { bookSet(limit: 1000) { title } } } } }";
    // 1000 authors, 1000 books each, one author per book, and 1000 books per author again.
    const cost = 1000 + 1000 * 1000 * (1 + 1 + 1000);
    await assertRefused(await playground.post({ query }, { trace: true }), "cost", cost, 100_000);
  });

  test("a limit given through a variable, or its default, is what counts", async () => {
    const refused = await playground.request(NestedBookPagesDocument, { limit: 1000 }, { trace: true });
    await assertRefused(refused, "cost", 1000 + 1000 * 1000, 100_000);
    const defaulted = await playground.post(
      {
        query: "query ($limit: Int = 1000) { authors(limit: $limit) { bookSet(limit: $limit) { title } } }",
      },
      { trace: true },
    );
    await assertRefused(defaulted, "cost", 1000 + 1000 * 1000, 100_000);
    const served = await playground.request(NestedBookPagesDocument, { limit: 300 });
    assert.equal(served.errors, undefined);
  });

  test("a limit out of range is BAD_USER_INPUT, as the contract says, not the cost it would imply", async () => {
    for (const limit of [1001, -1]) {
      const response = await playground.request(NestedBookPagesDocument, { limit }, { trace: true });
      assert.equal(response.status, 400);
      assert.equal(response.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
      assert.match(response.errors![0]!.message, new RegExp(`limit must be between 0 and 1000; got ${limit}`));
      assert.deepEqual(response.sql, { count: 0, statements: [] });
    }
  });

  test("a list without limit counts the server's default", async () => {
    // 100 authors * (1 + 100 books * (1 + 1 author + 100 books)) rows at most.
    const query = "{ authors { bookSet { author { bookSet { title } } } } }";
    await assertRefused(await playground.post({ query }, { trace: true }), "cost", 100 + 100 * 100 * 102, 100_000);
  });
});

describe("relations inside where", () => {
  const threeHops = {
    courseSet: { some: { students: { some: { courseSet: { some: { name: { eq: "nobody" } } } } } } },
  };
  // Tested on the 100 students a count assumes it scans: 100 courses each, 100 students each, 100 courses each.
  const threeHopsCost = 100 * (100 + 100 * 100 + 100 * 100 * 100);

  test("three to-many hops in a count are refused before any SQL, inline or in variables", async () => {
    const inline =
      '{ studentsCount(where: {courseSet: {some: {students: {some: {courseSet: {some: {name: {eq: "nobody"}}}}}}}}) }';
    await assertRefused(await playground.post({ query: inline }, { trace: true }), "cost", threeHopsCost, 100_000);
    const whole = await playground.post(
      { query: "query ($where: StudentWhere) { studentsCount(where: $where) }", variables: { where: threeHops } },
      { trace: true },
    );
    await assertRefused(whole, "cost", threeHopsCost, 100_000);
    const inside = await playground.post(
      {
        query:
          "query ($inner: StudentWhere) { studentsCount(where: { courseSet: { some: { students: { some: $inner } } } }) }",
        variables: { inner: threeHops.courseSet.some.students.some },
      },
      { trace: true },
    );
    await assertRefused(inside, "cost", threeHopsCost, 100_000);
  });

  test("a nested list tests its where on more rows than its page, and a to-one hop counts one", async () => {
    const query =
      '{ authors(limit: 10) { bookSet(limit: 2, where: { author: { bookSet: { some: { title: { eq: "x" } } } } }) { title } } }';
    // Each author's 2 books, plus the 100 books scanned to find them, each testing 1 author and 100 books.
    const cost = 10 * (1 + 2 + 100 * (1 + 100));
    await assertRefused(await playground.post({ query }, { trace: true }), "cost", cost, 100_000);
  });

  test("hops under AND, OR and NOT and each quantifier count", async () => {
    const query =
      "{ studentsCount(where: { OR: [{ courseSet: { some: {} } }, { NOT: { courseSet: { none: { students: { every: {} } } } } }], " +
      "AND: [{ school: { students: { some: {} } } }] }) }";
    const cost = 100 * (100 + (100 + 100 * 100) + (1 + 100));
    await assertRefused(await playground.post({ query }, { trace: true }), "cost", cost, 100_000);
  });

  test("filters across one or two relations, as the examples use them, are served", async () => {
    for (const query of [
      '{ manufacturers(where: { carSet: { some: { modelName: { startsWith: "C" } }, none: { modelName: { eq: "Civic" } } } }) { name carSetCount(where: { registrationCertificate: {} }) } }',
      '{ cars(where: { manufacturer: { carSet: { every: { modelName: { contains: "a" } } } } }) { modelName } }',
      '{ authors(where: { OR: [{ name: { contains: "Rowling" } }, { bookSet: { some: { title: { eq: "The Hobbit" } } } }] }) { name } }',
      '{ manufacturers(where: { carSet: { some: { registrationCertificate: { number: { startsWith: "REG" } } } } }) { name } }',
    ]) {
      const response = await playground.post({ query });
      assert.equal(response.errors, undefined, query);
    }
  });
});

describe("introspection", () => {
  let strict: TestPlayground;
  before(
    async () =>
      (strict = await TestPlayground.start({ queryLimits: { ...configFromEnv({}).queryLimits, maxCost: 0 } })),
  );
  after(() => strict.close());

  /** The cost a query would have, read from its refusal by a server that allows none. */
  async function costOf(query: string): Promise<number> {
    const response = await strict.post({ query });
    assert.equal(response.errors?.[0]?.extensions?.measure, "cost", JSON.stringify(response.errors));
    return response.errors![0]!.extensions!.measured as number;
  }

  test("counts what it reads from the schema: each type, field and argument listed and each value on them", async () => {
    const query = '{ __typename __type(name: "Author") { name fields { name args { name } } } }';
    const { data } = await playground.post<{ __type: { fields: Array<{ args: unknown[] }> } }>({ query });
    const fields = data!.__type.fields;
    assert.ok(fields.some((field) => field.args.length > 0));
    const values = 2 + fields.reduce((sum, field) => sum + 2 + 2 * field.args.length, 0);
    assert.equal(await costOf(query), values);
  });

  test("the standard introspection query is served, and thirty of it under aliases are refused", async () => {
    const standard = getIntrospectionQuery();
    assert.equal((await playground.post({ query: standard })).errors, undefined);
    const one = await costOf(standard);
    assert.ok(one > 1000 && one < 100_000, String(one));
    // The standard query's fragments, spread under thirty aliases: within the token and alias limits.
    const schemaBody = standard.slice(
      standard.indexOf("__schema {") + "__schema".length,
      standard.indexOf("fragment FullType"),
    );
    const aliased =
      `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: __schema { ...Schema }`).join(" ")} }\n` +
      `fragment Schema on __Schema ${schemaBody.slice(0, schemaBody.lastIndexOf("}"))}\n${standard.slice(standard.indexOf("fragment FullType"))}`;
    await assertRefused(await playground.post({ query: aliased }, { trace: true }), "cost", 30 * one, 100_000);
  });
});

describe("statements without batching", () => {
  const fanOut = "{ authors(limit: 100) { bookSet(limit: 20) { author { name } } } }";

  test("a query that would run more than MAX_STATEMENTS one parent at a time is refused before any SQL", async () => {
    const refused = await playground.post({ query: fanOut }, { trace: true, batching: false });
    // One statement for the authors, then per author one for its books and one per book for its author.
    await assertRefused(refused, "statements", 1 + 100 * (1 + 20), 1000);
    assert.match(refused.errors![0]!.message, /MAX_STATEMENTS/);
    const batched = await playground.post({ query: fanOut }, { trace: true });
    assert.equal(batched.errors, undefined);
    // Batched, each book's author is one of the authors already read: no third statement.
    assert.equal(batched.sql!.count, 2);
  });

  test("the estimate is an upper bound of the statements run, and exact where every row exists", async () => {
    const strict = await TestPlayground.start({ queryLimits: { ...configFromEnv({}).queryLimits, maxStatements: 0 } });
    try {
      const cases = [
        { query: '{ book(id: "1") { author { name bookSet { title } bookSetCount } } }', exact: true },
        { query: "{ authors(limit: 30) { bookSet(limit: 20) { author { name } } bookSetCount } }", exact: false },
        {
          query: "{ courses(limit: 20) { name students(limit: 5) { school { name } courseSetCount } } peopleCount }",
          exact: false,
        },
      ];
      for (const { query, exact } of cases) {
        const refused = await strict.post({ query }, { batching: false });
        assert.equal(refused.errors?.[0]?.extensions?.measure, "statements", JSON.stringify(refused.errors));
        const estimate = refused.errors![0]!.extensions!.measured as number;
        const served = await playground.post({ query }, { trace: true, batching: false });
        assert.equal(served.errors, undefined, query);
        if (exact) assert.equal(served.sql!.count, estimate, query);
        else assert.ok(served.sql!.count <= estimate, `${query}: ${served.sql!.count} run, ${estimate} estimated`);
      }
    } finally {
      await strict.close();
    }
  });
});

describe("configuration", () => {
  test("every limit is read from the environment", () => {
    const { queryLimits } = configFromEnv({
      MAX_DEPTH: "4",
      MAX_ALIASES: "2",
      MAX_TOKENS: "50",
      MAX_COST: "10",
      MAX_STATEMENTS: "7",
    });
    assert.deepEqual(queryLimits, { maxDepth: 4, maxAliases: 2, maxTokens: 50, maxCost: 10, maxStatements: 7 });
    assert.deepEqual(configFromEnv({}).queryLimits, {
      maxDepth: 10,
      maxAliases: 30,
      maxTokens: 2000,
      maxCost: 100_000,
      maxStatements: 1000,
    });
    assert.throws(() => configFromEnv({ MAX_COST: "lots" }), /MAX_COST must be a whole number/);
  });

  test("a server started with smaller limits holds queries to them", async () => {
    const strict = await TestPlayground.start({
      queryLimits: { maxDepth: 2, maxAliases: 0, maxTokens: 20, maxCost: 10, maxStatements: 1000 },
    });
    try {
      const refused = await strict.post({ query: "{ authors(limit: 11) { name } }" });
      assert.equal(refused.errors?.[0]?.extensions?.code, "QUERY_TOO_COMPLEX");
      assert.match(refused.errors![0]!.message, /^Estimated cost 11 rows exceeds the limit of 10/);
      const served = await strict.post({ query: "{ authors(limit: 10) { name } }" });
      assert.equal(served.errors, undefined);
    } finally {
      await strict.close();
    }
  });
});

describe("the HTTP front", () => {
  const send = (body: string, headers: Record<string, string> = { "content-type": "application/json" }) =>
    fetch(playground.url, { method: "POST", headers, body });

  test("a body over 1 MB gets 413 with a JSON error, and nothing is parsed", async () => {
    const response = await send(
      JSON.stringify({ query: "{ peopleCount }", variables: { pad: "x".repeat(1_000_000) } }),
    );
    assert.equal(response.status, 413);
    const body = (await response.json()) as Response<unknown>;
    assert.equal(body.errors?.[0]?.extensions?.code, "PAYLOAD_TOO_LARGE");
    assert.equal((await playground.data(PeopleTotalDocument)).peopleCount > 0, true);
  });

  test("malformed JSON gets 400 with a JSON error saying so", async () => {
    const response = await send('{"query": "{ peopleCount }"');
    assert.equal(response.status, 400);
    const body = (await response.json()) as Response<unknown>;
    assert.equal(body.errors?.[0]?.extensions?.code, "BAD_REQUEST");
    assert.match(body.errors![0]!.message, /not valid JSON/);
  });

  test("a mutation over GET is refused and writes nothing", async () => {
    const count = async () => (await playground.rows<{ n: number }>("SELECT count(*) AS n FROM author"))[0]!.n;
    const before = await count();
    const query = encodeURIComponent('mutation { createAuthor(input: { name: "Over GET" }) { id } }');
    const response = await fetch(`${playground.url}?query=${query}`, { headers: { "apollo-require-preflight": "1" } });
    assert.equal(response.status, 405);
    assert.equal(response.headers.get("allow"), "POST");
    assert.match(await response.text(), /GET requests only support query operations/);
    assert.equal(await count(), before);
  });
});
