/**
 * Faults that are nobody's typing mistake: a request that runs too long, another process
 * holding the write lock, a full database, a file that is not the playground's, two servers
 * creating one file. Each gets its code, loses nothing acknowledged, and leaves the server
 * serving everyone else.
 */
import assert from "node:assert/strict";
import Database from "better-sqlite3";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, test } from "node:test";
import { configFromEnv } from "../src/server/config.js";
import { startPlayground } from "../src/server/app.js";
import { defaultEngineOptions } from "../src/sql/connection.js";
import { TestPlayground } from "./support/playground.js";

const folder = mkdtempSync(join(tmpdir(), "playground-faults-"));
after(() => rmSync(folder, { recursive: true, force: true }));
let files = 0;
const newFileUrl = () => `sqlite:${join(folder, `db-${++files}.sqlite`)}`;

const count = async (playground: TestPlayground, table: string) =>
  (await playground.rows<{ n: number }>(`SELECT count(*) AS n FROM "${table}"`))[0]!.n;

test("all mutation fields of a request commit together or not at all", async () => {
  const playground = await TestPlayground.start();
  try {
    const before = await count(playground, "tag");
    const response = await playground.post({
      query: 'mutation { a: createTag(input: {name: "d2"}) { id } b: createTag(input: {name: "d2"}) { id } }',
    });
    assert.equal(response.data, null);
    assert.deepEqual(
      response.errors?.map((error) => [error.path, error.extensions?.code]),
      [[["b"], "CONFLICT"]],
    );
    assert.equal(await count(playground, "tag"), before, "tag a was rolled back with b");
    const both = await playground.post({
      query: 'mutation { a: createTag(input: {name: "d3"}) { id } b: createTag(input: {name: "d4"}) { name } }',
    });
    assert.deepEqual(both.data, { a: both.data!.a, b: { name: "d4" } });
    assert.equal(await count(playground, "tag"), before + 2);
  } finally {
    await playground.close();
  }
});

describe("a request past REQUEST_TIMEOUT_MS", () => {
  let playground: TestPlayground;
  // Hops across a many-to-many relation multiply: with 300 students in 100 courses, each
  // student in 20, this filter reads millions of rows.
  const slow =
    '{ studentsCount(where: {courseSet: {some: {students: {some: {courseSet: {some: {name: {eq: "nobody"}}}}}}}}) }';
  before(async () => {
    playground = await TestPlayground.start({
      databaseUrl: newFileUrl(),
      requestTimeoutMs: 250,
      queryLimits: { ...configFromEnv({}).queryLimits, maxCost: Number.MAX_SAFE_INTEGER },
    });
    const numbers = (n: number) =>
      `WITH RECURSIVE n(value) AS (SELECT 1 UNION ALL SELECT value + 1 FROM n WHERE value < ${n}) SELECT`;
    await playground.exec(`INSERT INTO student (name) ${numbers(300)} 'student ' || value FROM n`);
    await playground.exec(`INSERT INTO course (name) ${numbers(100)} 'course ' || value FROM n`);
    await playground.exec(
      "INSERT OR IGNORE INTO course_students (course_id, student_id) SELECT c.id, s.id FROM course c JOIN student s ON (s.id + c.id) % 5 = 0",
    );
  });
  after(() => playground.close());

  test("is stopped and answered TIMEOUT, while other clients are answered meanwhile", async () => {
    const order: string[] = [];
    const slowResponse = playground.post({ query: slow }).then((response) => (order.push("slow"), response));
    const quick = await playground.post({ query: "{ authorsCount }" });
    order.push("quick");
    const stopped = await slowResponse;
    assert.deepEqual(order, ["quick", "slow"], "the quick read did not wait for the slow one");
    assert.deepEqual(quick.data, { authorsCount: 2 });
    assert.equal(stopped.status, 503);
    assert.equal(stopped.errors?.[0]?.extensions?.code, "TIMEOUT");
    assert.match(stopped.errors![0]!.message, /REQUEST_TIMEOUT_MS/);
    assert.deepEqual((await playground.post({ query: "{ coursesCount }" })).data, { coursesCount: 102 });
  });

  test("a mutation past it writes nothing", async () => {
    const before = await playground.rows("SELECT name FROM student WHERE id = 10");
    const response = await playground.post({
      query:
        'mutation { updateStudent(id: "10", input: {name: "renamed"}) { courseSet(where: {students: {some: ' +
        '{courseSet: {some: {students: {some: {courseSet: {some: {name: {eq: "nobody"}}}}}}}}}}) { id } } }',
    });
    assert.equal(response.status, 503);
    assert.equal(response.errors?.[0]?.extensions?.code, "TIMEOUT");
    assert.deepEqual(await playground.rows("SELECT name FROM student WHERE id = 10"), before);
  });
});

describe("another process holding the write lock", () => {
  let playground: TestPlayground;
  let holder: Database.Database;
  before(async () => {
    const url = newFileUrl();
    playground = await TestPlayground.start({
      databaseUrl: url,
      engine: { ...defaultEngineOptions, busyTimeoutMs: 200, statementCacheSize: 64 },
    });
    holder = new Database(url.slice("sqlite:".length));
  });
  after(async () => {
    holder.close();
    await playground.close();
  });

  test("a write gets DATABASE_BUSY with Retry-After, reads go on, and writes work once it lets go", async () => {
    const before = await count(playground, "author");
    holder.exec("BEGIN IMMEDIATE");
    const refused = await playground.post({ query: 'mutation { createAuthor(input: {name: "blocked"}) { id } }' });
    assert.equal(refused.status, 503);
    assert.equal(refused.errors?.[0]?.extensions?.code, "DATABASE_BUSY");
    assert.equal(refused.headers.get("retry-after"), "1");
    assert.deepEqual((await playground.post({ query: "{ authorsCount }" })).data, { authorsCount: before });
    holder.exec("ROLLBACK");
    const written = await playground.post({ query: 'mutation { createAuthor(input: {name: "later"}) { name } }' });
    assert.deepEqual(written.data, { createAuthor: { name: "later" } });
    assert.equal(await count(playground, "author"), before + 1);
  });
});

test("a full database refuses writes with DATABASE_FULL, keeps reads, and takes writes again once there is room", async () => {
  const playground = await TestPlayground.start({ databaseUrl: newFileUrl() });
  try {
    // SQLite's own page limit makes the database full exactly as a full disk would.
    const [{ page_count }] = await playground.rows<{ page_count: number }>("PRAGMA page_count");
    await playground.exec(`PRAGMA max_page_count = ${page_count}`);
    const long = "x".repeat(900);
    let acknowledged = 0;
    let full: Awaited<ReturnType<TestPlayground["post"]>> | undefined;
    for (let i = 0; i < 200 && !full; i++) {
      const response = await playground.post({
        query: 'mutation ($text: String!) { createComment(input: {text: $text, articleId: "1"}) { id } }',
        variables: { text: long },
      });
      if (response.errors) full = response;
      else acknowledged++;
    }
    assert.ok(full, "the database filled up");
    assert.equal(full.status, 507);
    assert.equal(full.errors?.[0]?.extensions?.code, "DATABASE_FULL");
    const comments = await count(playground, "comment");
    assert.deepEqual((await playground.post({ query: "{ commentsCount }" })).data, { commentsCount: comments });
    await playground.exec("PRAGMA max_page_count = 1073741823");
    const again = await playground.post({
      query: 'mutation { createComment(input: {text: "room again", articleId: "1"}) { text } }',
    });
    assert.deepEqual(again.data, { createComment: { text: "room again" } });
    assert.equal(await count(playground, "comment"), comments + 1);
    assert.ok(acknowledged > 0 && comments >= acknowledged, "every acknowledged write stayed");
  } finally {
    await playground.close();
  }
});

test("a database file deleted under the running server refuses writes instead of losing them", async (t) => {
  const url = newFileUrl();
  const playground = await TestPlayground.start({ databaseUrl: url });
  t.mock.method(console, "error", () => {});
  try {
    rmSync(url.slice("sqlite:".length));
    const refused = await playground.post({ query: 'mutation { createAuthor(input: {name: "lost"}) { id } }' });
    assert.equal(refused.status, 503);
    assert.equal(refused.errors?.[0]?.extensions?.code, "DATABASE_UNAVAILABLE");
    assert.match(refused.errors![0]!.message, /deleted or replaced.*Restart the server/);
  } finally {
    await playground.close();
  }
});

describe("at start", () => {
  const config = () => ({ ...configFromEnv({}), port: 0, host: "127.0.0.1" });

  test("a file whose tables differ from the models is refused, naming what differs and how to reset", async () => {
    const url = newFileUrl();
    const other = new Database(url.slice("sqlite:".length));
    other.exec("CREATE TABLE person (id INTEGER PRIMARY KEY, nom TEXT); CREATE TABLE django_session (key TEXT)");
    other.close();
    await assert.rejects(startPlayground({ ...config(), databaseUrl: url }), (error: Error) => {
      assert.match(error.message, /person lacks name/);
      assert.match(error.message, /person has unknown nom/);
      assert.match(error.message, /table passport is missing/);
      assert.match(error.message, /django_session/);
      assert.match(error.message, /npm run seed/);
      return true;
    });
  });

  test("two servers starting on one new file both serve it, seeded once", async () => {
    const url = newFileUrl();
    const servers = await Promise.all([1, 2].map(() => startPlayground({ ...config(), databaseUrl: url })));
    try {
      const people = await Promise.all(
        servers.map(async (server) => {
          const response = await fetch(server.url, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ query: "{ peopleCount }" }),
          });
          return ((await response.json()) as { data: { peopleCount: number } }).data.peopleCount;
        }),
      );
      assert.equal(people[0], people[1]);
      assert.ok(people[0]! > 0);
    } finally {
      await Promise.all(servers.map((server) => server.close()));
    }
  });
});
