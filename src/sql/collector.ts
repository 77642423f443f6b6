/**
 * Django's deletion collector: before a row goes, find every row that points at it and apply
 * its `on_delete` (CASCADE collects it too, SET_NULL and SET_DEFAULT repoint it; PROTECT,
 * RESTRICT and DO_NOTHING refuse unless the same cascade deletes it), drop the many-to-many
 * links, then delete dependents before what they depend on. The result counts
 * rows per model as Django's `delete()` returns them, and names each row deleted so that
 * client caches can forget exactly those.
 */
import type { ModelInfo, RelationInfo } from "../catalog.js";
import { protectedRow } from "../errors.js";
import type { SqlRunner } from "./runner.js";
import { keySelect, quote } from "./syntax.js";

export interface DeleteResult {
  total: number;
  perModel: Array<{ model: string; count: number }>;
  /** The rows deleted, the row and each cascade, per model in the order deleted; link rows and SET_NULL updates are not rows deleted. */
  deleted: Array<{ model: ModelInfo; ids: number[] }>;
}

interface Collection {
  /** Rows to delete per model, in the order the models were reached. */
  rows: Map<ModelInfo, Set<number>>;
  /** Rows whose key is set to NULL or its default: `Product.supplier` when the supplier goes. */
  unlinks: Array<{ relation: RelationInfo; ids: number[] }>;
}

/** The rules under which a pointing row keeps its key, so that the row it points at cannot go. */
const refusingRules: ReadonlySet<string> = new Set(["PROTECT", "RESTRICT", "DO_NOTHING"]);

const refusalReasons: Record<string, string> = {
  PROTECT: "on_delete=PROTECT",
  RESTRICT: "on_delete=RESTRICT, and no cascade of this delete deletes it",
  DO_NOTHING: "on_delete=DO_NOTHING, and the database refuses a key to a deleted row",
};

export async function deleteWithCollector(sql: SqlRunner, model: ModelInfo, id: number): Promise<DeleteResult> {
  const inIds = `IN ${sql.dialect.jsonArrayValues("integer")}`;
  const title = model.names.remove;
  const collection: Collection = { rows: new Map(), unlinks: [] };
  await collect(sql, collection, model, [id]);
  await checkProtected(sql, collection);
  await checkDefaults(sql, collection);
  const counts = new Map<string, number>();
  const count = (label: string, n: number) => n > 0 && counts.set(label, (counts.get(label) ?? 0) + n);

  for (const { relation, ids } of collection.unlinks) {
    const keptIds = ids.filter((relatedId) => !collection.rows.get(relation.target)?.has(relatedId));
    const column = quote(relation.keyColumn!.column);
    const key = quote(relation.target.primaryKey.column);
    const value = relation.onDelete === "SET_DEFAULT" ? "?" : "NULL";
    await sql.run(
      `UPDATE ${quote(relation.target.table)} SET ${column} = ${value} WHERE ${key} ${inIds}`,
      [...(relation.onDelete === "SET_DEFAULT" ? [relation.keyDefault!] : []), JSON.stringify(keptIds)],
      title,
    );
  }
  for (const [collected, ids] of collection.rows) {
    for (const relation of collected.relations) {
      // A through model's rows are collected through its own keys, and counted as its rows.
      if (relation.kind !== "manyToMany" || relation.join!.through) continue;
      const join = relation.join!;
      const idList = JSON.stringify([...ids]);
      // A symmetrical link is stored both ways: the row's links are where it is either end.
      const { changes } = await sql.run(
        join.symmetrical
          ? `DELETE FROM ${quote(join.table)} WHERE ${quote(join.sourceColumn)} ${inIds} OR ${quote(join.targetColumn)} ${inIds}`
          : `DELETE FROM ${quote(join.table)} WHERE ${quote(join.sourceColumn)} ${inIds}`,
        join.symmetrical ? [idList, idList] : [idList],
        title,
      );
      count(join.label, changes);
    }
  }
  const deleted: DeleteResult["deleted"] = [];
  // Dependents were collected after what they depend on: delete in reverse.
  for (const [collected, ids] of [...collection.rows].reverse()) {
    await sql.run(
      `DELETE FROM ${quote(collected.table)} WHERE ${quote(collected.primaryKey.column)} ${inIds}`,
      [JSON.stringify([...ids])],
      title,
    );
    // Collected ids were read in this transaction, so each one is a row this statement deleted,
    // itself or, where a model points at itself, through the key's own ON DELETE CASCADE (which
    // the statement's change count leaves out).
    count(collected.name, ids.size);
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
    else if (relation.onDelete === "SET_NULL" || relation.onDelete === "SET_DEFAULT") {
      collection.unlinks.push({ relation, ids: relatedIds });
    }
  }
}

/** The ids of the rows that `relation`'s key points from at the rows `ids` of `relation.model`. */
async function pointingAt(sql: SqlRunner, relation: RelationInfo, ids: number[]): Promise<number[]> {
  const column = quote(relation.keyColumn!.column);
  const { model, referencedColumn } = relation;
  const inIds = `IN ${sql.dialect.jsonArrayValues("integer")}`;
  // A `to_field` key holds another column's value than the id.
  const referenced =
    referencedColumn === model.primaryKey
      ? inIds
      : `IN (SELECT ${quote(referencedColumn.column)} FROM ${quote(model.table)} WHERE ${quote(model.primaryKey.column)} ${inIds})`;
  const rows = await sql.all<{ id: number }>(
    `SELECT ${keySelect(relation.target)} FROM ${quote(relation.target.table)} WHERE ${column} ${referenced}`,
    [JSON.stringify(ids)],
    `collect ${relation.target.name}.${relation.inverse.field}`,
  );
  return rows.map((row) => row.id);
}

/**
 * PROTECT, RESTRICT and DO_NOTHING refuse unless the rows that point are themselves being
 * deleted by this cascade (Django's RESTRICT; PROTECT as the playground has always read it;
 * DO_NOTHING as the database's key check at commit).
 */
async function checkProtected(sql: SqlRunner, collection: Collection): Promise<void> {
  for (const [model, ids] of collection.rows) {
    for (const relation of dependents(model)) {
      if (!refusingRules.has(relation.onDelete!)) continue;
      const deleted = collection.rows.get(relation.target);
      const blocking = (await pointingAt(sql, relation, [...ids])).filter((id) => !deleted?.has(id));
      if (blocking.length === 0) continue;
      const key = `${relation.target.name}.${relation.inverse.field}`;
      throw protectedRow(
        `Cannot delete ${model.name} ${[...ids].join(", ")}: ${relation.target.name} ${blocking.join(", ")} ` +
          `still ${blocking.length === 1 ? "refers" : "refer"} to it through ${key} (${refusalReasons[relation.onDelete!]}). ` +
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

/** SET_DEFAULT cannot point rows at a default that this delete removes: the database would refuse the key. */
async function checkDefaults(sql: SqlRunner, collection: Collection): Promise<void> {
  for (const { relation, ids } of collection.unlinks) {
    if (relation.onDelete !== "SET_DEFAULT") continue;
    const fallback = relation.keyDefault!;
    const kept = ids.filter((id) => !collection.rows.get(relation.target)?.has(id));
    const deleted = collection.rows.get(relation.model);
    if (kept.length === 0 || fallback === null || !deleted) continue;
    const [stays] = await sql.all(
      `SELECT 1 AS "found" FROM ${quote(relation.model.table)} WHERE ${quote(relation.referencedColumn.column)} = ? ` +
        `AND ${quote(relation.model.primaryKey.column)} NOT IN ${sql.dialect.jsonArrayValues("integer")}`,
      [fallback, JSON.stringify([...deleted])],
      `collect ${relation.target.name}.${relation.inverse.field} default`,
    );
    if (stays) continue;
    const key = `${relation.target.name}.${relation.inverse.field}`;
    throw protectedRow(
      `Cannot delete ${relation.model.name} ${[...deleted].join(", ")}: ${key} is on_delete=SET_DEFAULT, and its ` +
        `default ${relation.model.name} ${fallback} is deleted too (or does not exist), so ${relation.target.name} ` +
        `${kept.join(", ")} would point nowhere. Point ${kept.length === 1 ? "it" : "them"} at another ${relation.model.name} first.`,
      {
        model: relation.model.name,
        blockedBy: { model: relation.target.name, field: relation.inverse.field, ids: kept.map(String) },
      },
    );
  }
}
