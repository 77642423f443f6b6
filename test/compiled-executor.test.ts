/**
 * The gateway that runs operations as compiled code, driven directly as Apollo drives it: what it
 * does when Apollo resolved no operation, and how many compiled operations it keeps; and the
 * store of parsed documents that Apollo is given beside it.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { parse, type GraphQLError } from "graphql";
import { playgroundSchema } from "../src/graphql/schema.js";
import { compiledExecutionGateway } from "../src/server/compiled-executor.js";
import { documentStore } from "../src/server/document-store.js";
import { TestPlayground } from "./support/playground.js";

let playground: TestPlayground;
before(async () => (playground = await TestPlayground.start()));
after(() => playground.close());

async function gatewayOf(maxDocuments: number) {
  // Run as is, without the request's deadline and transaction, which need a real context.
  const gateway = compiledExecutionGateway(
    await playgroundSchema(playground.server.catalog),
    maxDocuments,
    (_, __, run) => run(),
  );
  const { executor } = await gateway.load({ apollo: { key: "", keyHash: "", graphRef: "" } });
  assert.ok(executor);
  // What Apollo passes that these operations read; the context has no database, so any
  // resolver that ran would fail.
  const run = (fields: Record<string, unknown>) =>
    executor({ request: {}, context: {}, ...fields } as unknown as Parameters<typeof executor>[0]);
  return { gateway, run };
}

test("without a resolved operation the executor runs nothing and says why", async () => {
  const { run } = await gatewayOf(10);
  const result = await run({
    request: { operationName: "x" },
    document: parse('mutation { createAuthor(input: { name: "pwned" }) { id } }'),
    operation: undefined,
    operationName: null,
    queryHash: "pwned",
  });
  assert.equal(result.data, undefined);
  assert.deepEqual(
    result.errors?.map((error) => [(error as GraphQLError).extensions.code, error.message]),
    [
      [
        "OPERATION_RESOLUTION_FAILURE",
        'operationName "x" names no operation of the document, whose operations are: (anonymous).',
      ],
    ],
  );
});

test("only the most recently used operations stay compiled", async () => {
  const { gateway, run } = await gatewayOf(5);
  const send = async (index: number) => {
    const document = parse(`{ a${index}: __typename }`);
    const result = await run({
      document,
      operation: document.definitions[0],
      operationName: null,
      queryHash: `${index}`,
    });
    assert.deepEqual(result, { data: { [`a${index}`]: "Query" } });
  };
  for (let index = 0; index < 40; index++) await send(index);
  assert.equal(gateway.compiledOperations, 5);
  // An operation dropped from the cache compiles again; one still in it is not duplicated.
  await send(0);
  await send(39);
  assert.equal(gateway.compiledOperations, 5);
});

test("the store of parsed documents keeps the most recently used ones, up to its capacity", async () => {
  const store = documentStore(5);
  const texts = Array.from({ length: 40 }, (_, index) => `{ a${index}: __typename }`);
  for (const text of texts) await store.set(text, parse(text));
  const kept = [];
  for (const text of texts) if (await store.get(text)) kept.push(text);
  assert.deepEqual(kept, texts.slice(-5));
  await store.delete(texts[39]!);
  assert.equal(await store.get(texts[39]!), undefined);
});
