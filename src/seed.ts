/**
 * The seed document's examples, loaded from `seeds/*.json` in file order. A file lists rows per
 * model with explicit ids; a many-to-many field holds the ids to link (`"students": [1, 2]`).
 * A row that gives only an id and links adds links to a row seeded earlier.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Catalog } from "./catalog.js";
import { changeLinks } from "./sql/links.js";
import type { SqlRunner, SqlValue } from "./sql/runner.js";
import { quote } from "./sql/syntax.js";
import { projectFile } from "./paths.js";

interface SeedFile {
  section: string;
  rows: Record<string, Array<Record<string, unknown>>>;
}

export function readSeeds(directory = projectFile("seeds")): SeedFile[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(directory, name), "utf8")) as SeedFile);
}

/** Inserts every seed row in one transaction; keys are checked at commit, so files may refer ahead. */
export function seedDatabase(sql: SqlRunner, catalog: Catalog, seeds: SeedFile[] = readSeeds()): Promise<void> {
  return sql.transaction(async () => {
    await sql.run(sql.dialect.deferForeignKeys);
    for (const seed of seeds) {
      for (const [modelName, rows] of Object.entries(seed.rows)) {
        const model = catalog.byName.get(modelName);
        if (!model) throw new Error(`${seed.section}: no model named ${modelName}`);
        for (const row of rows) {
          const columns = model.columns.filter((column) => column.field in row);
          if (columns.length > 1) {
            await sql.run(
              `INSERT INTO ${quote(model.table)} (${columns.map((column) => quote(column.column)).join(", ")}) ` +
                `VALUES (${columns.map(() => "?").join(", ")})`,
              columns.map((column) => row[column.field] as SqlValue),
            );
          }
          for (const relation of model.relations) {
            const ids = row[relation.field];
            if (relation.kind === "manyToMany" && Array.isArray(ids))
              await changeLinks(sql, relation, "add", row.id as number, ids);
          }
        }
      }
    }
  });
}
