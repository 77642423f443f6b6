/**
 * A playground on a public address, or on a developer's machine while they browse: pages from
 * other origins may read but not write, names that are not the server's are not answered (DNS
 * rebinding), and without introspection nothing of the schema shows, not even in the SQL trace.
 */
import assert from "node:assert/strict";
import { request as httpRequest } from "node:http";
import { after, before, describe, test } from "node:test";
import { configFromEnv } from "../src/server/config.js";
import { TestPlayground } from "./support/playground.js";

const createTag = (name: string) => ({ query: `mutation { createTag(input: { name: "${name}" }) { name } }` });

async function tagsNamed(playground: TestPlayground, name: string): Promise<number> {
  const [row] = await playground.rows<{ n: number }>("SELECT count(*) AS n FROM tag WHERE name = ?", name);
  return row!.n;
}

/** A POST with a `Host` header of our choosing, which fetch does not allow. */
function postWithHost(url: string, host: string, body: unknown): Promise<{ status: number; json: unknown }> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(url, { method: "POST", headers: { host, "content-type": "application/json" } });
    outgoing.on("response", (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode!, json: JSON.parse(text) }));
    });
    outgoing.on("error", reject);
    outgoing.end(JSON.stringify(body));
  });
}

test("ALLOWED_ORIGINS and ALLOWED_HOSTS are read as lists, and nonsense is refused at start", () => {
  const defaults = configFromEnv({});
  assert.deepEqual([defaults.allowedOrigins, defaults.allowedHosts], [undefined, []]);
  const config = configFromEnv({
    ALLOWED_ORIGINS: "https://App.example.com , http://localhost:3000/,*",
    ALLOWED_HOSTS: "play.example.com:443,[::1]",
  });
  assert.deepEqual(config.allowedOrigins, ["https://app.example.com", "http://localhost:3000", "*"]);
  assert.deepEqual(config.allowedHosts, ["play.example.com", "[::1]"]);
  assert.throws(() => configFromEnv({ ALLOWED_ORIGINS: "example.com" }), /ALLOWED_ORIGINS must list origins/);
  assert.throws(() => configFromEnv({ ALLOWED_HOSTS: "a b" }), /ALLOWED_HOSTS must list host names/);
});

describe("origins, by default", () => {
  let playground: TestPlayground;
  before(async () => (playground = await TestPlayground.start()));
  after(() => playground.close());

  test("a page from another origin may read but its mutation is FORBIDDEN, naming the variable to set", async () => {
    const headers = { origin: "https://evil.example" };
    const read = await playground.post({ query: "{ tagsCount }" }, { headers });
    assert.equal(read.status, 200);
    assert.equal(typeof read.data?.tagsCount, "number");
    for (const origin of ["https://evil.example", "null", "http://localhost.evil.example:4000"]) {
      const write = await playground.post(createTag("from-afar"), { headers: { origin }, trace: true });
      assert.equal(write.status, 403);
      assert.equal(write.errors?.[0]?.extensions?.code, "FORBIDDEN");
      assert.match(write.errors![0]!.message, new RegExp(`ALLOWED_ORIGINS=${origin}`));
      assert.equal(write.sql?.count, 0);
    }
    assert.equal(await tagsNamed(playground, "from-afar"), 0);
  });

  test("pages from local origins on any port, and programs that send no Origin, may write", async () => {
    const origins = ["http://localhost:3000", "http://127.0.0.1:5173", "http://[::1]:8080", "https://localhost"];
    for (const [index, origin] of origins.entries()) {
      const write = await playground.post(createTag(`local-${index}`), { headers: { origin } });
      assert.deepEqual(write.data, { createTag: { name: `local-${index}` } });
    }
    assert.deepEqual((await playground.post(createTag("no-origin"))).data, { createTag: { name: "no-origin" } });
  });
});

describe("ALLOWED_ORIGINS set", () => {
  let playground: TestPlayground;
  before(async () => (playground = await TestPlayground.start({ allowedOrigins: ["https://app.example.com"] })));
  after(() => playground.close());

  test("only the listed origins may write", async () => {
    const listed = await playground.post(createTag("listed"), { headers: { origin: "https://app.example.com" } });
    assert.deepEqual(listed.data, { createTag: { name: "listed" } });
    const local = await playground.post(createTag("local"), { headers: { origin: "http://localhost:3000" } });
    assert.equal(local.errors?.[0]?.extensions?.code, "FORBIDDEN");
    assert.equal(await tagsNamed(playground, "local"), 0);
  });
});

describe("hosts", () => {
  let playground: TestPlayground;
  before(async () => (playground = await TestPlayground.start({ allowedHosts: ["play.example.com"] })));
  after(() => playground.close());

  test("a Host that is not this server's is refused with FORBIDDEN before anything runs", async () => {
    const refused = await postWithHost(playground.url, "rebound.evil.example:4000", createTag("rebound"));
    assert.equal(refused.status, 403);
    const [error] = (refused.json as { errors: Array<{ message: string; extensions: { code: string } }> }).errors;
    assert.equal(error!.extensions.code, "FORBIDDEN");
    assert.match(error!.message, /DNS rebinding.*ALLOWED_HOSTS=rebound\.evil\.example/);
    assert.equal(await tagsNamed(playground, "rebound"), 0);
  });

  test("the listening host, the local names and the listed ones are served, whatever the port", async () => {
    for (const [index, host] of ["127.0.0.1:1", "localhost:4000", "[::1]", "PLAY.example.com:443"].entries()) {
      const served = await postWithHost(playground.url, host, createTag(`host-${index}`));
      assert.deepEqual(served, { status: 200, json: { data: { createTag: { name: `host-${index}` } } } });
    }
  });
});

describe("INTROSPECTION=0", () => {
  let playground: TestPlayground;
  before(async () => (playground = await TestPlayground.start({ introspection: false })));
  after(() => playground.close());

  test("the SQL trace is not given: statements name every table and column", async () => {
    const response = await playground.post({ query: "{ authors { name } }" }, { trace: true });
    assert.ok(response.data);
    assert.equal(response.sql, undefined);
  });

  test("variable values that do not fit get no 'Did you mean' hints either", async () => {
    for (const [query, variables] of [
      ["query ($o: [AuthorOrderBy!]) { authors(orderBy: $o) { id } }", { o: [{ name: "ASCX" }] }],
      ["query ($w: AuthorWhere) { authors(where: $w) { id } }", { w: { nme: { eq: "x" } } }],
    ] as const) {
      const response = await playground.post({ query, variables });
      assert.equal(response.errors?.[0]?.extensions?.code, "BAD_USER_INPUT");
      assert.doesNotMatch(JSON.stringify(response.errors), /Did you mean/);
    }
  });

  test("with introspection on, the same request gets the trace and the hint", async () => {
    const open = await TestPlayground.start();
    try {
      assert.equal((await open.post({ query: "{ authors { name } }" }, { trace: true })).sql?.count, 1);
      const hinted = await open.post({
        query: "query ($w: AuthorWhere) { authors(where: $w) { id } }",
        variables: { w: { nme: { eq: "x" } } },
      });
      assert.match(hinted.errors![0]!.message, /Did you mean "name"/);
    } finally {
      await open.close();
    }
  });
});
