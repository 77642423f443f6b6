/**
 * Per-request DataLoaders for every relation and count field. A loader is named after its
 * relation (`Manufacturer.carSet`) plus the arguments of the field, so that
 * `carSet(limit: 2)` and `carSet` in one query are two batches, each one statement.
 */
import DataLoader from "dataloader";
import type { ModelInfo, RelationInfo } from "../catalog.js";
import {
  relatedCountStatement,
  relatedListStatement,
  relatedOneStatement,
  rowsByIdStatement,
  type BatchStatement,
  type ListQuery,
} from "../sql/lists.js";
import type { Where } from "../sql/where.js";
import { loaderName, relayNames } from "../naming.js";
import type { Row } from "../sql/syntax.js";
import type { RelatedValues } from "./batches.js";
import type { PlaygroundContext } from "./context.js";

/** Whether some to-one relation points at `model`'s rows, so that rows in hand can answer it. */
const pointedAt = new WeakMap<ModelInfo, boolean>();

function isPointedAt(model: ModelInfo): boolean {
  let pointed = pointedAt.get(model);
  if (pointed === undefined) pointedAt.set(model, (pointed = model.relations.some((r) => r.inverse.kind === "toOne")));
  return pointed;
}

/**
 * One request's loaders, and the rows it has read so far by model and id. A to-one relation
 * looks there first: in `authors { bookSet { author } }` every book's author is one of the
 * authors the root list read, so that level sends no statement. Without batching nothing is
 * kept, so that every parent still pays its own statement: the N+1 problem, on purpose.
 */
export class RequestLoaders {
  private readonly loaders = new Map<string, DataLoader<number, unknown>>();
  private readonly rows = new Map<ModelInfo, Map<number, Row>>();

  constructor(readonly batching: boolean) {}

  get(name: string): DataLoader<number, unknown> | undefined {
    return this.loaders.get(name);
  }

  set(name: string, loader: DataLoader<number, unknown>): void {
    this.loaders.set(name, loader);
  }

  /** Rows of `model` as the API serves them, all its columns, just read. */
  remember(model: ModelInfo, rows: readonly Row[]): void {
    if (!this.batching || !isPointedAt(model)) return;
    let byId = this.rows.get(model);
    if (!byId) this.rows.set(model, (byId = new Map()));
    for (const row of rows) byId.set(row.id, row);
  }

  row(model: ModelInfo, id: number): Row | undefined {
    return this.rows.get(model)?.get(id);
  }

  /** After a write, what was read before it may no longer hold. */
  clear(): void {
    this.loaders.clear();
    this.rows.clear();
  }
}

/**
 * DataLoader answers a key it already holds with a new promise that settles after the current
 * batch, to keep cached answers in order; resolvers do not need that order, and with a thousand
 * books pointing at a hundred authors those promises were a quarter of the bytes a request
 * allocated. This loader hands back the held promise itself, or once its batch has settled the
 * value, which graphql-jit takes without a promise to wait for.
 */
class RequestLoader<V> extends DataLoader<number, V> {
  private readonly settled: Map<number, V> | undefined;
  private readonly read: (keys: readonly number[]) => Promise<V[]>;
  /** Keys that `loadAll` is reading, each with the read that brings it. */
  private readonly reading = new Map<number, Promise<V[]>>();

  constructor(
    batch: (keys: readonly number[]) => Promise<V[]>,
    private readonly held: Map<number, Promise<V>> | undefined,
    name: string,
  ) {
    // Without batching every parent gets its own statement: the N+1 problem, on purpose.
    const settled = held && new Map<number, V>();
    const read = async (keys: readonly number[]) => {
      const values = await batch(keys);
      if (settled) keys.forEach((key, i) => settled.set(key, values[i]!));
      return values;
    };
    super(read, { batch: held !== undefined, cache: held !== undefined, cacheMap: held, name });
    this.settled = settled;
    this.read = read;
  }

  override load(key: number): Promise<V> {
    return this.held?.get(key) ?? super.load(key);
  }

  /**
   * Reads every key's value for a plan, which asks for all the keys of a level at once (and
   * runs only with batching): one statement for the keys not read yet, and the reads already
   * under way for the others, rather than DataLoader's promise per key. A read that failed
   * fails every later request for its keys, as the statement failed for all of them.
   */
  async loadAll(keys: readonly number[]): Promise<void> {
    const reads = new Set<Promise<V[]>>();
    const missing: number[] = [];
    for (const key of keys) {
      if (this.settled!.has(key)) continue;
      const reading = this.reading.get(key);
      if (reading) reads.add(reading);
      else missing.push(key);
    }
    if (missing.length > 0) {
      const read = this.read(missing);
      for (const key of missing) this.reading.set(key, read);
      reads.add(read);
    }
    await Promise.all(reads);
  }

  /** The value itself when its batch has settled (values are never undefined), else its promise. */
  value(key: number): V | Promise<V> {
    const value = this.settled?.get(key);
    return value === undefined ? this.load(key) : value;
  }
}

function loader<V>(
  context: PlaygroundContext,
  name: string,
  title: string,
  statement: (keys: readonly number[]) => BatchStatement,
  collect: (rows: Row[], keys: readonly number[], parentKey: string) => V[],
  /** The model whose whole rows the statement reads, if it reads rows. */
  target?: ModelInfo,
): RequestLoader<V> {
  let existing = context.loaders.get(name) as RequestLoader<V> | undefined;
  if (!existing) {
    existing = new RequestLoader<V>(
      async (keys) => {
        const { sql, params, parentKey } = statement(keys);
        const rows = await context.sql.all<Row>(sql, params, title);
        if (target) context.loaders.remember(target, rows);
        return collect(rows, keys, parentKey);
      },
      context.batching ? new Map() : undefined,
      name,
    );
    context.loaders.set(name, existing);
  }
  return existing;
}

function groupByParent<V>(
  rows: Row[],
  keys: readonly number[],
  parentKey: string,
  empty: () => V,
  add: (group: V, row: Row) => V,
): V[] {
  const groups = new Map<number, V>();
  for (const row of rows) {
    const key = row[parentKey] as number;
    groups.set(key, add(groups.get(key) ?? empty(), row));
  }
  return keys.map((key) => groups.get(key) ?? empty());
}

/**
 * Rows in hand are found by id, so a key holding another field (`to_field`) reads its rows;
 * only a relation keyed by id is read by its parents' root list (`selectRelated`).
 */
export function keyedById(relation: RelationInfo): boolean {
  return relation.kind === "toOne" && relation.referencedColumn === relation.target.primaryKey;
}

/**
 * `car.manufacturer`, `person.passport`: the related row or null, straight from the rows in hand
 * when a to-one key names one of them.
 */
export function relatedOne(
  context: PlaygroundContext,
  relation: RelationInfo,
  parentKey: number,
): Row | null | Promise<Row | null> {
  if (keyedById(relation)) {
    const row = context.loaders.row(relation.target, parentKey);
    if (row) return row;
  }
  return oneLoader(context, relation).value(parentKey);
}

/** `relatedOne` for many parents: one statement for the keys whose rows are not in hand. */
export function relatedOnes(context: PlaygroundContext, relation: RelationInfo): RelatedValues {
  const byId = keyedById(relation);
  return {
    load: async (keys) => {
      const missing = byId ? keys.filter((key) => !context.loaders.row(relation.target, key)) : keys;
      if (missing.length > 0) await oneLoader(context, relation).loadAll(missing);
    },
    value: (key) => relatedOne(context, relation, key),
  };
}

/** A loader's values for many parents, for the plan executor. */
export function loaderValues(loader: RequestLoader<unknown>): RelatedValues {
  return { load: (keys) => loader.loadAll(keys), value: (key) => loader.value(key) };
}

/** Each key's one row, or null: what `relatedOne` and `node` read. */
function oneRow(rows: Row[], keys: readonly number[], parentKey: string): Array<Row | null> {
  return groupByParent<Row | null>(
    rows,
    keys,
    parentKey,
    () => null,
    (_, row) => row,
  );
}

/** `node(nodeId:)`: the row of `model` with this id, or null, batched over the request's `node` fields. */
export function rowById(context: PlaygroundContext, model: ModelInfo, id: number): Row | null | Promise<Row | null> {
  return loader(
    context,
    loaderName(model.name, relayNames.nodeField),
    relayNames.nodeField,
    (keys) => rowsByIdStatement(context.sql.dialect, model, keys),
    oneRow,
    model,
  ).value(id);
}

function oneLoader(context: PlaygroundContext, relation: RelationInfo): RequestLoader<Row | null> {
  const name = loaderName(relation.model.name, relation.field);
  return loader(
    context,
    name,
    name,
    (keys) => relatedOneStatement(context.sql.dialect, relation, keys),
    oneRow,
    relation.target,
  );
}

/** Each query as JSON, computed once: nested lists reuse one query object for all their rows. */
const queryJson = new WeakMap<ListQuery, string>();

/** `manufacturer.carSet(...)`, `course.students(...)`: each parent's page of rows. */
export function listLoader(context: PlaygroundContext, relation: RelationInfo, query: ListQuery): RequestLoader<Row[]> {
  let json = queryJson.get(query);
  if (json === undefined) queryJson.set(query, (json = JSON.stringify(query)));
  const name = loaderName(relation.model.name, relation.field);
  return loader(
    context,
    `${name}(${json})`,
    name,
    (keys) => relatedListStatement(context.sql.dialect, relation, query, keys),
    (rows, keys, parentKey) =>
      groupByParent<Row[]>(
        rows,
        keys,
        parentKey,
        () => [],
        (group, row) => {
          group.push(row);
          return group;
        },
      ),
    relation.target,
  );
}

/** `manufacturer.carSetCount(where)`: each parent's number of related rows. */
export function countLoader(
  context: PlaygroundContext,
  relation: RelationInfo,
  where: Where | null | undefined,
): RequestLoader<number> {
  const name = `${loaderName(relation.model.name, relation.field)}Count`;
  return loader(
    context,
    `${name}(${JSON.stringify(where ?? null)})`,
    name,
    (keys) => relatedCountStatement(context.sql.dialect, relation, where, keys),
    (rows, keys, parentKey) =>
      groupByParent<number>(
        rows,
        keys,
        parentKey,
        () => 0,
        (_, row) => row.count as number,
      ),
  );
}
