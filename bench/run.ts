/**
 * `npm run bench`: seeds a scaled database, starts the playground and the hand-written floor as
 * child processes, checks that they answer each read document with the same data, then loads
 * each with autocannon and writes bench/RESULTS.md.
 */
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import autocannon from "autocannon";
import { projectFile } from "../src/paths.js";
import { batchingHeader, traceHeader } from "../src/server/trace.js";
import { readOptions, type BenchOptions, type TargetName } from "./options.js";
import { describeMachine, resultsDocument, resultsTable, targetLabels, type Measurement, type Soak } from "./report.js";
import { seedScaled } from "./seed-scale.js";
import { startServer, type ServerProcess } from "./servers.js";
import { nestedOneToMany, requestBody, workloads, type Workload } from "./workloads.js";

interface Target {
  name: TargetName;
  server: ServerProcess;
  headers: Record<string, string>;
}

const jsonHeaders = { "content-type": "application/json" };

/** A bar redrawn in place on a terminal; elsewhere (a log file) just the start and the end. */
function progressBar(label: string): (fraction: number) => void {
  const width = 30;
  if (!process.stderr.isTTY) {
    return (fraction) => {
      if (fraction === 0 || fraction >= 1) process.stderr.write(`${label}: ${fraction >= 1 ? "done" : "started"}\n`);
    };
  }
  return (fraction) => {
    const filled = Math.round(Math.min(1, fraction) * width);
    const bar = `${"#".repeat(filled)}${"-".repeat(width - filled)}`;
    process.stderr.write(`\r${label} [${bar}] ${Math.round(fraction * 100)}%${fraction >= 1 ? "\n" : ""}`);
  };
}

/** Runs `work` while a bar fills over the `seconds` it is expected to take. */
async function withTimedBar<T>(label: string, seconds: number, work: () => Promise<T>): Promise<T> {
  const show = progressBar(label);
  const started = Date.now();
  show(0);
  const timer = setInterval(() => show(Math.min(0.99, (Date.now() - started) / 1000 / seconds)), 500);
  try {
    return await work();
  } finally {
    clearInterval(timer);
    show(1);
  }
}

async function startTargets(options: BenchOptions, database: string): Promise<Target[]> {
  const wanted = new Set(options.targets);
  const targets: Target[] = [];
  if (wanted.has("floor")) {
    const floor = await startServer("floor", [projectFile("dist/bench/floor.js"), database], { PORT: "0" });
    targets.push({ name: "floor", server: floor, headers: jsonHeaders });
  }
  if (wanted.has("batched") || wanted.has("unbatched") || options.only.includes(4)) {
    const profiling = options.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${resolve(options.cpuProfDir)}`] : [];
    const playground = await startServer("playground", [...profiling, projectFile("dist/src/bin/start.js")], {
      DATABASE_URL: `sqlite:${database}`,
      PORT: "0",
      HOST: "127.0.0.1",
      NODE_ENV: "production",
    });
    if (wanted.has("batched") || options.only.includes(4)) {
      targets.push({ name: "batched", server: playground, headers: jsonHeaders });
    }
    if (wanted.has("unbatched")) {
      targets.push({ name: "unbatched", server: playground, headers: { ...jsonHeaders, [batchingHeader]: "off" } });
    }
  }
  return targets;
}

/** One traced request: the answer's data and how many statements it ran. */
async function probe(target: Target, workload: Workload): Promise<{ data: unknown; statements: number }> {
  const response = await fetch(target.server.url, {
    method: "POST",
    headers: { ...target.headers, [traceHeader]: "1" },
    body: requestBody(workload),
  });
  const json = (await response.json()) as {
    data?: unknown;
    errors?: unknown[];
    extensions?: { sql?: { count: number } };
  };
  if (!response.ok || json.errors || json.data == null) {
    throw new Error(
      `${targetLabels[target.name]} answered "${workload.title}" with HTTP ${response.status}: ` +
        JSON.stringify(json.errors ?? json),
    );
  }
  return { data: json.data, statements: json.extensions?.sql?.count ?? Number.NaN };
}

/** Stops the run unless every target answers the document with the same data. */
async function statementsPerTarget(targets: Target[], workload: Workload): Promise<Map<TargetName, number>> {
  const answers = await Promise.all(targets.map((target) => probe(target, workload)));
  const [reference, ...others] = answers;
  others.forEach((answer, i) =>
    assert.deepStrictEqual(
      answer.data,
      reference!.data,
      `"${workload.title}": ${targetLabels[targets[i + 1]!.name]} and ${targetLabels[targets[0]!.name]} ` +
        "answer with different data; the bench compares only equal answers.",
    ),
  );
  return new Map(targets.map((target, i) => [target.name, answers[i]!.statements]));
}

function load(target: Target, workload: Workload, connections: number, seconds: number): ReturnType<typeof autocannon> {
  return autocannon({
    url: target.server.url,
    method: "POST",
    headers: target.headers,
    body: requestBody(workload),
    connections,
    duration: seconds,
    // A refused write still answers 200; reads were checked before the run.
    ...(workload.kind === "write" && { verifyBody: (body: string) => !body.includes('"errors"') }),
  });
}

async function measure(
  options: BenchOptions,
  target: Target,
  workload: Workload,
  statements: number,
): Promise<Measurement> {
  const label = `${workload.title} / ${targetLabels[target.name]}`;
  const result = await withTimedBar(label, options.warmup + options.duration, async () => {
    await load(target, workload, options.connections, options.warmup);
    target.server.resetPeakRss();
    return load(target, workload, options.connections, options.duration);
  });
  return {
    workload,
    target: target.name,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    statements,
    peakRssBytes: target.server.peakRss(),
    failures: result.errors + result.non2xx + result.mismatches,
  };
}

async function soak(options: BenchOptions, target: Target): Promise<Soak> {
  return withTimedBar("memory soak, workload 1", options.warmup + options.soak, async () => {
    await load(target, nestedOneToMany, options.connections, options.warmup);
    const rssSamples = [target.server.rss()];
    const sampler = setInterval(() => rssSamples.push(target.server.rss()), 1000);
    try {
      const result = await load(target, nestedOneToMany, options.connections, options.soak);
      rssSamples.push(target.server.rss());
      return { seconds: options.soak, requestsPerSecond: result.requests.average, rssSamples };
    } finally {
      clearInterval(sampler);
    }
  });
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2), process.env);
  const machine = describeMachine();
  const database = resolve(options.database);
  mkdirSync(dirname(database), { recursive: true });
  await seedScaled(database, options.scale, progressBar(`seeding ${options.database}`));

  const targets = await startTargets(options, database);
  const measurements: Measurement[] = [];
  let memory: Soak | undefined;
  try {
    // Writes run last: they add books to author 1, which the reads would then see.
    const chosen = workloads.filter((_, i) => options.only.includes(i + 1));
    for (const workload of chosen.filter((candidate) => candidate.kind === "read")) {
      const readTargets = targets.filter((target) => options.targets.includes(target.name));
      const statements = await statementsPerTarget(readTargets, workload);
      for (const target of readTargets) {
        measurements.push(await measure(options, target, workload, statements.get(target.name)!));
      }
    }
    const playground = targets.find((target) => target.name === "batched");
    if (options.soak > 0 && playground) memory = await soak(options, playground);
    for (const workload of chosen.filter((candidate) => candidate.kind === "write")) {
      const { statements } = await probe(playground!, workload);
      measurements.push(await measure(options, playground!, workload, statements));
    }
  } finally {
    await Promise.all([...new Set(targets.map((target) => target.server))].map((server) => server.stop()));
  }

  console.log(`\n${resultsTable(measurements)}\n`);
  writeFileSync(options.output, resultsDocument(options, machine, measurements, memory));
  console.log(`Written to ${options.output}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
