/**
 * 1,000 fuzzed operations against a fresh server: no INTERNAL_SERVER_ERROR, no HTTP 5xx, and a
 * sound database afterwards. FUZZ_SEED picks another run; `npm run fuzz` runs longer ones.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { PeopleTotalDocument } from "./generated/operations.js";
import { describeFailure, fuzz } from "./support/fuzz.js";
import { TestPlayground } from "./support/playground.js";

const seed = Number(process.env.FUZZ_SEED ?? 20_240_601);

test(`1000 fuzzed operations (seed ${seed}) get only refusals the contract names`, async (t) => {
  const playground = await TestPlayground.start();
  try {
    const report = await fuzz({ url: playground.url, ops: 1000, seed });
    t.diagnostic(`${report.rootFields} root fields; outcomes: ${JSON.stringify(Object.fromEntries(report.outcomes))}`);
    assert.deepEqual(
      report.failures.map((failure) => describeFailure(seed, failure)),
      [],
    );
    assert.deepEqual(await playground.problems(), []);
    assert.ok((await playground.data(PeopleTotalDocument)).peopleCount >= 0);
  } finally {
    await playground.close();
  }
});
