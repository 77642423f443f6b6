/**
 * How a field of a model type is read for all its parent rows at once, beside the resolver that
 * reads it for one. graphql-jit calls a field's resolver once per row and completes each value
 * on its own; for documents that select only columns and relations, the plan executor
 * (plan.ts) instead reads each field of the document once per level, for every parent, and
 * builds the response from the rows, as a hand-written server would.
 */
import type { GraphQLField } from "graphql";
import type { RelationInfo } from "../catalog.js";
import type { Row } from "../sql/syntax.js";
import type { PlaygroundContext } from "./context.js";
import type { Args } from "./define.js";

/** A field's values for a set of parents, opened once per request with the field's arguments. */
export interface RelatedValues {
  /** Reads every value the keys need; rejects when the statement failed. */
  load(keys: readonly number[]): Promise<void>;
  /** After `load`, a parent's value: a row, a list of rows, a count, or null. */
  value(key: number): unknown;
}

export type FieldBatch =
  /** Computed from the row alone, at once (`nodeId`): the resolver is called per row. */
  | { kind: "row" }
  /** Read through a loader keyed by the parent's `parentKey`: relations and their counts. */
  | {
      kind: "related";
      parentKey: string;
      /** Throws, before any statement, when the arguments are refused. */
      open: (context: PlaygroundContext, args: Args) => RelatedValues;
      /** A to-one relation whose rows its parents' root list can read in its own statement. */
      selectRelated?: RelationInfo;
    }
  /**
   * A root list. `reader` is asked once per document for a reader whose statement also reads
   * the rows of `selectRelated` (to-one relations the document selects on its rows), which are
   * then in hand for their fields.
   */
  | {
      kind: "rootList";
      reader: (selectRelated: readonly RelationInfo[]) => (context: PlaygroundContext, args: Args) => Promise<Row[]>;
    };

const batches = new WeakMap<GraphQLField<unknown, unknown>, FieldBatch>();

export function setFieldBatch(field: GraphQLField<unknown, unknown>, batch: FieldBatch): void {
  batches.set(field, batch);
}

export function fieldBatch(field: GraphQLField<unknown, unknown>): FieldBatch | undefined {
  return batches.get(field);
}
