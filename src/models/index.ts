/**
 * The models this process serves: the built-in ones from `models/playground.py`, or another
 * `models.py` chosen at start (`MODELS=path`). type-graphql keeps one registry of object types
 * per process, and the schema is built once from it, so a process serves one models file (and
 * one set of rows to seed a new database with).
 */
import { projectFile } from "../paths.js";
import { readSeeds, type SeedFile } from "../seed.js";
import { readModelsFile } from "./python/definitions.js";
import { modelClasses, type ModelClass } from "./entities.js";
import { readFixtures } from "./fixtures.js";

export const builtinModelsFile = projectFile("models", "playground.py");

export interface ServedModels {
  /** The file as it was named (`MODELS`), for messages. */
  file: string;
  /** `FIXTURES`, Django dumpdata JSON seeding a new database instead of `seeds/`. */
  fixtures: string | undefined;
  /** One class per model, entity and object type at once, in the file's order. */
  classes: readonly ModelClass[];
  byName: ReadonlyMap<string, ModelClass>;
  warnings: readonly string[];
  /** What a new database gets: the fixtures, else the seed document's rows for the built-in models, else none. */
  seeds: SeedFile[];
  /**
   * Whether committed migrations give these models' PostgreSQL schema: only the built-in models
   * have them; another file's tables are created from its models.
   */
  hasMigrations: boolean;
}

let served: ServedModels | undefined;

/**
 * Reads and derives `file` (the built-in models when undefined) and the `fixtures` to seed with;
 * the same files again are the same models.
 */
export function serveModels(file: string = builtinModelsFile, fixtures?: string): ServedModels {
  if (served) {
    if (served.file === file && served.fixtures === fixtures) return served;
    throw new Error(
      `This process already serves ${served.file} with ${served.fixtures ?? "its seeds"}; one process serves ` +
        `one models file and one set of fixtures (asked for ${file} with ${fixtures ?? "its seeds"}).`,
    );
  }
  const { models, warnings } = readModelsFile(file);
  const classes = modelClasses(models, file);
  const seeds = fixtures ? readFixtures(fixtures, models) : file === builtinModelsFile ? readSeeds() : [];
  served = {
    file,
    fixtures,
    classes,
    byName: new Map(classes.map((model) => [model.name, model])),
    warnings,
    seeds,
    hasMigrations: file === builtinModelsFile,
  };
  return served;
}

/** The models chosen by `serveModels`, the built-in ones if none was. */
export function servedModels(): ServedModels {
  return served ?? serveModels();
}
