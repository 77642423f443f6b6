/**
 * Scaling out: two server processes (`node dist/src/bin/start.js`, as `npm start` runs it) on one
 * database of the engine under test, the concurrency workload's clients split between them,
 * held to the same checks as one server. The test process serves the same database too, to
 * create the course and read the end state.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { startServer, type ServerProcess } from "../bench/servers.js";
import { projectFile } from "../src/paths.js";
import { sharedTestDatabase, testEngine } from "./support/databases.js";
import { clients, raceForLinks } from "./support/link-race.js";
import { requestAt, TestPlayground } from "./support/playground.js";

const instances = 2;

test(`${clients} clients split over ${instances} server processes on one ${testEngine} database leave a state some order of their writes explains`, async (t) => {
  const database = await sharedTestDatabase();
  // Created and seeded here first, so that the servers start on a database that is ready.
  const playground = await TestPlayground.start({ databaseUrl: database.url });
  const servers: ServerProcess[] = [];
  try {
    for (let i = 1; i <= instances; i++) {
      servers.push(
        await startServer(`server ${i}`, [projectFile("dist/src/bin/start.js")], {
          DATABASE_URL: database.url,
          PORT: "0",
          HOST: "127.0.0.1",
        }),
      );
    }
    const serverOf = (client: number) => servers[client % instances]!;
    const outcomes = await raceForLinks(
      t,
      playground,
      (client) => (document, variables) => requestAt(serverOf(client).url, document, variables),
    );
    for (const server of servers) {
      const served = outcomes.filter((outcome) => serverOf(outcome.client) === server);
      const wrote = served.filter((outcome) => outcome.codes.length === 0 && outcome.kind !== "create");
      t.diagnostic(
        `${server.name}: ${served.length} requests, ${wrote.length} acknowledged link changes, ` +
          `${served.filter((outcome) => outcome.kind === "create" && outcome.codes.length === 0).length} students created`,
      );
      // Each server's writes are in the end state that the checks above found consistent.
      assert.ok(wrote.length > 0, `${server.name} acknowledged no link change`);
    }
  } finally {
    await Promise.all(servers.map((server) => server.stop()));
    await playground.close();
    await database.drop();
  }
});
