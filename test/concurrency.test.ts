/** The concurrency workload of ./support/link-race.ts, every client on one server. */
import { test } from "node:test";
import { clients, raceForLinks } from "./support/link-race.js";
import { TestPlayground } from "./support/playground.js";

test(`${clients} clients changing one course's students at once leave a state some order of their writes explains`, async (t) => {
  const playground = await TestPlayground.start();
  try {
    await raceForLinks(t, playground, () => (document, variables) => playground.request(document, variables));
  } finally {
    await playground.close();
  }
});
