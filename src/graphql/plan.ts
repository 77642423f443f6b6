/**
 * The plan executor: a query that selects only columns, relations and their counts runs level
 * by level instead of row by row. Each field of the document reads its values for all parents
 * of its level at once, through the same loaders and statements as its resolver, and the
 * response is then built from the rows in one synchronous pass, as a hand-written server would.
 * graphql-jit calls two closures, a resolver and a leaf check per row and field, and keeps a
 * promise per parent, which on a two-level many-to-many list of a few thousand rows cost 12 to 15
 * points of the hand-written server's throughput (README, Performance).
 *
 * A plan is built once per document. Anything it does not know (mutations, directives, abstract
 * types, connections, introspection, fields without a batch), arguments it refuses before any
 * statement, and requests without batching run as before, so the N+1 problem stays visible.
 * Errors follow GraphQL's rules: a failed field is null where its type allows, else its parent
 * is, up to the root, each error with its path and locations.
 */
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  GraphQLString,
  isAbstractType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  locatedError,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type GraphQLField,
  type GraphQLLeafType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  TypeNameMetaFieldDef,
} from "graphql";
import { fieldBatch, type FieldBatch, type RelatedValues } from "./batches.js";
import type { PlaygroundContext } from "./context.js";
import type { Args } from "./define.js";
import { literalKey } from "../sql/rows.js";

type Row = Record<string, unknown>;

/** A field's value completed as its type says: the type's wrappers are walked once, when the plan is made. */
type Completer = (run: PlanRun, value: unknown) => unknown;

/** A selection's response object for one row, as one object literal. */
type ObjectBuilder = (run: PlanRun, row: Row | undefined) => Record<string, unknown>;

interface PlanField {
  /** Index of the field's per-request state, for the fields that have one (not `typename` nor `property`). */
  slot: number;
  responseKey: string;
  parentType: GraphQLObjectType;
  nodes: FieldNode[];
  type: GraphQLOutputType;
  definition: GraphQLField<unknown, unknown>;
  /**
   * How the value is read: the type's name, a row's property (columns), a resolver called per
   * row (`row`), once per request (`root`), or per level (`related`).
   */
  read: "typename" | "property" | "row" | "root" | "related";
  batch?: Extract<FieldBatch, { kind: "related" }>;
  /** A root list's reader, whose statement also reads the to-one relations selected below it. */
  readList?: (context: PlaygroundContext, args: Args) => Promise<Row[]>;
  /** The arguments, when they hold no variable: one object for every request. */
  args?: Args;
  /** For a leaf type, its serializer; else the selection of the object type. */
  leaf?: GraphQLLeafType;
  selection?: PlanSelection;
  /** A to-one relation: its objects are built once per row and request. */
  sharesObjects?: boolean;
  complete: Completer;
}

interface PlanSelection {
  fields: PlanField[];
  /** The fields whose values are read per level, before the response is built. */
  related: PlanField[];
  build: ObjectBuilder;
}

export interface Plan {
  root: PlanSelection;
  /** The fields with per-request state (arguments, values, failure), in `slot` order. */
  slots: PlanField[];
}

class Unplannable extends Error {}

/** The document's plan, or undefined when the operation needs the general executor. */
export function planOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): Plan | undefined {
  if (operation.operation !== "query") return undefined;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === "FragmentDefinition") fragments.set(definition.name.value, definition);
  }
  const slots: PlanField[] = [];

  const selectionOf = (type: GraphQLObjectType, sets: readonly SelectionSetNode[], root: boolean): PlanSelection => {
    const fields: PlanField[] = [];
    for (const [responseKey, nodes] of collectFields(schema, fragments, type, sets)) {
      fields.push(planField(type, responseKey, nodes, root));
    }
    return {
      fields,
      related: fields.filter((field) => field.read === "related" || field.read === "root"),
      build: objectBuilder(fields),
    };
  };

  const planField = (
    parentType: GraphQLObjectType,
    responseKey: string,
    nodes: FieldNode[],
    root: boolean,
  ): PlanField => {
    const name = nodes[0]!.name.value;
    if (name === "__typename") {
      const definition = TypeNameMetaFieldDef;
      const field: PlanField = {
        slot: -1,
        responseKey,
        parentType,
        nodes,
        type: definition.type,
        definition,
        read: "typename",
        leaf: GraphQLString,
        complete: undefined!,
      };
      field.complete = completer(field.type, field);
      return field;
    }
    const definition = parentType.getFields()[name];
    if (!definition) throw new Unplannable();
    const batch = fieldBatch(definition);
    let read: PlanField["read"] | undefined;
    if (root) read = "root";
    else if (batch?.kind === "row" || batch?.kind === "related") read = batch.kind;
    else if (!batch && !definition.resolve) read = "property";
    if (!read) throw new Unplannable();
    const named = getNamedType(definition.type);
    const field: PlanField = {
      slot: read === "property" ? -1 : slots.length,
      responseKey,
      parentType,
      nodes,
      type: definition.type,
      definition,
      read,
      batch: batch?.kind === "related" ? batch : undefined,
      // Set below, once the selection it builds with is planned.
      complete: undefined!,
    };
    if (field.slot >= 0) slots.push(field);
    field.sharesObjects = read === "related" && isObjectType(getNullableType(definition.type));
    if (isLeafType(named)) field.leaf = named;
    else if (isObjectType(named) && (read === "root" || read === "related")) {
      field.selection = selectionOf(
        named,
        nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : [])),
        false,
      );
    } else throw new Unplannable();
    field.complete = completer(field.type, field);
    if (batch?.kind === "rootList") {
      const selected = field.selection!.related.flatMap((child) => child.batch?.selectRelated ?? []);
      field.readList = batch.reader([...new Set(selected)]);
    }
    if (field.slot >= 0 && !nodes[0]!.arguments?.some((argument) => hasVariable(argument.value))) {
      try {
        field.args = getArgumentValues(definition, nodes[0]!, {});
      } catch {
        // Refused: each request refuses them again, and leaves the plan.
      }
    }
    return field;
  };

  try {
    const root = selectionOf(schema.getQueryType()!, [operation.selectionSet], true);
    return { root, slots };
  } catch (error) {
    if (error instanceof Unplannable) return undefined;
    throw error;
  }
}

function hasVariable(value: ValueNode): boolean {
  switch (value.kind) {
    case "Variable":
      return true;
    case "ListValue":
      return value.values.some(hasVariable);
    case "ObjectValue":
      return value.fields.some((field) => hasVariable(field.value));
    default:
      return false;
  }
}

/**
 * The fields of a selection by response key, in document order, through fragments whose type
 * condition the object type meets, as graphql-js collects them. A directive anywhere (`@skip`,
 * `@include`) makes the document unplannable, since the fields would depend on variables.
 */
function collectFields(
  schema: GraphQLSchema,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  type: GraphQLObjectType,
  sets: readonly SelectionSetNode[],
): Map<string, FieldNode[]> {
  const fields = new Map<string, FieldNode[]>();
  const spread = new Set<string>();
  const applies = (condition: string | undefined) => {
    if (condition === undefined || condition === type.name) return true;
    const conditionType = schema.getType(condition);
    return isAbstractType(conditionType) && schema.isSubType(conditionType, type);
  };
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.directives?.length) throw new Unplannable();
      if (selection.kind === "Field") {
        const key = selection.alias?.value ?? selection.name.value;
        const nodes = fields.get(key);
        if (nodes) nodes.push(selection);
        else fields.set(key, [selection]);
      } else if (selection.kind === "InlineFragment") {
        if (applies(selection.typeCondition?.name.value)) visit(selection.selectionSet);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (spread.has(name) || !fragment) continue;
        spread.add(name);
        if (fragment.directives?.length) throw new Unplannable();
        if (applies(fragment.typeCondition.name.value)) visit(fragment.selectionSet);
      }
    }
  };
  for (const set of sets) visit(set);
  return fields;
}

/** One request's run of a plan: each field's arguments, opened values and failure. */
class PlanRun {
  private readonly args: Args[];
  private readonly values: Array<RelatedValues | undefined>;
  private readonly rootValues: unknown[];
  /** By slot, for to-one relations: the object built for each row. */
  private readonly built: Array<Map<Row, Record<string, unknown>> | undefined>;
  /** By slot: what a field's statement or root resolver threw, raised again for each of its values. */
  private readonly failures = new Map<number, unknown>();
  private readonly errors: GraphQLError[] = [];
  /** The response path of the value being built; copied only into an error. */
  private readonly path: Array<string | number> = [];

  constructor(
    private readonly plan: Plan,
    private readonly context: PlaygroundContext,
    variables: Record<string, unknown>,
  ) {
    const count = plan.slots.length;
    this.args = new Array(count);
    this.values = new Array(count);
    this.rootValues = new Array(count);
    this.built = new Array(count);
    for (const field of plan.slots) {
      const args = field.args ?? getArgumentValues(field.definition, field.nodes[0]!, variables);
      this.args[field.slot] = args;
      if (field.batch) this.values[field.slot] = field.batch.open(context, args);
    }
  }

  async fetch(selection: PlanSelection, parents: readonly Row[]): Promise<void> {
    await Promise.all(selection.related.map((field) => this.fetchField(field, parents)));
  }

  private async fetchField(field: PlanField, parents: readonly Row[]): Promise<void> {
    let children: Row[];
    try {
      children = field.read === "root" ? await this.fetchRoot(field) : await this.fetchRelated(field, parents);
    } catch (error) {
      this.failures.set(field.slot, error);
      return;
    }
    if (field.selection?.related.length && children.length > 0) await this.fetch(field.selection, children);
  }

  private async fetchRoot(field: PlanField): Promise<Row[]> {
    const args = this.args[field.slot]!;
    const value = field.readList
      ? await field.readList(this.context, args)
      : await field.definition.resolve!(undefined, args, this.context, undefined as never);
    this.rootValues[field.slot] = value;
    return value == null || field.leaf ? [] : Array.isArray(value) ? value : [value as Row];
  }

  private async fetchRelated(field: PlanField, parents: readonly Row[]): Promise<Row[]> {
    const keys = new Set<number>();
    const parentKey = field.batch!.parentKey;
    for (const parent of parents) {
      const key = parent[parentKey] as number | null;
      if (key != null) keys.add(key);
    }
    const values = this.values[field.slot]!;
    const unique = [...keys];
    await values.load(unique);
    if (!field.selection?.related.length) return [];
    const children: Row[] = [];
    for (const key of unique) {
      const value = values.value(key) as Row | Row[] | null;
      if (Array.isArray(value)) children.push(...value);
      else if (value != null) children.push(value);
    }
    return children;
  }

  result(): { data: Record<string, unknown> | null; errors?: GraphQLError[] } {
    let data: Record<string, unknown> | null;
    try {
      data = this.plan.root.build(this, undefined);
    } catch (error) {
      this.errors.push(error as GraphQLError);
      data = null;
    }
    return this.errors.length > 0 ? { data, errors: this.errors } : { data };
  }

  /**
   * The field's completed value, or null and its error where its type is nullable. A column's
   * value comes as `property`, read by the object's builder; the other fields are read here.
   */
  value(field: PlanField, row: Row | undefined, property: unknown): unknown {
    this.path.push(field.responseKey);
    const depth = this.path.length;
    try {
      return field.complete(this, field.read === "property" ? property : this.read(field, row));
    } catch (error) {
      return this.caught(error, field, field.type, depth);
    } finally {
      this.path.pop();
    }
  }

  private read(field: PlanField, row: Row | undefined): unknown {
    switch (field.read) {
      case "typename":
        return field.parentType.name;
      case "row":
        return field.definition.resolve!(row, this.args[field.slot]!, this.context, undefined as never);
      case "root":
        if (this.failures.has(field.slot)) throw this.failures.get(field.slot);
        return this.rootValues[field.slot];
      case "related": {
        if (this.failures.has(field.slot)) throw this.failures.get(field.slot);
        const key = row![field.batch!.parentKey] as number | null;
        return key == null ? null : this.values[field.slot]!.value(key);
      }
    }
  }

  list(items: readonly unknown[], field: PlanField, itemType: GraphQLOutputType, item: Completer): unknown[] {
    const completed = new Array<unknown>(items.length);
    const depth = this.path.length;
    for (let index = 0; index < items.length; index++) {
      this.path.push(index);
      try {
        completed[index] = item(this, items[index]);
      } catch (error) {
        completed[index] = this.caught(error, field, itemType, depth + 1);
      }
      this.path.pop();
    }
    return completed;
  }

  /**
   * A to-one row reached from many parents (every book's author) is built once: the same
   * selection of the same row is the same value wherever it appears, unless it held an error,
   * whose path is its own.
   */
  shared(field: PlanField, row: Row): Record<string, unknown> {
    const built = (this.built[field.slot] ??= new Map<Row, Record<string, unknown>>());
    let object = built.get(row);
    if (object === undefined) {
      const errors = this.errors.length;
      object = field.selection!.build(this, row);
      if (this.errors.length === errors) built.set(row, object);
    }
    return object;
  }

  /**
   * An error raised while completing a value at `depth`: located there unless it already was,
   * then kept with null where `type` allows it, else passed to the parent.
   */
  private caught(error: unknown, field: PlanField, type: GraphQLOutputType, depth: number): null {
    const located = locatedError(error, field.nodes, this.path.slice(0, depth));
    this.path.length = depth;
    if (isNonNullType(type)) throw located;
    this.errors.push(located);
    return null;
  }
}

/**
 * The completion of `type`'s values for `field`, as graphql-js completes them: null where
 * allowed, a list item by item, a leaf serialized, an object built from its selection.
 */
function completer(type: GraphQLOutputType, field: PlanField): Completer {
  if (isNonNullType(type)) {
    const inner = completer(type.ofType, field);
    const message = `Cannot return null for non-nullable field ${field.parentType.name}.${field.definition.name}.`;
    return (run, value) => {
      const completed = inner(run, value);
      if (completed === null) throw new Error(message);
      return completed;
    };
  }
  if (isListType(type)) {
    const itemType = type.ofType as GraphQLOutputType;
    const item = completer(itemType, field);
    return (run, value) => (value == null ? null : run.list(value as unknown[], field, itemType, item));
  }
  const { leaf, selection } = field;
  if (leaf) return (_, value) => (value == null ? null : serialized(leaf, value));
  const build = selection!.build;
  if (field.sharesObjects) return (run, value) => (value == null ? null : run.shared(field, value as Row));
  return (run, value) => (value == null ? null : build(run, value as Row));
}

function serialized(leaf: GraphQLLeafType, value: unknown): unknown {
  const serialized = leaf.serialize(value);
  if (serialized === undefined) {
    throw new Error(`Expected \`${leaf.name}.serialize(${String(value)})\` to return non-nullable value.`);
  }
  return serialized;
}

/**
 * The selection's response objects as generated code, one object literal of its response keys:
 * every object of the selection gets its shape at once, and each column is read by a property
 * access of its own. Assigning the keys one by one from a loop cost several times as much, the
 * one assignment seeing every key of every selection. The code holds response keys and column
 * names, quoted as JSON, and never a value.
 */
function objectBuilder(fields: readonly PlanField[]): ObjectBuilder {
  const properties = fields.map((field, index) => {
    const property = field.read === "property" ? `row[${JSON.stringify(field.definition.name)}]` : "undefined";
    return `${literalKey(field.responseKey)}: run.value(fields[${index}], row, ${property})`;
  });
  return new Function("fields", `return (run, row) => ({ ${properties.join(", ")} });`)(fields) as ObjectBuilder;
}

/** Runs the plan, or returns undefined when the request needs the general executor. */
export async function runPlan(
  plan: Plan,
  context: PlaygroundContext,
  variables: Record<string, unknown>,
): Promise<{ data: Record<string, unknown> | null; errors?: GraphQLError[] } | undefined> {
  if (!context.batching) return undefined;
  let run: PlanRun;
  try {
    run = new PlanRun(plan, context, variables);
  } catch {
    // Refused arguments: the general executor refuses them again, with graphql's own paths.
    return undefined;
  }
  await run.fetch(plan.root, []);
  return run.result();
}
