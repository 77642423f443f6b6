/**
 * Django's deletion collector: before a row goes, find every row that points at it and apply
 * its `on_delete` (CASCADE collects it too, PROTECT refuses, SET_NULL unlinks it), drop the
 * many-to-many links, then delete dependents before what they depend on. The result counts
 * rows per model as Django's `delete()` returns them, and names each row deleted so that
 * client caches can forget exactly those.
 */
import type { ModelInfo, RelationInfo } from "../catalog.js";
import { protectedRow } from "../errors.js";
import type { SqlRunner } from "./runner.js";
import { quote } from "./syntax.js";

export interface DeleteResult {
  total: number;
  perModel: Array<{ model: string; count: number }>;
  /** The rows deleted, the row and each cascade, per model in the order deleted; link rows and SET_NULL updates are not rows deleted. */
  deleted: Array<{ model: ModelInfo; ids: number[] }>;
}

interface Collection {
  /** Rows to delete per model, in the order the models were reached. */
  rows: Map<ModelInfo, Set<number>>;
  /** Rows whose key is set to NULL: `Product.supplier` when the supplier goes. */
  unlinks: Array<{ relation: RelationInfo; ids: number[] }>;
}

export async function deleteWithCollector(sql: SqlRunner, model: ModelInfo, id: number): Promise<DeleteResult> {
  const inIds = `IN ${sql.dialect.jsonArrayValues("integer")}`;
  const title = model.names.remove;
  const collection: Collection = { rows: new Map(), unlinks: [] };
  await collect(sql, collection, model, [id]);
  await checkProtected(sql, collection);
  const counts = new Map<string, number>();
  const count = (label: string, n: number) => n > 0 && counts.set(label, (counts.get(label) ?? 0) + n);

  for (const { relation, ids } of collection.unlinks) {
    const keptIds = ids.filter((relatedId) => !collection.rows.get(relation.target)?.has(relatedId));
    const column = quote(relation.keyColumn!.column);
    await sql.run(
      `UPDATE ${quote(relation.target.table)} SET ${column} = NULL WHERE "id" ${inIds}`,
      [JSON.stringify(keptIds)],
      title,
    );
  }
  for (const [collected, ids] of collection.rows) {
    for (const relation of collected.relations) {
      if (relation.kind !== "manyToMany") continue;
      const join = relation.join!;
      const { changes } = await sql.run(
        `DELETE FROM ${quote(join.table)} WHERE ${quote(join.sourceColumn)} ${inIds}`,
        [JSON.stringify([...ids])],
        title,
      );
      count(join.label, changes);
    }
  }
  const deleted: DeleteResult["deleted"] = [];
  // Dependents were collected after what they depend on: delete in reverse.
  for (const [collected, ids] of [...collection.rows].reverse()) {
    const { changes } = await sql.run(
      `DELETE FROM ${quote(collected.table)} WHERE "id" ${inIds}`,
      [JSON.stringify([...ids])],
      title,
    );
    count(collected.name, changes);
    // Collected ids were read in this transaction, so each one is a row this statement deleted.
    if (ids.size > 0) deleted.push({ model: collected, ids: [...ids].sort((a, b) => a - b) });
  }
  const perModel = [...counts].map(([label, n]) => ({ model: label, count: n }));
  return { total: perModel.reduce((sum, entry) => sum + entry.count, 0), perModel, deleted };
}

/** The reverse relations whose rows point at `model` through a foreign key. */
function dependents(model: ModelInfo): RelationInfo[] {
  return model.relations.filter((relation) => relation.kind === "reverseOne" || relation.kind === "reverseMany");
}

async function collect(sql: SqlRunner, collection: Collection, model: ModelInfo, ids: number[]): Promise<void> {
  const known = collection.rows.get(model) ?? new Set<number>();
  collection.rows.delete(model);
  // Re-inserting moves the model after its newly collected dependents' parents.
  collection.rows.set(model, known);
  const fresh = ids.filter((id) => !known.has(id));
  if (fresh.length === 0) return;
  for (const id of fresh) known.add(id);
  for (const relation of dependents(model)) {
    const relatedIds = await pointingAt(sql, relation, fresh);
    if (relatedIds.length === 0) continue;
    if (relation.onDelete === "CASCADE") await collect(sql, collection, relation.target, relatedIds);
    else if (relation.onDelete === "SET_NULL") collection.unlinks.push({ relation, ids: relatedIds });
  }
}

async function pointingAt(sql: SqlRunner, relation: RelationInfo, ids: number[]): Promise<number[]> {
  const column = quote(relation.keyColumn!.column);
  const rows = await sql.all<{ id: number }>(
    `SELECT "id" FROM ${quote(relation.target.table)} WHERE ${column} IN ${sql.dialect.jsonArrayValues("integer")}`,
    [JSON.stringify(ids)],
    `collect ${relation.target.name}.${relation.inverse.field}`,
  );
  return rows.map((row) => row.id);
}

/** PROTECT refuses unless the protecting rows are themselves being deleted by this cascade. */
async function checkProtected(sql: SqlRunner, collection: Collection): Promise<void> {
  for (const [model, ids] of collection.rows) {
    for (const relation of dependents(model)) {
      if (relation.onDelete !== "PROTECT") continue;
      const deleted = collection.rows.get(relation.target);
      const blocking = (await pointingAt(sql, relation, [...ids])).filter((id) => !deleted?.has(id));
      if (blocking.length === 0) continue;
      const key = `${relation.target.name}.${relation.inverse.field}`;
      throw protectedRow(
        `Cannot delete ${model.name} ${[...ids].join(", ")}: ${relation.target.name} ${blocking.join(", ")} ` +
          `still ${blocking.length === 1 ? "refers" : "refer"} to it through ${key} (on_delete=PROTECT). ` +
          `Delete ${blocking.length === 1 ? "that row" : "those rows"} or point ${blocking.length === 1 ? "it" : "them"} ` +
          `at another ${model.name} first.`,
        {
          model: model.name,
          blockedBy: { model: relation.target.name, field: relation.inverse.field, ids: blocking.map(String) },
        },
      );
    }
  }
}
