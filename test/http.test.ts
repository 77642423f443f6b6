/** What browsers and HTTP clients see: GET queries, CSRF prevention, CORS, the landing page. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { TestPlayground } from "./support/playground.js";

let playground: TestPlayground;
before(async () => (playground = await TestPlayground.start()));
after(() => playground.close());

const get = (query: string, headers: Record<string, string> = {}) =>
  fetch(`${playground.url}?query=${encodeURIComponent(query)}`, { headers });

test("a query over GET works when the request cannot be a cross-site form post", async () => {
  const response = await get("{ person(id: 1) { name passport { passportNumber } } }", {
    "apollo-require-preflight": "true",
  });
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), {
    data: { person: { name: "John", passport: { passportNumber: "ABC123" } } },
  });
});

test("a GET without a preflight-forcing header is refused as a possible CSRF", async () => {
  const response = await get("{ peopleCount }");
  assert.equal(response.status, 400);
  assert.match(await response.text(), /CSRF/);
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
