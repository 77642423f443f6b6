/**
 * A models.py of one's own on PostgreSQL, which has no migrations for it: an empty database gets
 * the models' tables and the fixtures, once, however many servers start on it at once; a
 * database whose tables differ is refused with the differences, as on SQLite; `npm run seed`
 * (a recreate), `reset()` and the id sequences work as for the built-in models.
 */
import "reflect-metadata";
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import pg from "pg";
import { projectFile } from "../src/paths.js";
import { defaultEngineOptions, openDatabase, StartupError } from "../src/sql/connection.js";
import type { PlaygroundConfig } from "../src/server/config.js";
import { TestPlayground } from "./support/playground.js";
import { postgresDatabase, postgresUnavailable, type TestDatabase } from "./support/databases.js";

const skip = postgresUnavailable;

const served = {
  models: projectFile("test", "models-py", "served.py"),
  fixtures: projectFile("test", "fixtures", "served-dumpdata.json"),
} satisfies Partial<PlaygroundConfig>;

const start = (database: TestDatabase) => TestPlayground.start({ ...served, databaseUrl: database.url });

const fixturesQuery = {
  query: `{
    shelvingUnits(limit: 5) { id label floor volumes(limit: 5) { id title publishedOn pages inPrint price writers(limit: 5) { id name bio } } }
    writers(limit: 5) { id works(limit: 5) { title } }
  }`,
};

const fixtureRows = {
  shelvingUnits: [
    {
      id: "4",
      label: "fiction",
      floor: 2,
      volumes: [
        {
          id: "3",
          title: "The Dispossessed",
          publishedOn: "1974-05-01",
          pages: 387,
          inPrint: true,
          price: 0.1,
          writers: [{ id: "9", name: "Ursula", bio: null }],
        },
      ],
    },
  ],
  writers: [{ id: "9", works: [{ title: "The Dispossessed" }] }],
};

async function data(playground: TestPlayground, body: { query: string; variables?: unknown }) {
  const response = await playground.post(body);
  assert.equal(response.errors, undefined, JSON.stringify(response.errors));
  return response.data;
}

const createRows = {
  query: `mutation {
    createShelf(input: { label: "poetry" }) { id }
    createWriter(input: { name: "Mary" }) { id }
    createVolume(input: { title: "Frankenstein", pages: 280, inPrint: false, shelfId: "4" }) { id inPrint }
  }`,
};

describe("servers starting together on an empty PostgreSQL database", { skip }, () => {
  let database: TestDatabase;
  let servers: TestPlayground[];
  before(async () => {
    database = await postgresDatabase();
    servers = await Promise.all([1, 2, 3].map(() => start(database)));
  });
  after(async () => {
    for (const server of servers) await server.close();
    await database.drop();
  });

  test("one creates the models' tables with PostgreSQL's column types and loads the fixtures, once", async () => {
    for (const server of servers) assert.deepEqual(await data(server, fixturesQuery), fixtureRows);
    const columns = await servers[0]!.rows<{ column: string; type: string; collation: string | null }>(
      "SELECT column_name AS column, data_type AS type, collation_name AS collation FROM information_schema.columns " +
        "WHERE table_schema = current_schema() AND table_name = 'volume' ORDER BY column_name",
    );
    assert.deepEqual(columns, [
      { column: "id", type: "integer", collation: null },
      { column: "in_print", type: "boolean", collation: null },
      { column: "pages", type: "integer", collation: null },
      { column: "price", type: "double precision", collation: null },
      { column: "published_on", type: "date", collation: null },
      { column: "shelf_id", type: "integer", collation: null },
      { column: "title", type: "character varying", collation: "C" },
    ]);
    const tables = await servers[0]!.rows<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1",
    );
    assert.deepEqual(
      tables.map((table) => table.name),
      ["shelf", "volume", "volume_writers", "writer"],
    );
  });

  test("creates take the ids after the fixtures' ones, and every server sees them", async () => {
    assert.deepEqual(await data(servers[1]!, createRows), {
      createShelf: { id: "5" },
      createWriter: { id: "10" },
      createVolume: { id: "4", inPrint: false },
    });
    assert.deepEqual(
      await data(servers[2]!, { query: "{ shelvingUnitsCount volumes(where: { inPrint: { eq: false } }) { title } }" }),
      {
        shelvingUnitsCount: 2,
        volumes: [{ title: "Frankenstein" }],
      },
    );
    assert.deepEqual(await servers[0]!.problems(), []);
  });

  test("reset() brings the fixtures back, and the ids a new database would hand out", async () => {
    await servers[0]!.server.reset();
    assert.deepEqual(await data(servers[2]!, fixturesQuery), fixtureRows);
    assert.deepEqual(await data(servers[1]!, createRows), {
      createShelf: { id: "5" },
      createWriter: { id: "10" },
      createVolume: { id: "4", inPrint: false },
    });
  });
});

describe("a PostgreSQL database whose tables differ from the models file", { skip }, () => {
  let database: TestDatabase;
  before(async () => {
    database = await postgresDatabase();
    const playground = await start(database);
    await playground.exec(`ALTER TABLE "volume" DROP COLUMN "pages"`);
    await playground.close();
  });
  after(() => database.drop());

  test("is refused at start with each difference and what to do", async () => {
    await assert.rejects(start(database), (error: Error) => {
      assert.ok(error instanceof StartupError, String(error));
      assert.match(error.message, /to match them: ALTER TABLE "volume" ADD "pages" integer NOT NULL/);
      assert.match(error.message, /npm run seed/);
      return true;
    });
  });

  test("`npm run seed` with the same MODELS creates the models' tables again, with the fixtures", async () => {
    const { engine, created } = await openDatabase(database.url, { ...defaultEngineOptions, recreate: true });
    await engine.close();
    assert.equal(created, true);
    const playground = await start(database);
    try {
      assert.deepEqual(await data(playground, fixturesQuery), fixtureRows);
    } finally {
      await playground.close();
    }
  });
});

test("a database that holds another application's tables gets none of the models' beside them", { skip }, async () => {
  const database = await postgresDatabase();
  const client = new pg.Client({ connectionString: database.url });
  try {
    await client.connect();
    await client.query(`CREATE TABLE "invoice" ("id" integer PRIMARY KEY)`);
    await assert.rejects(start(database), /tables the models do not have: invoice\n[^]*CREATE TABLE "shelf"/);
    const { rows } = await client.query(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()",
    );
    assert.deepEqual(rows, [{ name: "invoice" }]);
  } finally {
    await client.end();
    await database.drop();
  }
});
