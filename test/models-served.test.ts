/**
 * A models.py of one's own, served in place of the built-in models: through the library's
 * `models` option over HTTP (rows, relations both ways, links, filters), through
 * `npm run schema -- --models`, and refused at start, with its place in the file, when it holds
 * what the server cannot serve yet.
 */
import "reflect-metadata";
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { after, before, describe, test } from "node:test";
import { startPlayground, type Playground } from "../src/index.js";
import { projectFile } from "../src/paths.js";

const served = projectFile("test", "models-py", "served.py");
const bin = (name: string) => fileURLToPath(new URL(`../src/bin/${name}.js`, import.meta.url));

async function post(playground: Playground, query: string, variables?: unknown) {
  const response = await fetch(playground.url, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown> | null; errors?: Array<{ message: string }> };
}

async function data(playground: Playground, query: string, variables?: unknown) {
  const result = await post(playground, query, variables);
  assert.equal(result.errors, undefined, JSON.stringify(result.errors));
  return result.data!;
}

describe("a models.py served through the library's models option", () => {
  let playground: Playground;
  before(async () => {
    playground = await startPlayground({ models: served });
  });
  after(() => playground.close());

  test("starts empty, creates rows of every served field type and reads both sides of each relation", async () => {
    assert.deepEqual(await data(playground, "{ shelvingUnits { id } volumesCount }"), {
      shelvingUnits: [],
      volumesCount: 0,
    });
    const { createShelf } = await data(
      playground,
      'mutation { createShelf(input: { label: "fiction", floor: 2 }) { id } }',
    );
    const shelfId = (createShelf as { id: string }).id;
    const writers = [];
    for (const name of ["Ann", "Bob"]) {
      const created = await data(playground, `mutation { createWriter(input: { name: "${name}" }) { id bio } }`);
      writers.push((created.createWriter as { id: string }).id);
    }
    await data(
      playground,
      `mutation($shelf: ID!) {
        a: createVolume(input: { title: "Dune", publishedOn: "1965-08-01", pages: 412, inPrint: true, price: 9.5, shelfId: $shelf }) { id }
        b: createVolume(input: { title: "Emma", pages: 300, inPrint: false, shelfId: $shelf }) { id }
      }`,
      { shelf: shelfId },
    );
    const linked = await data(
      playground,
      `mutation($ids: [ID!]!) { addVolumeWriters(volumeId: "1", ids: $ids) { id } }`,
      {
        ids: writers,
      },
    );
    assert.ok(linked.addVolumeWriters);
    assert.deepEqual(
      await data(
        playground,
        `{ shelvingUnits(limit: 5) { label floor volumesCount volumes(orderBy: [{ title: ASC }], limit: 5) { title publishedOn pages inPrint price writers(limit: 5) { name } } }
           writers(limit: 5) { name works(limit: 5) { title shelf { label } } } }`,
      ),
      {
        shelvingUnits: [
          {
            label: "fiction",
            floor: 2,
            volumesCount: 2,
            volumes: [
              {
                title: "Dune",
                publishedOn: "1965-08-01",
                pages: 412,
                inPrint: true,
                price: 9.5,
                writers: [{ name: "Ann" }, { name: "Bob" }],
              },
              { title: "Emma", publishedOn: null, pages: 300, inPrint: false, price: null, writers: [] },
            ],
          },
        ],
        writers: [
          { name: "Ann", works: [{ title: "Dune", shelf: { label: "fiction" } }] },
          { name: "Bob", works: [{ title: "Dune", shelf: { label: "fiction" } }] },
        ],
      },
    );
  });

  test("filters on numbers, booleans, text and relations", async () => {
    assert.deepEqual(
      await data(
        playground,
        `{ volumes(where: { pages: { gte: 400 } }) { title }
           outOfPrint: volumes(where: { inPrint: { eq: false } }) { title }
           cheap: volumes(where: { price: { lt: 10 } }) { title }
           few: volumes(where: { pages: { in: [300] }, shelf: { label: { startsWith: "fic" } } }) { title }
           writers(where: { works: { some: { title: { eq: "Dune" } } } }) { name } }`,
      ),
      {
        volumes: [{ title: "Dune" }],
        outOfPrint: [{ title: "Emma" }],
        cheap: [{ title: "Dune" }],
        few: [{ title: "Emma" }],
        writers: [{ name: "Ann" }, { name: "Bob" }],
      },
    );
  });

  test("the file's help_text is the field's description, and its Meta.verbose_name_plural the list", async () => {
    const { __type } = await data(playground, '{ __type(name: "Volume") { fields { name description } } }');
    const fields = (__type as { fields: Array<{ name: string; description: string }> }).fields;
    assert.equal(fields.find((field) => field.name === "title")!.description, "As printed on the cover.");
    assert.equal(fields.find((field) => field.name === "pages")!.description, "models.SmallIntegerField()");
  });

  test("deleting a shelf deletes its volumes (CASCADE) and their links", async () => {
    assert.deepEqual(await data(playground, 'mutation { deleteShelf(id: "1") { total perModel { model count } } }'), {
      deleteShelf: {
        total: 5,
        perModel: [
          { model: "Volume_writers", count: 2 },
          { model: "Volume", count: 2 },
          { model: "Shelf", count: 1 },
        ],
      },
    });
    assert.deepEqual(await data(playground, "{ volumesCount writers { worksCount } }"), {
      volumesCount: 0,
      writers: [{ worksCount: 0 }, { worksCount: 0 }],
    });
  });
});

test("npm run schema -- --models prints the file's schema", async () => {
  const { stdout } = await promisify(execFile)(process.execPath, [bin("print-schema"), "--models", served]);
  assert.match(stdout, /^type Volume implements Node \{/m);
  assert.match(stdout, /^ {2}shelvingUnits\(/m);
  assert.match(stdout, /^input IntFilter \{/m);
  assert.doesNotMatch(stdout, /\bPerson\b/);
});

for (const [file, place] of [
  ["syntax-error.py", /syntax-error\.py:\d+:\d+: /],
  ["clash.py", /clash\.py:9:1: found a model named Node, which the schema also names one of its own types/],
] as const) {
  test(`npm run schema -- --models ${file} prints the one line of the refusal`, async () => {
    const printing = promisify(execFile)(process.execPath, [
      bin("print-schema"),
      "--models",
      projectFile("test", "models-py", file),
    ]);
    await assert.rejects(printing, (error: { code: number; stdout: string; stderr: string }) => {
      assert.equal(error.code, 1);
      assert.equal(error.stdout, "");
      assert.equal(error.stderr.split("\n").length, 2, error.stderr);
      assert.match(error.stderr, place);
      return true;
    });
  });
}

test("MODELS with what the server cannot serve stops the start with the file, line and column", async () => {
  const child = spawn(process.execPath, [bin("start")], {
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      DATABASE_URL: "sqlite::memory:",
      MODELS: projectFile("test", "models-py", "unsupported-field.py"),
    },
    stdio: ["ignore", "pipe", "pipe"],
    // A server that starts after all would serve until stopped: it is killed and the test fails.
    timeout: 30_000,
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = (await once(child, "exit")) as [number | null];
  assert.equal(code, 1);
  const lines = stderr.trimEnd().split("\n");
  assert.equal(lines.length, 1, stderr);
  assert.match(lines[0]!, /unsupported-field\.py:7:15: found models\.JSONField/);
});
