/**
 * `npm run fuzz -- --ops N --seed S`: fuzzes a fresh in-memory server and checks the database
 * afterwards. Without `--seed` a random one is drawn; it is printed, with the command that
 * replays any failure.
 */
import { parseArgs } from "node:util";
import { describeFailure, fuzz } from "../test/support/fuzz.js";
import { TestPlayground } from "../test/support/playground.js";

const { values } = parseArgs({ options: { ops: { type: "string", default: "1000" }, seed: { type: "string" } } });
const ops = Number(values.ops);
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
if (!Number.isSafeInteger(ops) || ops < 1 || !Number.isSafeInteger(seed)) {
  console.error("usage: npm run fuzz -- [--ops N] [--seed S]   (N and S whole numbers)");
  process.exit(2);
}

const playground = await TestPlayground.start();
const started = performance.now();
const report = await fuzz({ url: playground.url, ops, seed });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const problems = await playground.problems();
await playground.close();

console.log(`${ops} operations over ${report.rootFields} query and mutation fields, seed ${seed}, ${seconds} s`);
console.log(`outcomes: ${JSON.stringify(Object.fromEntries(report.outcomes))}`);
for (const failure of report.failures) console.log(describeFailure(seed, failure));
for (const problem of problems) console.log(`database after seed ${seed}: ${problem}`);
console.log(report.failures.length + problems.length === 0 ? "no failures" : `FAILED with seed ${seed}`);
process.exitCode = report.failures.length + problems.length === 0 ? 0 : 1;
