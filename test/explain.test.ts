/**
 * `X-GraphQL-Explain`, as Ruru sends it: every statement of the request with its values written
 * in, the time it took, and SQLite's plan.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { TestPlayground } from "./support/playground.js";

let playground: TestPlayground;
before(async () => (playground = await TestPlayground.start()));
after(() => playground.close());

interface Explained {
  data: unknown;
  extensions?: { explain?: { operations: Array<{ type: string; title: string; query: string; explain: string }> } };
}

async function explained(query: string, headers: Record<string, string> = { "x-graphql-explain": "plan,sql" }) {
  const response = await fetch(playground.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as Explained;
}

test("the README's four-level query explains one entry per statement, values shown, with a plan each", async () => {
  const { extensions } = await explained(
    "{ manufacturers { name carSet { modelName registrationCertificate { number } manufacturer { name } } } }",
  );
  const operations = extensions!.explain!.operations;
  assert.deepEqual(
    operations.map((operation) => [operation.type, operation.title.replace(/ · [\d.]+ ms$/, "")]),
    [
      ["sql", "manufacturers"],
      ["sql", "Manufacturer.carSet"],
      ["sql", "Car.registrationCertificate"],
      ["sql", "Car.manufacturer"],
    ],
  );
  for (const operation of operations) {
    assert.match(operation.title, / · \d+\.\d\d ms$/);
    assert.doesNotMatch(operation.query, /\?/, "every placeholder shows its value");
    assert.match(operation.explain, /SCAN|SEARCH/);
  }
  assert.match(operations[0]!.query, /LIMIT 100 OFFSET 0$/);
  assert.match(operations[1]!.query, /json_each\('\[1,2\]'\)/);
});

test("a string value is shown as a SQL literal, quotes doubled", async () => {
  const { extensions } = await explained(`{ authors(where: {name: {eq: "O'Brien"}}) { id } }`);
  assert.match(extensions!.explain!.operations[0]!.query, /= 'O''Brien'/);
});

test("without the header there is no explain output", async () => {
  const { extensions } = await explained("{ authorsCount }", {});
  assert.equal(extensions?.explain, undefined);
});
