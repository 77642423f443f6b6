/**
 * The servers under measurement, each in its own process so that its memory is its own: started
 * through their real entry points, found by the "ready at URL" line they print.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";

export interface ServerProcess {
  name: string;
  url: string;
  /** Resident memory now, in bytes. */
  rss(): number;
  /** The largest resident memory since the last `resetPeakRss`, in bytes. */
  peakRss(): number;
  resetPeakRss(): void;
  /**
   * V8's full collections so far, and the heap the latest one of each thread left, summed, in
   * bytes: what the process keeps, without the pages V8 holds on to for later. Read from the lines
   * that node's `--trace-gc` prints, so none are counted without that flag.
   */
  fullCollections(): FullCollections;
  stop(): Promise<void>;
}

export interface FullCollections {
  count: number;
  heapAfterLastBytes?: number;
}

export async function startServer(
  name: string,
  nodeArgs: string[],
  env: Record<string, string>,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, nodeArgs, {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const output = watchOutput(name, child);
  const url = await output.ready;
  const pid = child.pid!;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    name,
    url,
    rss: () => statusBytes(pid, "VmRSS"),
    peakRss: () => statusBytes(pid, "VmHWM"),
    // Linux: writing 5 to clear_refs resets the process's peak RSS (VmHWM) to its current RSS.
    resetPeakRss: () => writeFileSync(`/proc/${pid}/clear_refs`, "5"),
    fullCollections: () => ({ ...output.collections }),
    stop: () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}

/**
 * `--trace-gc`'s line for a full collection, "[pid:isolate] 247 ms: Mark-Compact 62.5 (90.5) ->
 * 53.1 (86.5) MB, ...": the heap (and what is committed for it) before and after, in MiB. Each
 * worker thread has an isolate, and so a heap, of its own.
 */
const fullCollectionLine =
  /^\[\d+:(0x[\da-f]+)\]\s+[\d.]+ ms: Mark-Compact(?: \(reduce\))? [\d.]+ \([\d.]+\) -> ([\d.]+) /;

/**
 * Reads the server's output line by line: its URL from the "ready at" line, then the full
 * collections. The output is kept only until the server is ready, to show if it exits first.
 */
function watchOutput(name: string, child: ChildProcess): { ready: Promise<string>; collections: FullCollections } {
  const collections: FullCollections = { count: 0 };
  const heapAfterLastPerIsolate = new Map<string, number>();
  let untilReady: string[] | undefined = [];
  let partialLine = "";
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (chunk: string) => {
      const lines = (partialLine + chunk).split("\n");
      partialLine = lines.pop()!;
      for (const line of lines) {
        const collection = fullCollectionLine.exec(line);
        if (collection) {
          collections.count++;
          heapAfterLastPerIsolate.set(collection[1]!, Number(collection[2]) * 2 ** 20);
          collections.heapAfterLastBytes = [...heapAfterLastPerIsolate.values()].reduce((sum, bytes) => sum + bytes);
        }
        if (!untilReady) continue;
        untilReady.push(line);
        const match = /ready at (\S+)/.exec(line);
        if (match) {
          untilReady = undefined;
          resolve(match[1]!);
        }
      }
    });
    child.once("exit", (code, signal) => {
      const output = [...(untilReady ?? []), partialLine].join("\n");
      reject(new Error(`${name} exited (${signal ?? code}) before it was ready. Its output:\n${output}`));
    });
  });
  return { ready, collections };
}

/** A memory line of `/proc/<pid>/status` ("VmRSS:  123456 kB"), in bytes. */
function statusBytes(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  if (!match) throw new Error(`/proc/${pid}/status has no ${field} line`);
  return Number(match[1]) * 1024;
}
