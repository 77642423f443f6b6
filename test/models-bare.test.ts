/**
 * Models that leave an input type nothing to hold: GraphQL has no empty input type, so a model
 * without fields gets `createX` without `input`, and a model whose only field is its primary
 * key gets no `updateX`, while everything else about them is served as usual.
 */
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { projectFile } from "../src/paths.js";
import { testDatabase, type TestDatabase } from "./support/databases.js";
import { TestPlayground } from "./support/playground.js";

let playground: TestPlayground;
let database: TestDatabase;
before(async () => {
  database = await testDatabase();
  playground = await TestPlayground.start({
    models: projectFile("test", "models-py", "bare.py"),
    databaseUrl: database.url,
  });
});
after(async () => {
  await playground.close();
  await database.drop();
});

test("a model with no fields is created without input, and nothing without fields to change has updateX", async () => {
  const schema = await playground.post({
    query: '{ __type(name: "Mutation") { fields { name args { name } } } }',
  });
  const mutations = new Map(
    (schema.data!.__type as { fields: Array<{ name: string; args: Array<{ name: string }> }> }).fields.map(
      ({ name, args }) => [name, args.map((arg) => arg.name)],
    ),
  );
  assert.deepEqual(mutations.get("createMarker"), []);
  assert.equal(mutations.has("updateMarker"), false);
  assert.deepEqual(mutations.get("createPointer"), ["input"]);
  assert.equal(mutations.has("updatePointer"), false);
  assert.deepEqual(mutations.get("updateTarget"), ["id", "input"]);

  const data = async (query: string) => {
    const response = await playground.post({ query });
    assert.equal(response.errors, undefined, JSON.stringify(response.errors));
    return response.data;
  };
  assert.deepEqual(await data("mutation { a: createMarker { id } b: createMarker { id } }"), {
    a: { id: "1" },
    b: { id: "2" },
  });
  const target = await data('mutation { createTarget(input: { name: "t" }) { id } }');
  const targetId = (target!.createTarget as { id: string }).id;
  assert.deepEqual(await data(`mutation { createPointer(input: { otherId: ${targetId} }) { id other { name } } }`), {
    createPointer: { id: targetId, other: { name: "t" } },
  });
  assert.deepEqual(await data("{ markersCount pointers { id } }"), {
    markersCount: 2,
    pointers: [{ id: targetId }],
  });
});
