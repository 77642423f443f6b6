/**
 * The README's example block as a reader uses it: pasted whole into an IDE on the seed data, and
 * each operation run by name, top to bottom.
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, before, test } from "node:test";
import { Kind, parse, type OperationDefinitionNode } from "graphql";
import { projectFile } from "../src/paths.js";
import { TestPlayground } from "./support/playground.js";

function examplesBlock(): string {
  const readme = readFileSync(projectFile("README.md"), "utf8");
  const section = readme.split(/^## /m).find((part) => part.startsWith("Examples\n"));
  const block = section && /^```graphql\n([\s\S]*?)^```$/m.exec(section);
  assert.ok(block, 'README.md needs a graphql block under "## Examples"');
  return block[1]!;
}

let playground: TestPlayground;
before(async () => {
  playground = await TestPlayground.start();
});
after(() => playground.close());

test("every operation of the README's examples runs, by name, from the pasted block on the seed data", async () => {
  const document = examplesBlock();
  const operations = parse(document).definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  assert.ok(operations.length > 1);
  const results: Record<string, unknown> = {};
  for (const operation of operations) {
    assert.ok(operation.name, "an IDE runs one operation of a pasted block only by its name");
    const name = operation.name.value;
    const response = await playground.post({ query: document, operationName: name });
    assert.equal(response.errors, undefined, `${name}: ${JSON.stringify(response.errors)}`);
    results[name] = response.data;
  }
  // The comments beside the operations promise these.
  assert.deepEqual(results.FindJane, { people: [{ id: "2", passport: null }] });
  assert.deepEqual(results.CarolsCourses, { student: { name: "Carol", courseSet: [{ name: "Math" }] } });
  assert.deepEqual(results.DeleteToyota, {
    deleteManufacturer: {
      total: 5,
      perModel: [
        { model: "RegistrationCertificate", count: 1 },
        { model: "Car", count: 3 },
        { model: "Manufacturer", count: 1 },
      ],
    },
  });
});
