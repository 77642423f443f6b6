/**
 * FIXTURES: Django's dumpdata JSON seeding a new database in place of `seeds/`, through the
 * library's `fixtures` option (and `reset()` back to it), and refused at start, in one line,
 * when it names what the models do not have.
 */
import "reflect-metadata";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { after, before, test } from "node:test";
import { startPlayground, type Playground } from "../src/index.js";
import { projectFile } from "../src/paths.js";

let playground: Playground;
before(async () => {
  playground = await startPlayground({ fixtures: projectFile("test", "fixtures", "dumpdata.json") });
});
after(() => playground.close());

async function data(query: string) {
  const response = await fetch(playground.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  const result = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return result.data!;
}

const seeded = {
  people: [
    { id: "1", name: "Ada", passport: null },
    { id: "2", name: "Alan", passport: { passportNumber: "GB-1912" } },
  ],
  courses: [{ id: "7", students: [{ name: "Joan", school: { name: "Bletchley" } }] }],
  profiles: [{ dateOfBirth: "1815-12-10", user: { username: "ada", groups: [] } }],
  manufacturersCount: 0,
};
const seededQuery = `{
  people(limit: 10) { id name passport { passportNumber } }
  courses(limit: 10) { id students(limit: 10) { name school { name } } }
  profiles(limit: 10) { dateOfBirth user { username groups(limit: 10) { name } } }
  manufacturersCount
}`;

test("a new database holds the fixtures' rows, keys and links, and none of seeds/", async () => {
  assert.deepEqual(await data(seededQuery), seeded);
});

test("new rows take ids after the fixtures' ones, and reset() brings the fixtures back", async () => {
  assert.deepEqual(await data('mutation { createPerson(input: { name: "Grace" }) { id } }'), {
    createPerson: { id: "3" },
  });
  await playground.reset();
  assert.deepEqual(await data(seededQuery), seeded);
});

test("a fixture naming a field the model does not have stops the start in one line", async () => {
  const folder = mkdtempSync(join(tmpdir(), "fixtures-"));
  try {
    const file = join(folder, "bad.json");
    writeFileSync(file, JSON.stringify([{ model: "relations.person", pk: 1, fields: { nickname: "A" } }]));
    const child = spawn(process.execPath, [fileURLToPath(new URL("../src/bin/start.js", import.meta.url))], {
      env: { ...process.env, PORT: "0", HOST: "127.0.0.1", DATABASE_URL: "sqlite::memory:", FIXTURES: file },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, "exit")) as [number | null];
    assert.equal(code, 1);
    assert.deepEqual(stderr.trimEnd().split("\n"), [`FIXTURES=${file}, object 1: Person has no field nickname.`]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
