/** The IDE page over HTTP: who gets it, what it loads, and that programs still get GraphQL. */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { TestPlayground } from "./support/playground.js";

let playground: TestPlayground;
before(async () => (playground = await TestPlayground.start()));
after(() => playground.close());

/** What Chromium sends when a person types the URL into the address bar. */
const browserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

async function openPage(search = ""): Promise<string> {
  const response = await fetch(playground.url + search, { headers: { accept: browserAccept } });
  assert.equal(response.status, 200);
  assert.match(response.headers.get("content-type")!, /^text\/html/);
  return response.text();
}

/** The settings the page hands Ruru, as the browser will read them. */
function ruruConfig(page: string): Record<string, unknown> {
  const match = /const RURU_CONFIG = (\{[\s\S]*?\});\n/.exec(page);
  assert.ok(match, "the page sets RURU_CONFIG");
  return JSON.parse(match[1]!) as Record<string, unknown>;
}

/** Every URL the page loads by itself: scripts, styles, preloads (links a person clicks aside). */
function loadedUrls(page: string): string[] {
  const attributes = [...page.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
  const imports = [...page.matchAll(/\bimport\s*\{[^}]*\}\s*from\s*"([^"]+)"/g)].map((match) => match[1]!);
  return [...attributes, ...imports];
}

test("a browser opening the endpoint gets Ruru served from the playground, nothing from elsewhere", async () => {
  const page = await openPage();
  const config = ruruConfig(page);
  assert.equal(config.endpoint, "/graphql");
  assert.equal(config.staticPath, "/ruru/");
  assert.match(String(config.defaultQuery), /manufacturers\(limit: 10\) \{/);
  const urls = loadedUrls(page);
  assert.ok(urls.includes("/ruru/ruru.js") && urls.includes("/ruru/ruru.css"), urls.join(" "));
  for (const url of urls) assert.ok(url.startsWith("/ruru/"), `the page loads ${url}`);
  for (const url of urls) {
    const asset = await fetch(new URL(url, playground.url));
    assert.equal(asset.status, 200, url);
    assert.ok((await asset.arrayBuffer()).byteLength > 0, url);
  }
  for (const worker of ["editorWorker.js", "graphqlWorker.js", "jsonWorker.js"]) {
    assert.match(page, new RegExp(worker));
    assert.equal((await fetch(new URL(`/ruru/${worker}`, playground.url))).status, 200, worker);
  }
});

test("the page offers the switches, the SQL panel, the models and Apollo Sandbox", async () => {
  const page = await openPage();
  for (const id of ["playground-trace", "playground-batching", "playground-sql", "playground-models"]) {
    assert.match(page, new RegExp(`id="${id}"`));
  }
  assert.match(page, /href="https:\/\/studio\.apollographql\.com\/sandbox\/explorer"/);
  assert.match(page, /Manufacturer<\/b> 1 — 0\.\.n <b>Car<\/b>: car\.manufacturer \/ manufacturer\.carSet/);
  assert.match(page, /<h3>course_students<\/h3>/);
});

test("the page's first query runs batched and, as it suggests, with batching off", async () => {
  const query = String(ruruConfig(await openPage()).defaultQuery);
  const counts: number[] = [];
  for (const batching of [true, false]) {
    const response = await playground.post({ query }, { trace: true, batching });
    assert.equal(response.errors, undefined, `batching ${batching}: ${JSON.stringify(response.errors)}`);
    counts.push(response.sql!.count);
  }
  const [batched, unbatched] = counts as [number, number];
  assert.ok(batched >= 3 && unbatched > batched, `${batched} batched, ${unbatched} unbatched`);
});

test("a query in the address bar opens the IDE with that query and its variables", async () => {
  const query = 'query One($id: ID!) { person(id: $id) { name } } # "quoted" </script>';
  const variables = '{"id": "1"}';
  const page = await openPage(`?query=${encodeURIComponent(query)}&variables=${encodeURIComponent(variables)}`);
  const config = ruruConfig(page);
  assert.equal(config.initialQuery, query);
  assert.equal(config.initialVariables, variables);
  assert.doesNotMatch(page, /quoted\\" <\/script>/);
});

test("programs get GraphQL at the same URL: a GET that does not prefer HTML is a query", async () => {
  for (const accept of [
    "*/*",
    "application/json",
    "application/json, text/html",
    "application/graphql-response+json",
  ]) {
    const response = await fetch(`${playground.url}?query=${encodeURIComponent('{ person(id: "1") { name } }')}`, {
      headers: { accept, "apollo-require-preflight": "true" },
    });
    assert.equal(response.status, 200, accept);
    assert.deepEqual(await response.json(), { data: { person: { name: "John" } } }, accept);
  }
});

test("the site root sends a browser to the IDE; programs still get the 404 naming the endpoint", async () => {
  const root = new URL("/", playground.url);
  const browser = await fetch(root, { headers: { accept: browserAccept }, redirect: "manual" });
  assert.equal(browser.status, 302);
  assert.equal(browser.headers.get("location"), "/graphql");
  assert.equal((await fetch(root)).status, 404);
});

test("Ruru's static files come compressed when the browser takes brotli, and revalidate by etag", async () => {
  const url = new URL("/ruru/ruru.js", playground.url);
  const compressed = await fetch(url, { headers: { "accept-encoding": "br" } });
  assert.equal(compressed.status, 200);
  assert.match(compressed.headers.get("content-type")!, /javascript/);
  const etag = compressed.headers.get("etag")!;
  assert.ok(etag);
  const again = await fetch(url, { headers: { "accept-encoding": "br", "if-none-match": etag } });
  assert.equal(again.status, 304);
  assert.equal((await fetch(new URL("/ruru/no-such-file.js", playground.url))).status, 404);
});

test("CORS lets a cross-origin IDE send Ruru's explain headers", async () => {
  const response = await fetch(playground.url, {
    method: "OPTIONS",
    headers: {
      origin: "https://example.com",
      "access-control-request-method": "POST",
      "access-control-request-headers": "x-graphql-explain",
    },
  });
  assert.equal(response.status, 204);
  assert.match(response.headers.get("access-control-allow-headers")!, /\bx-graphql-explain\b/);
});
