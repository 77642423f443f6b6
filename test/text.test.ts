/**
 * Strings that are not text a column can hold: a lone UTF-16 surrogate and U+0000 are
 * BAD_USER_INPUT wherever they are sent (inline or as a variable, in an input or a filter),
 * before anything runs, with the path of the argument or variable that holds them.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { TestPlayground, type Response } from "./support/playground.js";

let playground: TestPlayground;
before(async () => (playground = await TestPlayground.start()));
after(() => playground.close());

function assertRefused(response: Response<unknown>, message: RegExp) {
  assert.equal(response.status, 400);
  assert.deepEqual(
    response.errors?.map((error) => error.extensions?.code),
    ["BAD_USER_INPUT"],
  );
  assert.match(response.errors![0]!.message, message);
  assert.equal(response.sql?.count ?? 0, 0);
}

const surrogate = /lone UTF-16 surrogate/;
const nul = /U\+0000/;

test("a lone surrogate is refused inline and in variables, and nothing is stored", async () => {
  // The JSON escape keeps the surrogate alone on its way to the server.
  const inline = '{"query": "mutation { createAuthor(input: { name: \\"a\\\\ud800b\\" }) { id } }"}';
  const escaped = await fetch(playground.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: inline,
  });
  assert.equal(escaped.status, 400);
  const body = (await escaped.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
  assert.equal(body.errors[0]!.extensions.code, "BAD_USER_INPUT");
  assert.match(body.errors[0]!.message, /line 1, column 42 contains a lone UTF-16 surrogate/);

  const variable = await playground.post(
    {
      query: "mutation ($input: CreateAuthorInput!) { createAuthor(input: $input) { id } }",
      variables: { input: { name: "x\udc00" } },
    },
    { trace: true },
  );
  assertRefused(variable, surrogate);
  assert.match(variable.errors![0]!.message, /^The variable \$input\.name contains/);
  assert.equal(variable.errors![0]!.extensions?.variable, "input.name");
  assert.deepEqual(await playground.rows("SELECT id FROM author WHERE name LIKE 'x%' OR name LIKE 'a%b'"), []);
});

test("surrogate pairs, written whole or escaped, are text like any other", async () => {
  const { data } = await playground.post<{ a: { name: string }; b: { name: string } }>({
    query:
      'mutation { a: createTag(input: { name: "\\ud83d\\ude00" }) { name } b: createTag(input: { name: "😀!" }) { name } }',
  });
  assert.deepEqual(data, { a: { name: "😀" }, b: { name: "😀!" } });
});

test("U+0000 is refused in inputs and in filters, inline and as a variable", async () => {
  const inline = await playground.post(
    { query: 'mutation { createTag(input: { name: "nul\\u0000" }) { id } }' },
    { trace: true },
  );
  assertRefused(inline, nul);
  assert.equal(inline.errors![0]!.message.startsWith("The argument input.name of createTag contains"), true);
  assert.equal(inline.errors![0]!.extensions?.argument, "input.name");

  const filter = await playground.post(
    { query: '{ authors(where: { OR: [{ name: { eq: "J" } }, { name: { startsWith: "J\\u0000" } }] }) { id } }' },
    { trace: true },
  );
  assertRefused(filter, /argument where\.OR\[1\]\.name\.startsWith of authors contains U\+0000/);

  const variable = await playground.post(
    { query: "query ($s: String) { authors(where: { name: { endsWith: $s } }) { id } }", variables: { s: "\u0000" } },
    { trace: true },
  );
  assertRefused(variable, /variable \$s contains U\+0000/);

  const defaulted = await playground.post({
    query: 'query ($s: String = "\\u0000") { authors(where: { name: { contains: $s } }) { id } }',
  });
  assertRefused(defaulted, /default of variable \$s contains U\+0000/);
  assert.deepEqual(await playground.rows("SELECT id FROM tag WHERE name LIKE 'nul%'"), []);
});
