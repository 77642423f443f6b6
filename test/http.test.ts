/** What browsers and HTTP clients see: GET queries, cross-site request rules, CORS, the landing page. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { TestPlayground } from "./support/playground.js";

let playground: TestPlayground;
before(async () => (playground = await TestPlayground.start()));
after(() => playground.close());

const get = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${playground.url}?query=${encodeURIComponent(query)}`, { headers });

test("a query over GET works with no header at all: a GET only reads, and reads are open to every origin", async () => {
  const response = await get("{ person(id: 1) { name passport { passportNumber } } }");
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), {
    data: { person: { name: "John", passport: { passportNumber: "ABC123" } } },
  });
});

test("a POST that a page could send cross-site without a preflight is refused, and writes nothing", async () => {
  const mutation = JSON.stringify({ query: 'mutation { createTag(input: { name: "csrf" }) { id } }' });
  const form = new FormData();
  form.append("operations", mutation);
  const bodies: Array<[string | undefined, string | FormData | Blob]> = [
    ["text/plain", mutation],
    ["text/plain;charset=UTF-8", mutation],
    ["application/x-www-form-urlencoded", `query=${encodeURIComponent(mutation)}`],
    [undefined, form],
    [undefined, new Blob([mutation])],
  ];
  for (const [contentType, body] of bodies) {
    // A preflight-forcing header does not help: the content type is what a page cannot forge.
    const headers: Record<string, string> = { "apollo-require-preflight": "true" };
    if (contentType) headers["content-type"] = contentType;
    const response = await fetch(playground.url, { method: "POST", headers, body });
    assert.equal(response.status, 415, contentType ?? "multipart");
    const { errors } = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    assert.equal(errors[0]!.extensions.code, "BAD_REQUEST");
    assert.match(errors[0]!.message, /must have content-type: application\/json/);
  }
  assert.deepEqual(await playground.rows("SELECT id FROM tag WHERE name = 'csrf'"), []);
});

test("a mutation over GET is refused with 405", async () => {
  const response = await get('mutation { createTag(input: { name: "over-get" }) { id } }');
  assert.equal(response.status, 405);
  assert.deepEqual(await playground.rows("SELECT id FROM tag WHERE name = 'over-get'"), []);
});

test("CORS preflight allows browser clients and the playground headers", async () => {
  const response = await fetch(playground.url, {
    method: "OPTIONS",
    headers: { origin: "https://example.com", "access-control-request-method": "POST" },
  });
  assert.equal(response.status, 204);
  assert.equal(response.headers.get("access-control-allow-origin"), "*");
  assert.match(response.headers.get("access-control-allow-headers")!, /x-playground-trace/);
  assert.match(response.headers.get("access-control-allow-headers")!, /x-playground-batching/);
});

test("a browser asking for HTML gets the landing page", async () => {
  const response = await fetch(playground.url, { headers: { accept: "text/html" } });
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type")!, /text\/html/);
});

test("other paths are 404 with a JSON error naming the endpoint", async () => {
  const response = await fetch(new URL("/nope", playground.url));
  assert.equal(response.status, 404);
  assert.match(JSON.stringify(await response.json()), /\/graphql/);
});
