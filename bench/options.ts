/** The bench's settings: each flag `--some-name` may also come from `BENCH_SOME_NAME`. */
import { parseArgs } from "node:util";
import type { Scale } from "./seed-scale.js";
import { distinctWhereShapes } from "./soaks.js";

export const targetNames = ["floor", "batched", "unbatched", "baseline"] as const;
export type TargetName = (typeof targetNames)[number];

export const engineNames = ["sqlite", "postgres"] as const;
export type EngineName = (typeof engineNames)[number];

export interface BenchOptions {
  scale: Scale;
  /** Each engine is seeded and measured in turn, its floor on the same engine. */
  engines: EngineName[];
  /** The SQLite file; PostgreSQL's database is `DATABASE_URL`'s, or a throwaway cluster's. */
  database: string;
  output: string;
  /** Seconds measured per workload and server, after `warmup` seconds that are not. */
  duration: number;
  warmup: number;
  /** Slices each measurement is cut into, taken in turn with the other servers'. */
  rounds: number;
  /** Each read workload is measured at each of these; the soaks use the first. */
  connections: number[];
  /** Seconds of workload 1 to check that memory stays flat; 0 skips it. */
  soak: number;
  /** Requests of the cache soaks, each with a never-seen document or `where` shape; 0 skips one. */
  uniqueDocuments: number;
  whereShapes: number;
  /** Workload numbers (1-5) to run. */
  only: number[];
  targets: TargetName[];
  /** A directory for the playground's `--cpu-prof` profile, or undefined. */
  cpuProfDir?: string;
  /**
   * A built checkout of another revision of the playground, measured as the `baseline` target
   * in the same run, so that a change's cost is read against the same machine and moment.
   */
  baseline?: string;
}

const defaults = {
  authors: "1000",
  "books-per-author": "10",
  students: "200",
  courses: "50",
  "courses-per-student": "5",
  engine: "sqlite",
  database: "data/bench.sqlite",
  output: "bench/RESULTS.md",
  duration: "10",
  warmup: "3",
  rounds: "5",
  connections: "10,16",
  soak: "0",
  "unique-documents": "20000",
  "where-shapes": "20000",
  only: "1,2,3,4,5",
  targets: "floor,batched,unbatched",
  "cpu-prof-dir": "",
  baseline: "",
};

type Flag = keyof typeof defaults;

const usage =
  "npm run bench -- [--flag value]...\n" +
  Object.entries(defaults)
    .map(([flag, value]) => `  --${flag} ${value || "(none)"}   or ${envName(flag as Flag)}`)
    .join("\n");

function envName(flag: Flag): string {
  return `BENCH_${flag.toUpperCase().replaceAll("-", "_")}`;
}

export function readOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: Object.fromEntries(Object.keys(defaults).map((flag) => [flag, { type: "string" as const }])),
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${usage}`, { cause: error });
  }
  const text = (flag: Flag) => (values[flag] as string | undefined) ?? env[envName(flag)] ?? defaults[flag];
  const number = (flag: Flag) => {
    const value = Number(text(flag));
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${flag} must be a number >= 0\n${usage}`);
    return value;
  };
  const atMost = (flag: Flag, maximum: number) => {
    const value = number(flag);
    if (value > maximum) throw new Error(`--${flag} can be at most ${maximum}, the shapes there are\n${usage}`);
    return value;
  };
  const list = (flag: Flag) => text(flag).split(",").filter(Boolean);
  const oneOf = <T extends string>(flag: Flag, names: readonly T[]): T[] => {
    const values = list(flag);
    const unknown = values.filter((value) => !(names as readonly string[]).includes(value));
    if (unknown.length > 0) throw new Error(`--${flag} takes ${names.join(", ")}; got ${unknown.join(", ")}`);
    return values as T[];
  };
  const baseline = text("baseline") || undefined;
  // The baseline is measured whenever one is given; without one it cannot be.
  const targets: TargetName[] = oneOf("targets", targetNames).filter((target) => target !== "baseline");
  if (baseline) targets.push("baseline");
  return {
    scale: {
      authors: number("authors"),
      booksPerAuthor: number("books-per-author"),
      students: number("students"),
      courses: number("courses"),
      coursesPerStudent: number("courses-per-student"),
    },
    engines: oneOf("engine", engineNames),
    database: text("database"),
    output: text("output"),
    duration: number("duration"),
    warmup: number("warmup"),
    rounds: Math.max(1, number("rounds")),
    connections: list("connections").map((value) => {
      const connections = Number(value);
      if (!Number.isInteger(connections) || connections < 1)
        throw new Error(`--connections takes whole numbers >= 1\n${usage}`);
      return connections;
    }),
    soak: number("soak"),
    uniqueDocuments: number("unique-documents"),
    whereShapes: atMost("where-shapes", distinctWhereShapes),
    only: list("only").map(Number),
    targets,
    cpuProfDir: text("cpu-prof-dir") || undefined,
    baseline,
  };
}
