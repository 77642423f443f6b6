/**
 * The package as another project gets it: `npm pack` of this checkout, unpacked into an empty
 * folder's node_modules, where the README's test suite runs against it by name and a TypeScript
 * file compiles against its types.
 *
 * Its dependencies are not installed again: each one it declares is linked to the copy this
 * project installed from its lockfile. An `npm install` of the tarball would unpack some 250
 * packages once more and compile better-sqlite3 from source, a minute or more; the links keep
 * the versions the lockfile pinned, and linking only the declared ones still fails on a
 * runtime import that the package does not declare, as a real install would.
 */
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, before, test } from "node:test";
import { promisify } from "node:util";
import { projectFile } from "../src/paths.js";

const execFileAsync = promisify(execFile);

/** Runs a command to completion; a failure shows what it printed. */
async function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  try {
    return await execFileAsync(command, args, options);
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed:\n${stdout ?? ""}${stderr ?? ""}`, { cause: error });
  }
}
const directory = mkdtempSync(join(tmpdir(), "playground-package-"));
const consumer = join(directory, "consumer");
after(() => rmSync(directory, { recursive: true, force: true }));

interface PackedPackage {
  name: string;
  filename: string;
  files: Array<{ path: string }>;
}

interface Manifest {
  dependencies: Record<string, string>;
  bin: Record<string, string>;
}

let packed: PackedPackage;
let installed: string;
let manifest: Manifest;

/** The README's "Using it from a test suite" example, exactly as a reader copies it. */
function readmeSuite(): string {
  const readme = readFileSync(projectFile("README.md"), "utf8");
  const section = readme.split(/^## /m).find((part) => part.startsWith("Using it from a test suite\n"));
  const block = section && /^```js\n([\s\S]*?)^```$/m.exec(section);
  assert.ok(block, 'README.md needs a js block under "## Using it from a test suite"');
  return block[1]!;
}

before(async () => {
  // Scripts stay off: `prepare` would rebuild dist/src under the other test files running from
  // it, and `npm test` has just built it from these sources with the same compiler options.
  const { stdout } = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", directory], {
    cwd: projectFile(),
  });
  [packed] = JSON.parse(stdout) as PackedPackage[];
  installed = join(consumer, "node_modules", packed!.name);
  mkdirSync(installed, { recursive: true });
  await run("tar", ["-xzf", join(directory, packed!.filename), "-C", installed, "--strip-components=1"]);
  manifest = JSON.parse(readFileSync(join(installed, "package.json"), "utf8")) as Manifest;
  for (const dependency of Object.keys(manifest.dependencies)) {
    const link = join(consumer, "node_modules", dependency);
    mkdirSync(dirname(link), { recursive: true });
    symlinkSync(realpathSync(projectFile("node_modules", dependency)), link);
  }
  writeFileSync(
    join(consumer, "package.json"),
    JSON.stringify({ type: "module", private: true, dependencies: { [packed!.name]: `file:../${packed!.filename}` } }),
  );
});

test("the tarball holds the compiled library, its types, the built-in models and the seeds, and no tests or sources", () => {
  const paths = packed.files.map((file) => file.path);
  for (const path of [
    "package.json",
    "dist/src/index.js",
    "dist/src/index.d.ts",
    "schema.graphql",
    "models/playground.py",
  ]) {
    assert.ok(paths.includes(path), `${path} is missing from the tarball`);
  }
  for (const seed of readdirSync(projectFile("seeds"))) assert.ok(paths.includes(`seeds/${seed}`), seed);
  const unwanted = paths.filter((path) =>
    /^(dist\/(test|bench|scripts)\/|src\/|test\/|dist\/src\/bin\/dev\.)/.test(path),
  );
  assert.deepEqual(unwanted, []);
  for (const bin of Object.values(manifest.bin)) {
    assert.match(readFileSync(join(installed, bin), "utf8"), /^#!\/usr\/bin\/env node\n/, `${bin} runs as a command`);
  }
});

test("the README's suite passes against the installed package", async () => {
  writeFileSync(join(consumer, "api.test.js"), readmeSuite());
  // Without the variable that marks this process as a test runner's child, the suite reports
  // to its own stdout as it would on the reader's machine.
  const env = { ...process.env };
  delete env.NODE_TEST_CONTEXT;
  const { stdout } = await run(process.execPath, ["--test", "--test-reporter=tap", "api.test.js"], {
    cwd: consumer,
    env,
  });
  assert.match(stdout, /^# pass 3$/m);
  assert.match(stdout, /^# fail 0$/m);
});

test("TypeScript finds the package's types, which show only the public surface", async () => {
  writeFileSync(
    join(consumer, "types.ts"),
    [
      `import { startPlayground, type Playground, type PlaygroundOptions } from "${packed.name}";`,
      `const options: PlaygroundOptions = { port: 0, maxLimit: 50, readOnly: true };`,
      `const playground: Playground = await startPlayground(options);`,
      `export const url: string = playground.url;`,
      `await playground.reset();`,
      `await playground.close();`,
      `// @ts-expect-error the database is not part of the public surface`,
      `void playground.connection;`,
      `// @ts-expect-error a misspelt option does not compile`,
      `void startPlayground({ maxLimt: 2 });`,
    ].join("\n"),
  );
  writeFileSync(
    join(consumer, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { module: "nodenext", target: "es2022", lib: ["es2023"], types: [], strict: true, noEmit: true },
      files: ["types.ts"],
    }),
  );
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  await run(process.execPath, [tsc, "-p", consumer]);
});
