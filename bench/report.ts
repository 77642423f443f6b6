/** What a bench run found, as the Markdown that the console shows and bench/RESULTS.md keeps. */
import { execFileSync } from "node:child_process";
import { availableParallelism, cpus, loadavg, platform, release, totalmem } from "node:os";
import type { BenchOptions, EngineName, TargetName } from "./options.js";
import type { Workload } from "./workloads.js";

export interface Measurement {
  engine: EngineName;
  connections: number;
  workload: Workload;
  target: TargetName;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** SQL statements of one request, from its trace. */
  statements: number;
  peakRssBytes: number;
  /** Connection errors, timeouts, non-2xx answers and (writes) answers with GraphQL errors. */
  failures: number;
}

/** How the soaks' playground process was warmed up: until its first full collection and a few more, if they came. */
export interface Settling {
  /** Seconds of workload 1 before the soaks. */
  seconds: number;
  /** The highest RSS of the warm-up, in bytes. */
  peakBytes: number;
  /** Both absent when RSS did not fall 10% below its highest within the warm-up's limit. */
  settledBytes?: number;
  /** The full collections that came after RSS fell. */
  collectionsAfterFall?: number;
}

/** A server's RSS, and the heap that V8's latest full collection left, read together. */
export interface MemoryTrace {
  rssSamples: number[];
  /** At each RSS sample after the first full collection since sampling began, the heap the latest one left, in bytes. */
  heapSamples: number[];
  /** Full collections between the first sample and the last. */
  fullCollections: number;
}

/** Its samples are once a second, the first right after the warm-up. */
export interface Soak extends MemoryTrace {
  engine: EngineName;
  settling: Settling;
  seconds: number;
  requestsPerSecond: number;
}

/**
 * Requests that each bring the server something it has not seen, and its memory around them:
 * sampled at every hundredth of the requests and after the last.
 */
export interface CacheSoak extends MemoryTrace {
  engine: EngineName;
  title: string;
  /** What each request brings that no earlier one did. */
  novelty: string;
  requests: number;
  seconds: number;
  /** Requests answered with errors or a status other than 200. */
  failures: number;
}

export const engineLabels: Record<EngineName, string> = { sqlite: "SQLite", postgres: "PostgreSQL" };

export const targetLabels: Record<TargetName, string> = {
  floor: "floor (hand-written)",
  batched: "playground",
  unbatched: "playground, batching off",
  baseline: "playground, baseline revision",
};

/** The read workloads, whose goal is within 20% of the floor's requests per second. */
const goalWorkloads = ["one-to-many", "many-to-many", "filtered-list", "filtered-root"];
const goalRatio = 0.8;
export const flatTolerance = 0.1;

/** Captured when the run starts: other work on the machine shows in the load average. */
export function describeMachine(): string {
  const [oneMinute] = loadavg();
  return (
    `${cpus()[0]?.model ?? "unknown CPU"}, ${availableParallelism()} cores, ` +
    `${(totalmem() / 2 ** 30).toFixed(1)} GiB, ${platform()} ${release()}, Node ${process.version}, ` +
    `load average ${oneMinute!.toFixed(2)} at start`
  );
}

function sourceVersion(): string {
  try {
    const git = (...args: string[]) => execFileSync("git", args, { encoding: "utf8" }).trim();
    const commit = git("rev-parse", "--short", "HEAD");
    const changed = git("status", "--porcelain", "--untracked-files=no", "--", ".", ":!bench/RESULTS.md");
    return changed ? `${commit} with uncommitted changes` : commit;
  } catch {
    return "unknown (not a git checkout)";
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 2 ** 20).toFixed(0)} MB`;
}

function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(0)}%`;
}

/** Against the floor on the same engine, at the same number of connections. */
function floorRatio(measurement: Measurement, all: Measurement[]): number | undefined {
  const floor = all.find(
    (other) =>
      other.target === "floor" &&
      other.workload === measurement.workload &&
      other.engine === measurement.engine &&
      other.connections === measurement.connections,
  );
  return floor ? measurement.requestsPerSecond / floor.requestsPerSecond : undefined;
}

export function resultsTable(measurements: Measurement[]): string {
  const header = [
    "engine",
    "conns",
    "workload",
    "server",
    "req/s",
    "p50",
    "p99",
    "SQL/req",
    "peak RSS",
    "vs floor",
    "failed",
  ];
  const rows = measurements.map((measurement) => {
    const ratio = floorRatio(measurement, measurements);
    return [
      engineLabels[measurement.engine],
      String(measurement.connections),
      measurement.workload.title,
      targetLabels[measurement.target],
      measurement.requestsPerSecond.toFixed(0),
      `${measurement.p50Ms.toFixed(1)} ms`,
      `${measurement.p99Ms.toFixed(1)} ms`,
      String(measurement.statements),
      megabytes(measurement.peakRssBytes),
      ratio === undefined ? "" : percent(ratio),
      String(measurement.failures),
    ];
  });
  return [header, header.map(() => "---"), ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
}

function goalLines(measurements: Measurement[]): string[] {
  const served = measurements.filter((m) => goalWorkloads.includes(m.workload.key) && m.target === "batched");
  return served.flatMap((measurement) => {
    const ratio = floorRatio(measurement, measurements);
    if (ratio === undefined) return [];
    const verdict = ratio >= goalRatio ? "met" : "not met";
    return [
      `- ${engineLabels[measurement.engine]}, ${measurement.connections} connections, ${measurement.workload.title}: ` +
        `${percent(ratio)} of the floor's req/s (goal ${percent(goalRatio)}: ${verdict})`,
    ];
  });
}

/**
 * Garbage collection makes RSS a sawtooth, so single samples say little: a verdict compares the
 * mean of one run of samples with that of a later one.
 */
function memoryChange(early: number[], late: number[]): string {
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const change = mean(late) / mean(early) - 1;
  // What a soak looks for is growth; a fall is V8 handing pages back, told apart so it is not read as one.
  const verdict =
    change > flatTolerance
      ? `**grew** (more than ${percent(flatTolerance)})`
      : change < -flatTolerance
        ? `fell (more than ${percent(flatTolerance)}), which is no growth`
        : `flat (within ${percent(flatTolerance)})`;
  return (
    `${megabytes(mean(early))} then ${megabytes(mean(late))} on average ` +
    `(${change >= 0 ? "+" : ""}${percent(change)}): ${verdict}.`
  );
}

function range(samples: number[]): string {
  return `between ${megabytes(Math.min(...samples))} and ${megabytes(Math.max(...samples))}`;
}

function settlingText({ seconds, peakBytes, settledBytes, collectionsAfterFall }: Settling): string {
  const warmup = `${Math.round(seconds)} s of workload 1`;
  return settledBytes === undefined
    ? `after ${warmup}, in which RSS (at most ${megabytes(peakBytes)}) never fell ${percent(flatTolerance)} below its highest`
    : `after ${warmup}, until its first full collection under load and ${collectionsAfterFall} more ` +
        `(RSS at most ${megabytes(peakBytes)}, then ${megabytes(settledBytes)})`;
}

/**
 * The heap left by full collections beside RSS: RSS also moves with the pages V8 commits and
 * returns as it sizes its heap, which says nothing of what the server keeps.
 */
function heapText(trace: MemoryTrace, early: (samples: number[]) => number[], late: (samples: number[]) => number[]) {
  const samples = trace.heapSamples;
  if (samples.length === 0) return "no full collection came, so no heap was read.";
  return (
    `the heap left by the latest full collection (${trace.fullCollections} of them), ${range(samples)}; ` +
    memoryChange(early(samples), late(samples))
  );
}

const quarterOf = (samples: number[]) => Math.max(1, Math.floor(samples.length / 4));
const firstQuarter = (samples: number[]) => samples.slice(0, quarterOf(samples));
const thirdQuarter = (samples: number[]) => samples.slice(-2 * quarterOf(samples), -quarterOf(samples));
const lastQuarter = (samples: number[]) => samples.slice(-quarterOf(samples));

/** The first quarter of the samples against the last. */
function soakLines(soak: Soak): string[] {
  const samples = soak.rssSamples;
  return [
    `- ${engineLabels[soak.engine]}: workload 1 for ${soak.seconds} s against a playground process of its own, ` +
      `${settlingText(soak.settling)}, ` +
      `${soak.requestsPerSecond.toFixed(0)} req/s, RSS sampled every second, ${range(samples)}; ` +
      `over the first quarter and the last, ${memoryChange(firstQuarter(samples), lastQuarter(samples))} ` +
      `Over the same quarters, ${heapText(soak, firstQuarter, lastQuarter)}`,
  ];
}

/** The third quarter of the samples, once the caches are full, against the last. */
function cacheLines(soaks: CacheSoak[]): string[] {
  return soaks.map((soak) => {
    const samples = soak.rssSamples;
    const half = samples.slice(0, Math.max(1, Math.floor(samples.length / 2)));
    return (
      `- ${engineLabels[soak.engine]}, ${soak.title}: ${soak.requests} requests, each with ${soak.novelty}, ` +
      `${(soak.requests / soak.seconds).toFixed(0)} req/s, ${soak.failures} failed; RSS ` +
      `${megabytes(samples[0]!)} before, ${range(half)} over the first half, while the caches fill; ` +
      `over the third quarter and the last, ${memoryChange(thirdQuarter(samples), lastQuarter(samples))} ` +
      `Over the same quarters, ${heapText(soak, thirdQuarter, lastQuarter)}`
    );
  });
}

export function resultsDocument(
  options: BenchOptions,
  machine: string,
  measurements: Measurement[],
  soaks: Soak[],
  caches: CacheSoak[],
): string {
  const { scale } = options;
  return [
    "# Bench results",
    "",
    "Written by `npm run bench`; run it again to replace this file. Numbers from one machine, with other",
    "work possibly running on it: compare ratios to the floor, measured in the same run, rather than",
    "absolute numbers across runs.",
    "",
    `- Code: ${sourceVersion()}, ${new Date().toISOString()}`,
    `- Machine: ${machine}`,
    `- Data: ${scale.authors} authors with ${scale.booksPerAuthor} books each, ${scale.students} students ` +
      `taking ${scale.coursesPerStudent} of ${scale.courses} courses each`,
    `- Engines: ${options.engines.map((engine) => engineLabels[engine]).join(", ")}, each with its own floor on the same data`,
    `- Load: autocannon, ${options.connections.join(" and ")} connections; per workload and server ${options.warmup} s ` +
      `of warm-up, then ${options.duration} s measured in ${options.rounds} slices taken in turn with the ` +
      "other servers'; peak RSS over the measured slices",
    "",
    resultsTable(measurements),
    "",
    ...goalLines(measurements),
    "",
    "## Documents",
    "",
    ...[...new Set(measurements.map((m) => m.workload))].map((w) => `- ${w.title}: \`${w.query}\``),
    ...(soaks.length > 0 ? ["", "## Memory", "", ...soaks.flatMap(soakLines)] : []),
    ...(caches.length > 0
      ? [
          "",
          "## Caches",
          "",
          "Requests that each bring the server something new, sent to the memory soak's playground process " +
            "after it (or, without one, after the same warm-up); memory read at every hundredth of them. The bounded " +
            "caches are full by halfway; growth from the third quarter to the last means something is kept " +
            "without bound.",
          "",
          ...cacheLines(caches),
        ]
      : []),
    "",
  ].join("\n");
}
