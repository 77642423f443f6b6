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

export interface SeedFile {
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
  return sql.transaction(() => insertSeeds(sql, catalog, seeds));
}

/**
 * Brings a database back to the seed state in one transaction: every row is deleted, the seeds
 * are inserted again, and the ids that creates hand out next are those of a new database.
 */
export function reseedDatabase(sql: SqlRunner, catalog: Catalog, seeds: SeedFile[] = readSeeds()): Promise<void> {
  return sql.transaction(async () => {
    for (const table of deletionOrder(catalog)) await sql.run(`DELETE FROM ${quote(table)}`);
    await insertSeeds(sql, catalog, seeds);
  });
}

async function insertSeeds(sql: SqlRunner, catalog: Catalog, seeds: SeedFile[]): Promise<void> {
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
  for (const statement of sql.dialect.idCounterStatements(
    catalog.models.map((model) => ({ table: model.table, column: model.primaryKey.column })),
  )) {
    await sql.run(statement);
  }
}

/**
 * Tables in an order that deletes no row another row still points at, so no `PROTECT` refuses
 * and no cascade runs: join tables first, then each model once no other model with a key to it
 * is left.
 */
function deletionOrder(catalog: Catalog): string[] {
  const joinTables = new Set(catalog.models.flatMap((model) => model.relations.flatMap((r) => r.join?.table ?? [])));
  const order: string[] = [];
  const pending = new Set(catalog.models);
  while (pending.size > 0) {
    const free = [...pending].filter(
      (model) =>
        !model.relations.some(
          (relation) =>
            (relation.kind === "reverseOne" || relation.kind === "reverseMany") &&
            relation.target !== model &&
            pending.has(relation.target),
        ),
    );
    if (free.length === 0) {
      throw new Error(
        `Cannot order the deletes: ${[...pending].map((model) => model.name).join(", ")} hold keys to each other`,
      );
    }
    for (const model of free) {
      order.push(model.table);
      pending.delete(model);
    }
  }
  return [...joinTables, ...order];
}
