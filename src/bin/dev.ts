/**
 * `npm run dev`: `tsc --watch` rebuilds `dist/` on every change to `src/`, and `node --watch`
 * restarts the server on every rebuild. Both run as children of this process rather than as
 * `a & b` in the npm script: a shell's background job ignores Ctrl-C, so tsc would outlive it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { projectFile } from "../paths.js";

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const children: ChildProcess[] = [
  spawn(process.execPath, [tsc, "-b", projectFile("tsconfig.build.json"), "--watch", "--preserveWatchOutput"], {
    stdio: "inherit",
  }),
  spawn(process.execPath, ["--watch", projectFile("dist/src/bin/start.js")], { stdio: "inherit" }),
];

let exitCode = 0;
let running = children.length;
for (const child of children) {
  child.on("exit", (code) => {
    // One of the two stopping on its own leaves the other useless: stop both.
    if (code !== 0 && code !== null) exitCode = code;
    stopAll("SIGTERM");
    if (--running === 0) process.exit(exitCode);
  });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => stopAll(signal));

function stopAll(signal: NodeJS.Signals): void {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill(signal);
}
