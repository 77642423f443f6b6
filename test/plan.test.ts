/**
 * The plan executor against graphql-js itself, in one process on the database under test: for
 * every document it plans, the same answer (data, errors with their paths) and the same
 * statements, but for the to-one relations that a root list's statement reads by a join; the
 * documents it does not plan are left to the general executor; and what a response holds is
 * let go once it is written.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { execute, parse, type ExecutionResult, type OperationDefinitionNode } from "graphql";
import type { PlaygroundContext } from "../src/graphql/context.js";
import { RequestLoaders } from "../src/graphql/loaders.js";
import { planOf, runPlan } from "../src/graphql/plan.js";
import { playgroundSchema } from "../src/graphql/schema.js";
import { projectFile } from "../src/paths.js";
import { configFromEnv } from "../src/server/config.js";
import { releaseRowsPlugin, stringifyAndRelease } from "../src/server/release.js";
import { SqlRunner, type RanStatement } from "../src/sql/runner.js";
import { TestPlayground } from "./support/playground.js";

let playground: TestPlayground;
before(async () => (playground = await TestPlayground.start()));
after(() => playground.close());

const limits = configFromEnv({}).limits;

function contextOf(batching = true): { context: PlaygroundContext; ran: RanStatement[] } {
  const ran: RanStatement[] = [];
  const { catalog, engine } = playground.server;
  const context = {
    catalog,
    sql: new SqlRunner(engine, Infinity, ran),
    limits,
    batching,
    trace: true,
    explain: false,
    loaders: new RequestLoaders(batching),
  };
  return { context, ran };
}

async function prepared(query: string) {
  const schema = await playgroundSchema(playground.server.catalog);
  const document = parse(query);
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === "OperationDefinition",
  )!;
  return { schema, document, plan: planOf(schema, document, operation) };
}

/** What a client sees of a result: data as JSON (graphql-js's objects have no prototype), and each error. */
function seen(result: ExecutionResult | undefined) {
  return {
    data: result?.data == null ? result?.data : JSON.parse(JSON.stringify(result.data)),
    errors: result?.errors?.map((error) => ({
      message: error.message,
      path: error.path,
      code: error.extensions?.code,
    })),
  };
}

/** The plan's answer and graphql-js's, each with the statements it ran. */
async function bothWays(query: string, variables: Record<string, unknown> = {}) {
  const { schema, document, plan } = await prepared(query);
  assert.ok(plan, `expected a plan for ${query}`);
  const planned = contextOf();
  const fromPlan = await runPlan(plan, planned.context, variables);
  const general = contextOf();
  const fromGraphql = await execute({ schema, document, contextValue: general.context, variableValues: variables });
  // Statements of one level go out on several PostgreSQL connections and come back in any order.
  const statements = (ran: RanStatement[]) => ran.map((statement) => statement.sql).sort();
  return {
    plan: { ...seen(fromPlan), statements: statements(planned.ran) },
    graphql: { ...seen(fromGraphql), statements: statements(general.ran) },
  };
}

/**
 * The same data and errors, and graphql-js's statements, except that a root list the plan read
 * with a join (`LEFT JOIN`, which no other statement has) stands for the root list and the
 * to-one relations' statements that graphql-js sent after it.
 */
function assertSameAnswer(plan: Awaited<ReturnType<typeof bothWays>>["plan"], graphql: typeof plan): void {
  assert.deepEqual({ ...plan, statements: [] }, { ...graphql, statements: [] });
  const joined = plan.statements.filter((sql) => sql.includes(" LEFT JOIN "));
  if (joined.length === 0) return assert.deepEqual(plan.statements, graphql.statements);
  const others = plan.statements.filter((sql) => !joined.includes(sql));
  assert.ok(plan.statements.length < graphql.statements.length, "the joins take the place of statements");
  for (const sql of others) assert.ok(graphql.statements.includes(sql), sql);
}

const queryFiles = readdirSync(projectFile("test", "queries")).filter((name) => name.endsWith(".graphql"));

for (const file of queryFiles) {
  test(`${file}: the plan answers as graphql-js does, with the same statements`, async () => {
    const { plan, graphql } = await bothWays(readFileSync(projectFile("test", "queries", file), "utf8"));
    assertSameAnswer(plan, graphql);
  });
}

test("aliases (__proto__ among them), fragments, __typename, nodeId, counts and arguments from variables, as graphql-js answers them", async () => {
  const query = `
    query Shapes($limit: Int, $prefix: String, $id: ID!) {
      kind: __typename
      first: manufacturers(limit: $limit, orderBy: [{ name: DESC }]) {
        ...Named
        ... on Node { nodeId }
        cars: carSet(where: { modelName: { startsWith: $prefix } }) { __typename id modelName manufacturer { name } }
        carSetCount(where: { modelName: { startsWith: $prefix } })
      }
      again: manufacturers { name ... on Manufacturer { id name } __proto__: name constructor: id }
      manufacturer(id: $id) { name carSet(limit: 1) { modelName } }
      missing: manufacturer(id: "999999") { name }
      manufacturersCount
      courses { name students { name courseSet { name } } }
    }
    fragment Named on Manufacturer { id name }
  `;
  const { plan, graphql } = await bothWays(query, { limit: 2, prefix: "M", id: "1" });
  assertSameAnswer(plan, graphql);
  assert.equal((plan.data as { kind: string }).kind, "Query");
  const [again] = (plan.data as { again: Array<Record<string, unknown>> }).again;
  assert.ok(Object.hasOwn(again!, "__proto__"), "an alias __proto__ is the object's own key, not its prototype");
  assert.equal(Object.getPrototypeOf(again), Object.prototype);
});

test("to-one relations under a root list come in its statement, as Django's select_related reads them", async () => {
  // Two relations of one list (one nullable, with a null key), the same relation twice under
  // aliases, and the joined rows' own relations, read from them at the next level.
  const query = `{
    books { title author { name bookSetCount } writer: author { id } }
    cars { modelName manufacturer { name carSet { modelName } } }
    products { name category { name } supplier { name } }
  }`;
  const { plan, graphql } = await bothWays(query);
  assertSameAnswer(plan, graphql);
  const joined = plan.statements.filter((sql) => sql.includes(" LEFT JOIN "));
  assert.equal(joined.length, 3, plan.statements.join("\n"));
  // books' author, cars' manufacturer, and products' category and supplier.
  assert.equal(graphql.statements.length - plan.statements.length, 4);
});

test("arguments without variables are read once per document, and so is the root list's statement", async () => {
  const statementOf = async (query: string, variables: Record<string, unknown>) => {
    const { plan } = await prepared(query);
    const runs = [];
    for (const value of [variables, { ...variables }]) {
      const { context, ran } = contextOf();
      await runPlan(plan!, context, value);
      runs.push(ran[0]!);
    }
    return runs;
  };
  const [first, second] = await statementOf('{ books(where: { title: { startsWith: "H" } }) { title } }', {});
  assert.equal(first!.params, second!.params, "the same statement, built once");
  const [one, other] = await statementOf(
    "query ($prefix: String) { books(where: { title: { startsWith: $prefix } }) { title } }",
    { prefix: "H" },
  );
  assert.notEqual(one!.params, other!.params, "built for each request's variables");
  assert.deepEqual(one!.params, other!.params);
});

test("a refused root argument is the field's error, at its path, as graphql-js gives it", async () => {
  const { plan, graphql } = await bothWays(`{ manufacturers(limit: ${limits.maxLimit + 1}) { name } people { name } }`);
  assert.deepEqual(plan, graphql);
  assert.equal(plan.data, null);
  assert.deepEqual(plan.errors?.[0]?.path, ["manufacturers"]);
});

test("a refused nested argument leaves the request to the general executor, before any statement", async () => {
  const { plan } = await prepared("{ manufacturers { carSet(limit: -1) { id } } }");
  const { context, ran } = contextOf();
  assert.equal(await runPlan(plan!, context, {}), undefined);
  assert.equal(ran.length, 0);
});

test("without batching the plan steps aside, so that every parent pays its own statement", async () => {
  const { plan } = await prepared("{ manufacturers { carSet { id } } }");
  const { context, ran } = contextOf(false);
  assert.equal(await runPlan(plan!, context, {}), undefined);
  assert.equal(ran.length, 0);
});

test("what the plan does not know runs as before: mutations, directives, connections, Node, introspection", async () => {
  for (const query of [
    'mutation { createTag(input: { name: "t" }) { id } }',
    "query ($all: Boolean!) { manufacturers @include(if: $all) { name } }",
    "{ manufacturers { name @skip(if: true) } }",
    "{ manufacturersConnection(first: 1) { nodes { name } } }",
    "{ manufacturers { carSetConnection(first: 1) { totalCount } } }",
    '{ node(nodeId: "x") { nodeId } }',
    "{ __schema { queryType { name } } }",
  ]) {
    assert.equal((await prepared(query)).plan, undefined, query);
  }
});

test("a written response lets go of its result, and a finished request of its rows", async () => {
  const result = { data: { manufacturers: [{ name: "M" }], people: [] } };
  const text = stringifyAndRelease(result);
  assert.equal(text, `${JSON.stringify({ data: { manufacturers: [{ name: "M" }], people: [] } })}\n`);
  assert.deepEqual(result, { data: { manufacturers: null, people: null } });

  const { context } = contextOf();
  const { plan } = await prepared("{ cars { manufacturer { name } } }");
  await runPlan(plan!, context, {});
  const manufacturer = playground.server.catalog.byName.get("Manufacturer")!;
  assert.ok(context.loaders.row(manufacturer, 1), "the cars' manufacturers were read");
  const hooks = await releaseRowsPlugin().requestDidStart!({ contextValue: context } as never);
  await hooks!.willSendResponse!({ contextValue: context } as never);
  assert.equal(context.loaders.row(manufacturer, 1), undefined);
});
