/**
 * Many-to-many links with Django's related-manager semantics: `add` twice is harmless,
 * `remove` of a missing link is a no-op, `set` touches only what differs, `clear` empties.
 * Every id is checked first, so one unknown id writes nothing.
 */
import type { RelationInfo } from "../catalog.js";
import { notFound } from "../errors.js";
import type { LinkAction } from "../naming.js";
import type { SqlRunner } from "./runner.js";
import { jsonArrayValues, quote } from "./syntax.js";
import { parseId } from "./where.js";

/** The distinct target ids, checked to exist. */
export function requireTargets(
  sql: SqlRunner,
  relation: RelationInfo,
  rawIds: readonly unknown[],
  argument: string,
): number[] {
  const ids = [...new Set(rawIds.map((raw, i) => parseId(raw, `${argument}[${i}]`)))];
  const found = new Set(
    sql
      .all<{ id: number }>(`SELECT "id" FROM ${quote(relation.target.table)} WHERE "id" IN ${jsonArrayValues}`, [
        JSON.stringify(ids),
      ])
      .map((row) => row.id),
  );
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw notFound(
      `${relation.target.name} ${missing.join(", ")} ${missing.length === 1 ? "does" : "do"} not exist (${argument}); no link was changed.`,
      { argument, model: relation.target.name, ids: missing.map(String) },
    );
  }
  return ids;
}

export function changeLinks(
  sql: SqlRunner,
  relation: RelationInfo,
  action: LinkAction,
  ownerId: number,
  ids: number[],
): void {
  const join = relation.join!;
  const table = quote(join.table);
  const source = quote(join.sourceColumn);
  const target = quote(join.targetColumn);
  const idList = JSON.stringify(ids);
  const insertMissing = () =>
    sql.run(`INSERT OR IGNORE INTO ${table} (${source}, ${target}) SELECT ?, value FROM json_each(?)`, [
      ownerId,
      idList,
    ]);
  switch (action) {
    case "add":
      insertMissing();
      return;
    case "remove":
      sql.run(`DELETE FROM ${table} WHERE ${source} = ? AND ${target} IN ${jsonArrayValues}`, [ownerId, idList]);
      return;
    case "set":
      sql.run(`DELETE FROM ${table} WHERE ${source} = ? AND ${target} NOT IN ${jsonArrayValues}`, [ownerId, idList]);
      insertMissing();
      return;
    case "clear":
      sql.run(`DELETE FROM ${table} WHERE ${source} = ?`, [ownerId]);
      return;
  }
}
