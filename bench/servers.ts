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
  stop(): Promise<void>;
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
  const url = await readyUrl(name, child);
  const pid = child.pid!;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    name,
    url,
    rss: () => statusBytes(pid, "VmRSS"),
    peakRss: () => statusBytes(pid, "VmHWM"),
    // Linux: writing 5 to clear_refs resets the process's peak RSS (VmHWM) to its current RSS.
    resetPeakRss: () => writeFileSync(`/proc/${pid}/clear_refs`, "5"),
    stop: () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}

function readyUrl(name: string, child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (chunk: string) => {
      output += chunk;
      const match = /ready at (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    });
    child.once("exit", (code, signal) =>
      reject(new Error(`${name} exited (${signal ?? code}) before it was ready. Its output:\n${output}`)),
    );
  });
}

/** A memory line of `/proc/<pid>/status` ("VmRSS:  123456 kB"), in bytes. */
function statusBytes(pid: number, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
  if (!match) throw new Error(`/proc/${pid}/status has no ${field} line`);
  return Number(match[1]) * 1024;
}
