/**
 * `npm run bench`: for each engine, seeds a scaled database, starts the playground and the
 * hand-written floor on it as child processes, checks that they answer each read document with
 * the same data, then loads each with autocannon at each number of connections; writes all
 * engines' results to bench/RESULTS.md.
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import autocannon from "autocannon";
import { projectFile } from "../src/paths.js";
import { batchingHeader, traceHeader } from "../src/server/trace.js";
import { isPostgresUrl } from "../src/sql/postgres/url.js";
import { readOptions, type BenchOptions, type EngineName, type TargetName } from "./options.js";
import {
  describeMachine,
  engineLabels,
  flatTolerance,
  resultsDocument,
  resultsTable,
  targetLabels,
  type CacheSoak,
  type Measurement,
  type Settling,
  type Soak,
} from "./report.js";
import { seedScaled } from "./seed-scale.js";
import { startServer, type ServerProcess } from "./servers.js";
import { cacheSoak, memoryRecorder, newWhereShape, uniqueDocument } from "./soaks.js";
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

async function startTargets(options: BenchOptions, databaseUrl: string): Promise<Target[]> {
  const wanted = new Set(options.targets);
  const targets: Target[] = [];
  if (wanted.has("floor")) {
    const floor = await startServer("floor", [projectFile("dist/bench/floor.js"), databaseUrl], { PORT: "0" });
    targets.push({ name: "floor", server: floor, headers: jsonHeaders });
  }
  if (options.baseline) {
    const baseline = await startServer("baseline", startCommand(resolve(options.baseline)), playgroundEnv(databaseUrl));
    targets.push({ name: "baseline", server: baseline, headers: jsonHeaders });
  }
  if (wanted.has("batched") || wanted.has("unbatched") || options.only.includes(4)) {
    const playground = await startPlayground(options, databaseUrl);
    if (wanted.has("batched") || options.only.includes(4)) {
      targets.push({ name: "batched", server: playground, headers: jsonHeaders });
    }
    if (wanted.has("unbatched")) {
      targets.push({ name: "unbatched", server: playground, headers: { ...jsonHeaders, [batchingHeader]: "off" } });
    }
  }
  return targets;
}

function startPlayground(options: BenchOptions, databaseUrl: string, nodeArgs: string[] = []): Promise<ServerProcess> {
  const profiling = options.cpuProfDir ? ["--cpu-prof", `--cpu-prof-dir=${resolve(options.cpuProfDir)}`] : [];
  return startServer(
    "playground",
    [...profiling, ...nodeArgs, ...startCommand(projectFile())],
    playgroundEnv(databaseUrl),
  );
}

function playgroundEnv(databaseUrl: string): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    PORT: "0",
    HOST: "127.0.0.1",
    NODE_ENV: "production",
    // Workload 2 nests three lists, two without a limit: an estimated 505,050 rows against
    // the default cost limit of 100,000, and without batching workload 1 may run 10,101
    // statements against 1,000. The limits are a policy, not a speed setting; so is the
    // deadline, which a request queued behind unbatched ones on a busy machine can pass.
    MAX_COST: "1000000",
    MAX_STATEMENTS: "100000",
    REQUEST_TIMEOUT_MS: "60000",
  };
}

/**
 * The playground of a checkout as its `npm start` runs it, with the same node flags (the V8
 * heap settings are a part of how it is served), minus the build.
 */
function startCommand(checkout: string): string[] {
  const { scripts } = JSON.parse(readFileSync(resolve(checkout, "package.json"), "utf8")) as {
    scripts: { start: string };
  };
  const match = /\bnode ((?:--\S+ )*)(dist\/src\/bin\/start\.js)/.exec(scripts.start);
  if (!match) throw new Error(`${checkout}/package.json: no "node ... dist/src/bin/start.js" in its start script`);
  return [...match[1]!.split(" ").filter(Boolean), resolve(checkout, match[2]!)];
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

interface Slice {
  completed: number;
  seconds: number;
  /** Milliseconds, one per response. */
  latencies: number[];
  failures: number;
}

async function load(target: Target, workload: Workload, connections: number, seconds: number): Promise<Slice> {
  const latencies: number[] = [];
  const run = autocannon({
    url: target.server.url,
    method: "POST",
    headers: target.headers,
    body: requestBody(workload),
    connections,
    duration: seconds,
    // A refused write still answers 200; reads were checked before the run.
    ...(workload.kind === "write" && { verifyBody: (body: string) => !body.includes('"errors"') }),
  });
  run.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await run;
  // The requests still in flight when autocannon stops go on in the server (an unbatched one
  // on PostgreSQL for seconds); one more, answered after them, keeps their work out of the
  // next slice, whichever server that slice measures.
  await fetch(target.server.url, { method: "POST", headers: target.headers, body: requestBody(workload) });
  return {
    completed: latencies.length,
    seconds: result.duration,
    latencies,
    failures: result.errors + result.non2xx + result.mismatches,
  };
}

function percentile(sorted: number[], fraction: number): number {
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}

/**
 * Each target is measured in `rounds` slices taken in turn with the others', so that a change in
 * the machine's other load weighs on all of them alike rather than on whichever ran then.
 */
async function measure(
  options: BenchOptions,
  run: { engine: EngineName; connections: number },
  targets: Target[],
  workload: Workload,
  statements: Map<TargetName, number>,
): Promise<Measurement[]> {
  const { engine, connections } = run;
  const label =
    `${engineLabels[engine]}, ${connections} connections, ${workload.title}: ` +
    targets.map((target) => targetLabels[target.name]).join(", ");
  return withTimedBar(label, targets.length * (options.warmup + options.duration), async () => {
    for (const target of targets) await load(target, workload, connections, options.warmup);
    const slices = new Map<Target, Slice[]>(targets.map((target) => [target, []]));
    const peaks = new Map<Target, number>(targets.map((target) => [target, 0]));
    for (let round = 0; round < options.rounds; round++) {
      for (const target of targets) {
        target.server.resetPeakRss();
        slices.get(target)!.push(await load(target, workload, connections, options.duration / options.rounds));
        peaks.set(target, Math.max(peaks.get(target)!, target.server.peakRss()));
      }
    }
    return targets.map((target) => {
      const taken = slices.get(target)!;
      const latencies = taken.flatMap((slice) => slice.latencies).sort((a, b) => a - b);
      const sum = (value: (slice: Slice) => number) => taken.reduce((total, slice) => total + value(slice), 0);
      return {
        engine,
        connections,
        workload,
        target: target.name,
        requestsPerSecond: sum((slice) => slice.completed) / sum((slice) => slice.seconds),
        p50Ms: percentile(latencies, 0.5),
        p99Ms: percentile(latencies, 0.99),
        statements: statements.get(target.name)!,
        peakRssBytes: peaks.get(target)!,
        failures: sum((slice) => slice.failures),
      };
    });
  });
}

/** At most this long, a soak's playground is loaded before its first full collection is given up on. */
const settleLimitSeconds = 180;
const settleSliceSeconds = 2;
/** Full collections after RSS has fallen: V8 returns the pages over the next few, not at once. */
const settleCollectionsAfterFall = 3;

/**
 * A playground process of its own for the soaks, loaded with workload 1 until V8's first full
 * collection under load and a few more. A new process's old generation grows to a generous first
 * limit before that collection (on PostgreSQL, RSS climbed about 1.3 MB a second for a minute,
 * fell by a third over the next ten seconds, then stayed flat for minutes), and the process that
 * ran the workloads holds a heap sized by all of them, batching off the largest, which V8 shrinks
 * when it will: a soak across either reads V8's sizing rather than what the server keeps. The
 * first collection shows as RSS falling 10% below its highest.
 */
async function settledPlayground(
  options: BenchOptions,
  databaseUrl: string,
): Promise<{ target: Target; settling: Settling }> {
  // --trace-gc prints a line for each collection, from which the soaks read the heap that full
  // collections leave; it costs little next to the collections themselves.
  const server = await startPlayground(options, databaseUrl, ["--trace-gc"]);
  const target: Target = { name: "batched", server, headers: jsonHeaders };
  const connections = options.connections[0]!;
  let seconds = 0;
  let collectionsAtFall: number | undefined;
  while (seconds < settleLimitSeconds) {
    seconds += (await load(target, nestedOneToMany, connections, settleSliceSeconds)).seconds;
    const collections = server.fullCollections().count;
    const fallen = server.rss() < server.peakRss() * (1 - flatTolerance);
    if (collectionsAtFall === undefined && fallen && seconds >= options.warmup) collectionsAtFall = collections;
    if (collectionsAtFall !== undefined && collections >= collectionsAtFall + settleCollectionsAfterFall) {
      const settling = { seconds, peakBytes: server.peakRss(), settledBytes: server.rss() };
      return { target, settling: { ...settling, collectionsAfterFall: settleCollectionsAfterFall } };
    }
  }
  return { target, settling: { seconds, peakBytes: server.peakRss() } };
}

async function soak(options: BenchOptions, engine: EngineName, target: Target, settling: Settling): Promise<Soak> {
  const connections = options.connections[0]!;
  return withTimedBar(`${engineLabels[engine]}, memory soak, workload 1`, options.soak, async () => {
    const memory = memoryRecorder(target.server);
    memory.sample();
    const sampler = setInterval(memory.sample, 1000);
    try {
      const { completed, seconds } = await load(target, nestedOneToMany, connections, options.soak);
      memory.sample();
      return { engine, settling, seconds: options.soak, requestsPerSecond: completed / seconds, ...memory.trace };
    } finally {
      clearInterval(sampler);
    }
  });
}

/** The cache soaks that `options` asks for, before the writes, so that only reads have run. */
async function cacheSoaks(options: BenchOptions, engine: EngineName, target: Target): Promise<CacheSoak[]> {
  const soaks = [
    {
      title: "unique documents",
      novelty: "a document no earlier request sent",
      count: options.uniqueDocuments,
      request: uniqueDocument,
    },
    {
      title: "where shapes",
      novelty: "the same document and a `where` that compiles to a new SQL text",
      count: options.whereShapes,
      request: newWhereShape,
    },
  ];
  const results: CacheSoak[] = [];
  for (const { title, novelty, count, request } of soaks.filter((soak) => soak.count > 0)) {
    const soaked = await withTimedBar(`${engineLabels[engine]}, cache soak, ${count} ${title}`, count / 200, () =>
      cacheSoak(target.server, title, novelty, count, options.connections[0]!, request),
    );
    results.push({ engine, ...soaked });
  }
  return results;
}

/** Everything measured on one engine's database, in the order that keeps reads unchanged by writes. */
async function benchEngine(
  options: BenchOptions,
  engine: EngineName,
  databaseUrl: string,
): Promise<{ measurements: Measurement[]; memory?: Soak; caches: CacheSoak[] }> {
  await seedScaled(databaseUrl, options.scale, progressBar(`seeding ${engineLabels[engine]}`));
  const targets = await startTargets(options, databaseUrl);
  const measurements: Measurement[] = [];
  let memory: Soak | undefined;
  const caches: CacheSoak[] = [];
  try {
    // Writes run last: they add books to author 1, which the reads would then see.
    const chosen = workloads.filter((_, i) => options.only.includes(i + 1));
    const readTargets = targets.filter((target) => options.targets.includes(target.name));
    for (const connections of options.connections) {
      for (const workload of chosen.filter((candidate) => candidate.kind === "read")) {
        const statements = await statementsPerTarget(readTargets, workload);
        measurements.push(...(await measure(options, { engine, connections }, readTargets, workload, statements)));
      }
    }
    const playground = targets.find((target) => target.name === "batched");
    if (playground && (options.soak > 0 || options.uniqueDocuments > 0 || options.whereShapes > 0)) {
      const settled = await withTimedBar(`${engineLabels[engine]}, a playground for the soaks, settling`, 60, () =>
        settledPlayground(options, databaseUrl),
      );
      try {
        if (options.soak > 0) memory = await soak(options, engine, settled.target, settled.settling);
        caches.push(...(await cacheSoaks(options, engine, settled.target)));
      } finally {
        await settled.target.server.stop();
      }
    }
    for (const connections of options.connections) {
      for (const workload of chosen.filter((candidate) => candidate.kind === "write")) {
        const statements = new Map([["batched" as const, (await probe(playground!, workload)).statements]]);
        measurements.push(...(await measure(options, { engine, connections }, [playground!], workload, statements)));
      }
    }
  } finally {
    await Promise.all([...new Set(targets.map((target) => target.server))].map((server) => server.stop()));
  }
  return { measurements, memory, caches };
}

/**
 * Runs this same bench again under scripts/postgres-cluster.sh, which starts a throwaway
 * cluster, sets `DATABASE_URL` to its database, and removes the cluster when the bench ends.
 */
function underThrowawayCluster(): Promise<number> {
  const bench = [process.execPath, ...process.execArgv, ...process.argv.slice(1)];
  const child = spawn(projectFile("scripts", "postgres-cluster.sh"), bench, { stdio: "inherit" });
  return new Promise((resolve) => child.once("exit", (code) => resolve(code ?? 1)));
}

function sqliteUrl(file: string): string {
  const database = resolve(file);
  mkdirSync(dirname(database), { recursive: true });
  return `sqlite:${database}`;
}

async function main(): Promise<void> {
  const options = readOptions(process.argv.slice(2), process.env);
  const postgresUrl = process.env.DATABASE_URL;
  if (options.engines.includes("postgres") && !(postgresUrl && isPostgresUrl(postgresUrl))) {
    process.exitCode = await underThrowawayCluster();
    return;
  }
  const machine = describeMachine();
  const measurements: Measurement[] = [];
  const memory: Soak[] = [];
  const caches: CacheSoak[] = [];
  for (const engine of options.engines) {
    const found = await benchEngine(
      options,
      engine,
      engine === "postgres" ? postgresUrl! : sqliteUrl(options.database),
    );
    measurements.push(...found.measurements);
    if (found.memory) memory.push(found.memory);
    caches.push(...found.caches);
  }

  console.log(`\n${resultsTable(measurements)}\n`);
  writeFileSync(options.output, resultsDocument(options, machine, measurements, memory, caches));
  console.log(`Written to ${options.output}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
