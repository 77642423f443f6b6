/**
 * The models this process serves: the built-in ones from `models/playground.py`, or another
 * `models.py` chosen at start (`MODELS=path`). type-graphql keeps one registry of object types
 * per process, and the schema is built once from it, so a process serves one models file.
 */
import { projectFile } from "../paths.js";
import { readSeeds, type SeedFile } from "../seed.js";
import { readModelsFile } from "./python/definitions.js";
import { modelClasses, type ModelClass } from "./entities.js";

export const builtinModelsFile = projectFile("models", "playground.py");

export interface ServedModels {
  /** The file as it was named (`MODELS`), for messages. */
  file: string;
  /** One class per model, entity and object type at once, in the file's order. */
  classes: readonly ModelClass[];
  byName: ReadonlyMap<string, ModelClass>;
  warnings: readonly string[];
  /** What a new database gets: the seed document's rows for the built-in models, else none. */
  seeds: SeedFile[];
}

let served: ServedModels | undefined;

/** Reads and derives `file` (the built-in models when undefined); the same file again is the same models. */
export function serveModels(file: string = builtinModelsFile): ServedModels {
  if (served) {
    if (served.file === file) return served;
    throw new Error(
      `This process already serves ${served.file}; one process serves one models file (asked for ${file}).`,
    );
  }
  const { models, warnings } = readModelsFile(file);
  const classes = modelClasses(models, file);
  const seeds = file === builtinModelsFile ? readSeeds() : [];
  served = { file, classes, byName: new Map(classes.map((model) => [model.name, model])), warnings, seeds };
  return served;
}

/** The models chosen by `serveModels`, the built-in ones if none was. */
export function servedModels(): ServedModels {
  return served ?? serveModels();
}
