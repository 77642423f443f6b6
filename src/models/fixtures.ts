/**
 * Django's `dumpdata` JSON (`manage.py dumpdata --indent 2 > fixtures.json`) as the rows a new
 * database is seeded with, in place of `seeds/`: each object names its model as
 * `app_label.modelname`, its primary key as `pk` and its fields by their Django names, keys as
 * the related row's pk and many-to-many fields as lists of pks.
 */
import { readFileSync } from "node:fs";
import { foreignKeyIdField } from "../naming.js";
import type { SeedFile } from "../seed.js";
import { StartupError } from "../sql/connection.js";
import type { ModelDefinition } from "./definition.js";

interface DumpedObject {
  model?: unknown;
  pk?: unknown;
  fields?: unknown;
}

/**
 * The fixtures in `path` as seed files, checked against the served models: the rows first, then
 * their many-to-many links, since a dump may list a row before the rows it links to.
 */
export function readFixtures(path: string, models: readonly ModelDefinition[]): SeedFile[] {
  let objects: unknown;
  try {
    objects = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new StartupError(`FIXTURES=${path} is not a JSON file: ${(error as Error).message}`);
  }
  if (!Array.isArray(objects)) throw new StartupError(`FIXTURES=${path} must hold a list, as dumpdata writes it.`);
  // dumpdata labels a model by its lowercased class name, after the app's label.
  const byLabel = new Map(models.map((model) => [model.name.toLowerCase(), model]));
  const rows: SeedFile["rows"] = {};
  const links: SeedFile["rows"] = {};
  objects.forEach((object: DumpedObject, index) => {
    const where = `FIXTURES=${path}, object ${index + 1}`;
    const label = typeof object?.model === "string" ? object.model : undefined;
    const model = label === undefined ? undefined : byLabel.get(label.split(".").pop()!);
    if (!model) {
      throw new StartupError(
        `${where}: the model ${JSON.stringify(object?.model)} is none of the served models (${models.map((each) => each.name).join(", ")}).`,
      );
    }
    if (!Number.isSafeInteger(object.pk)) {
      throw new StartupError(
        `${where}: pk must be an integer, got ${JSON.stringify(object.pk)} (natural keys are not read).`,
      );
    }
    const fields = (object.fields ?? {}) as Record<string, unknown>;
    const row: Record<string, unknown> = { id: object.pk };
    const linked: Record<string, unknown> = { id: object.pk };
    for (const [name, value] of Object.entries(fields)) {
      const field = model.fields.find((candidate) => candidate.name === name);
      if (!field) throw new StartupError(`${where}: ${model.name} has no field ${name}.`);
      if (field.kind === "manyToMany") linked[field.field] = value;
      else if (field.kind === "toOne") row[foreignKeyIdField(field.field)] = value;
      else row[field.field] = value;
    }
    (rows[model.name] ??= []).push(row);
    (links[model.name] ??= []).push(linked);
  });
  return [
    { section: path, rows },
    { section: `${path} (links)`, rows: links },
  ];
}
