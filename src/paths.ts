/** Files that ship beside the code (seeds, examples), found from the compiled or source tree. */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findProjectRoot(): string {
  let directory = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(directory, "package.json"))) {
    const parent = dirname(directory);
    if (parent === directory) throw new Error("package.json not found above the playground's code");
    directory = parent;
  }
  return directory;
}

const projectRoot = findProjectRoot();

export function projectFile(...segments: string[]): string {
  return join(projectRoot, ...segments);
}
