/**
 * `X-GraphQL-Explain`, as Ruru sends it: every statement of the request with its values written
 * in, the time it took, and the engine's plan.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { explainText, testEngine } from "./support/databases.js";
import { TestPlayground } from "./support/playground.js";

const engineText = explainText[testEngine];

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
  const titles = operations.map((operation) => [operation.type, operation.title.replace(/ · [\d.]+ ms$/, "")]);
  // `car.manufacturer` is one of the manufacturers the first statement read: it sends none.
  assert.deepEqual(titles, [
    ["sql", "manufacturers"],
    ["sql", "Manufacturer.carSet"],
    ["sql", "Car.registrationCertificate"],
  ]);
  for (const operation of operations) {
    assert.match(operation.title, / · \d+\.\d\d ms$/);
    assert.doesNotMatch(operation.query, /\?/, "every placeholder shows its value");
    assert.match(operation.explain, engineText.plan);
  }
  assert.match(operations[0]!.query, /LIMIT 100 OFFSET 0$/);
  assert.match(operations[1]!.query, engineText.keys);
});

test("a string value is shown as a SQL literal, quotes doubled", async () => {
  const { extensions } = await explained(`{ authors(where: {name: {eq: "O'Brien"}}) { id } }`);
  assert.match(extensions!.explain!.operations[0]!.query, /= 'O''Brien'/);
});

test("without the header there is no explain output", async () => {
  const { extensions } = await explained("{ authorsCount }", {});
  assert.equal(extensions?.explain, undefined);
});

test("with INTROSPECTION=0 the header is ignored: the SQL would spell out the schema", async () => {
  const hidden = await TestPlayground.start({ introspection: false });
  try {
    const response = await fetch(hidden.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-graphql-explain": "plan,sql" },
      body: JSON.stringify({ query: "{ authorsCount }" }),
    });
    const body = (await response.json()) as Explained;
    assert.deepEqual(body.data, { authorsCount: 2 });
    assert.equal(body.extensions?.explain, undefined);
  } finally {
    await hidden.close();
  }
});
