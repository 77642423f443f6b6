/**
 * PostgreSQL's connection and schema against a real cluster: the URL alone, as an unprivileged
 * role; the committed migrations give exactly the models' schema; text orders by code point
 * whatever the database's collation; a database that differs is refused with what differs.
 */
import "reflect-metadata";
import assert from "node:assert/strict";
import { test } from "node:test";
import type { DataSource } from "typeorm";
import { openPostgres } from "../src/sql/postgres/connection.js";
import { idSequenceStatements } from "../src/sql/postgres/engine.js";
import { checkSchema, migrate, preparePostgres, schemaDifferences } from "../src/sql/postgres/schema.js";
import { parsePostgresUrl, redactDatabaseUrl } from "../src/sql/postgres/url.js";
import { postgresDatabase, postgresUnavailable, type TestDatabase } from "./support/databases.js";

const skip = postgresUnavailable;

/** A fresh database and a data source on it, both gone when `work` ends. */
async function withDatabase(work: (dataSource: DataSource, database: TestDatabase) => Promise<void>) {
  const database = await postgresDatabase();
  const { dataSource } = await openPostgres(database.url);
  try {
    await work(dataSource, database);
  } finally {
    await dataSource.destroy();
    await database.drop();
  }
}

test("a DATABASE_URL is read as any URL: user and password percent-decoded, IPv6 hosts, default port", () => {
  assert.deepEqual(parsePostgresUrl("postgres://play%20er:p%40ss%3Aw%2Frd@[::1]:6543/my%2Ddb"), {
    host: "::1",
    port: 6543,
    username: "play er",
    password: "p@ss:w/rd",
    database: "my-db",
  });
  assert.equal(parsePostgresUrl("postgresql://u:pw@db.example/playground").port, 5432);
  for (const [url, problem] of [
    ["postgres://u:secret@host", /no database name/],
    ["postgres://:secret@host/db", /no user/],
    ["postgres://u:secret@host/db?sslmode=require", /options are not supported \(sslmode\)/],
    ["mysql://u:secret@host/db", /scheme/],
  ] as const) {
    assert.throws(
      () => parsePostgresUrl(url),
      (error: Error) => problem.test(error.message) && !error.message.includes("secret"),
    );
  }
});

test("no printed URL shows a password, however it is written", () => {
  assert.equal(redactDatabaseUrl("postgres://u:p%40ss@host:5432/db"), "postgres://u:***@host:5432/db");
  assert.equal(redactDatabaseUrl("postgres://u:p@ss/w:rd@host/db"), "postgres://u:***@host/db");
  assert.equal(redactDatabaseUrl("postgres://u@host/db"), "postgres://u@host/db");
  assert.equal(redactDatabaseUrl("sqlite:data/playground.sqlite"), "sqlite:data/playground.sqlite");
  assert.equal(redactDatabaseUrl("sqlite::memory:"), "sqlite::memory:");
});

test("opening connects as a role that is no superuser and changes nothing in the database", { skip }, () =>
  withDatabase(async (dataSource) => {
    const [role] = await dataSource.query("SELECT rolsuper, rolcreatedb FROM pg_roles WHERE rolname = current_user");
    assert.deepEqual(role, { rolsuper: false, rolcreatedb: false });
    const [tables] = await dataSource.query(
      "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = current_schema()",
    );
    assert.equal(tables.n, 0);
  }),
);

test("the committed migrations create exactly the models' schema, once", { skip }, () =>
  withDatabase(async (dataSource, database) => {
    const applied = await migrate(dataSource);
    assert.equal(applied.length, 1);
    assert.match(applied[0]!, /^Initial\d+$/);
    assert.deepEqual(await migrate(dataSource), []);
    assert.deepEqual(await schemaDifferences(dataSource), []);
    await checkSchema(dataSource);
    const again = await openPostgres(database.url);
    assert.equal(again.isNew, false);
    await again.dataSource.destroy();
  }),
);

test("text columns compare and order by code point, dates are date columns", { skip }, () =>
  withDatabase(async (dataSource) => {
    await migrate(dataSource);
    const collations = await dataSource.query(
      "SELECT DISTINCT collation_name FROM information_schema.columns " +
        "WHERE table_schema = current_schema() AND data_type = 'character varying' AND table_name <> 'playground_migrations'",
    );
    assert.deepEqual(collations, [{ collation_name: "C" }]);
    const dates = await dataSource.query(
      "SELECT table_name, column_name FROM information_schema.columns " +
        "WHERE table_schema = current_schema() AND data_type = 'date' ORDER BY table_name",
    );
    assert.deepEqual(dates, [
      { table_name: "profile", column_name: "date_of_birth" },
      { table_name: "registration_certificate", column_name: "issued_on" },
    ]);
    await dataSource.query(`INSERT INTO "person" ("name") VALUES ('a'), ('B'), ('é'), ('z')`);
    const ordered = await dataSource.query(`SELECT "name" FROM "person" ORDER BY "name"`);
    assert.deepEqual(
      ordered.map((row: { name: string }) => row.name),
      ["B", "a", "z", "é"],
    );
    const below = await dataSource.query(`SELECT "name" FROM "person" WHERE "name" < 'a'`);
    assert.deepEqual(below, [{ name: "B" }]);
  }),
);

test("after rows with explicit ids, the id sequences hand out the next free id", { skip }, () =>
  withDatabase(async (dataSource) => {
    await migrate(dataSource);
    await dataSource.query(`INSERT INTO "author" ("id", "name") VALUES (7, 'Tolkien')`);
    for (const statement of idSequenceStatements([
      { table: "author", column: "id" },
      { table: "book", column: "id" },
    ]))
      await dataSource.query(statement);
    const [created] = await dataSource.query(`INSERT INTO "author" ("name") VALUES ('Rowling') RETURNING "id"`);
    assert.equal(created.id, 8);
    const [book] = await dataSource.query(
      `INSERT INTO "book" ("title", "author_id") VALUES ('The Hobbit', 7) RETURNING "id"`,
    );
    assert.equal(book.id, 1);
  }),
);

test("a database whose tables differ from the models is refused with what differs and how to reset", { skip }, () =>
  withDatabase(async (dataSource) => {
    await migrate(dataSource);
    await dataSource.query(`ALTER TABLE "person" ADD COLUMN "nickname" text`);
    await dataSource.query(`ALTER TABLE "car" DROP COLUMN "model_name"`);
    await assert.rejects(checkSchema(dataSource), (error: Error) => {
      assert.match(error.message, /"person" DROP COLUMN "nickname"/);
      assert.match(error.message, /"car" ADD "model_name"/);
      assert.match(error.message, /npm run migrate/);
      assert.match(error.message, /npm run seed/);
      return true;
    });
    assert.equal(await preparePostgres(dataSource, { seed: async () => {}, recreate: true }), true);
    await checkSchema(dataSource);
  }),
);

test("a database whose migrations have not all run is refused", { skip }, () =>
  withDatabase(async (dataSource) => {
    await migrate(dataSource);
    await dataSource.query(`DELETE FROM "playground_migrations"`);
    await assert.rejects(checkSchema(dataSource), /migration Initial\d+ has not run/);
  }),
);

test(
  "servers starting at once on a new database: one migrates and seeds, the others find it ready",
  { skip },
  async () => {
    const database = await postgresDatabase();
    const servers = await Promise.all([1, 2, 3].map(() => openPostgres(database.url)));
    try {
      assert.deepEqual(
        servers.map((server) => server.isNew),
        [true, true, true],
      );
      let seeded = 0;
      const created = await Promise.all(
        servers.map(({ dataSource }) =>
          preparePostgres(dataSource, {
            seed: async () => {
              seeded += 1;
              await dataSource.query(`INSERT INTO "tag" ("name") VALUES ('only once')`);
            },
          }),
        ),
      );
      assert.deepEqual(
        created.filter((isNew) => isNew),
        [true],
      );
      assert.equal(seeded, 1);
      const [tags] = await servers[0]!.dataSource.query(`SELECT count(*)::int AS n FROM "tag"`);
      assert.equal(tags.n, 1);
    } finally {
      for (const { dataSource } of servers) await dataSource.destroy();
      await database.drop();
    }
  },
);
