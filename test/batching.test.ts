import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import {
  CreateCarDocument,
  CreateManufacturerDocument,
  ManufacturersWithCarsDocument,
} from "./generated/operations.js";
import { TestPlayground } from "./support/playground.js";

let playground: TestPlayground;

before(async () => {
  playground = await TestPlayground.start();
  for (let i = 0; i < 30; i++) {
    const { createManufacturer } = await playground.data(CreateManufacturerDocument, { input: { name: `Maker ${i}` } });
    for (const modelName of ["A", "B"]) {
      await playground.data(CreateCarDocument, { input: { modelName, manufacturerId: createManufacturer.id } });
    }
  }
});
after(() => playground.close());

test("a 4-level one-to-many query runs the same statements for 3 and for 30 parents", async () => {
  const three = await playground.request(ManufacturersWithCarsDocument, { limit: 3 }, { trace: true });
  const thirty = await playground.request(ManufacturersWithCarsDocument, { limit: 30 }, { trace: true });
  assert.equal(three.data?.manufacturers.length, 3);
  assert.equal(thirty.data?.manufacturers.length, 30);
  assert.equal(three.sql?.count, 4);
  assert.equal(thirty.sql?.count, 4);
});

test("without batching the same query runs one statement per parent", async () => {
  const three = await playground.request(ManufacturersWithCarsDocument, { limit: 3 }, { trace: true, batching: false });
  const thirty = await playground.request(
    ManufacturersWithCarsDocument,
    { limit: 30 },
    { trace: true, batching: false },
  );
  assert.deepEqual(three.data, (await playground.request(ManufacturersWithCarsDocument, { limit: 3 })).data);
  assert.ok(thirty.sql!.count > three.sql!.count * 5, `${thirty.sql!.count} vs ${three.sql!.count}`);
});
