/**
 * What one operation may ask for, measured on the document and its variables before any SQL
 * runs: depth, aliases, size in tokens, an estimated cost in rows and, when batching is off, an
 * estimated number of statements. Over a limit is `QUERY_TOO_COMPLEX`, naming the measured
 * figure and the limit.
 *
 *     authors(limit: 1000) { bookSet(limit: 1000) { author { bookSet(limit: 1000) { title } } } }
 *
 * costs 1000 + 1000 * 1000 * (1 + 1 + 1000) rows, far over the default 100,000: every list
 * counts its `limit` (the server's default when left out) times the lists it is nested in, and
 * every to-one object counts one per parent. A connection counts like a list whose `limit` is its
 * `first` or `last`: one for the connection, its page size for its `edges` (or `nodes`), and
 * what each row selects under them; `totalCount` is one more statement per parent.
 *
 * A relation inside `where` is a nested list the database walks without returning it: a to-many
 * hop (`some`, `every`, `none`) counts the server's default limit of rows for every row it is
 * tested on, a to-one hop one. A list or count tests its `where` on every row it scans, not only
 * on the page it returns, and how many rows that is depends on the data: all of a table for a
 * root list or count, all of a parent's related rows for a nested one. The cost cannot know
 * either before any SQL runs, so it counts them as it counts any set of rows of unknown size,
 * a to-many relation: the default limit, per parent for a nested list. A filter with k to-many
 * hops then costs as much as k + 1 nested lists of the default size, which the cost already
 * bounds: `studentsCount(where: {courseSet: {some: {students: {some: {name: {eq: "x"}}}}}})`
 * costs 100 * (100 + 100 * 100) rows, like `students { courseSet { students { name } } }`, and is
 * refused; one hop on a root list costs 10,000 rows and is served.
 *
 * Introspection reads the schema in memory, and counts what it reads there, found by walking the
 * schema itself with graphql's own introspection resolvers: every type, field, argument or enum
 * value it lists and every name, description or flag selected on them counts one row, since
 * graphql resolves each of them on its own (a data row's columns come from one statement). The
 * standard introspection query costs the size of the schema, and each alias of it one more
 * schema. graphql-js's own MaxIntrospectionDepthRule keeps it from nesting without end; it
 * counts towards no depth.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import {
  defaultFieldResolver,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isListType,
  isObjectType,
  Kind,
  Lexer,
  SchemaMetaFieldDef,
  Source,
  TokenKind,
  TypeMetaFieldDef,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  valueFromASTUntyped,
} from "graphql";
import type { Catalog, ModelInfo } from "../catalog.js";
import { ErrorCode, PlaygroundError } from "../errors.js";
import { connectionField, countField } from "../naming.js";
import type { ListLimits, PlaygroundContext } from "../graphql/context.js";
import { checkLimit } from "../graphql/lists.js";
import type { QueryLimits } from "./config.js";
import { unresolvedOperation } from "./operation.js";

interface OperationMeasure {
  /** Fields on the longest path, leaf included. */
  depth: number;
  /** Input objects nested in the deepest argument value, inline or through a variable. */
  inputDepth: number;
  aliases: number;
  documentTokens: number;
  /** What the variables would take written inline in the document. */
  variableTokens: number;
  /** Rows the operation may read or return, estimated as described above. */
  cost: number;
  /** Statements it may run when every relation and count field runs one per parent row. */
  statements: number;
}

interface MeasuredRequest {
  catalog: Catalog;
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  source: string;
  variables?: Record<string, unknown>;
}

/** Measures the operation `request.operation` of the document, fragments and variables included. */
function measureOperation(request: MeasuredRequest, listLimits: ListLimits): OperationMeasure {
  const { catalog, schema, document, operation } = request;
  const rootType = schema.getRootType(operation.operation) ?? undefined;
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  // Variables left out take their declared defaults, so both read as JSON from here on. No
  // prototype: a variable named `__proto__` or `constructor` is just a name.
  const variables: Record<string, unknown> = Object.assign(
    Object.create(null),
    Object.fromEntries(
      (operation.variableDefinitions ?? []).flatMap((definition) =>
        definition.defaultValue ? [[definition.variable.name.value, valueFromASTUntyped(definition.defaultValue)]] : [],
      ),
    ),
    request.variables,
  );
  // A fragment spread many times is measured once: without this, fragments that each spread
  // the next one twice would take exponential time to walk.
  const measuredFragments = new Map<string, SelectionMeasure>();

  /**
   * The page size a list field (`limit`) or a connection (`first` or `last`) asks for. One out of
   * range is refused here, as its resolver would refuse it, so that the client hears about its
   * limit rather than about the cost it implies.
   */
  const requestedLimit = (field: FieldNode, argumentNames: readonly string[]): number => {
    let requested: number | undefined;
    for (const name of argumentNames) {
      const argument = field.arguments?.find((candidate) => candidate.name.value === name)?.value;
      const given =
        argument?.kind === Kind.INT
          ? Number(argument.value)
          : argument?.kind === Kind.VARIABLE
            ? variables[argument.name.value]
            : undefined;
      // Anything but a number fails variable coercion before execution; it counts as the default.
      if (typeof given !== "number") continue;
      checkLimit(given, listLimits.maxLimit, { http: { status: 400 } }, name);
      requested = Math.max(requested ?? 0, given);
    }
    return requested ?? listLimits.defaultLimit;
  };

  const inputDepth = (root: ValueNode): number => {
    let deepest = 0;
    // Iterative, because a variable's JSON may nest deeper than the call stack allows.
    const pending: Array<{ value: unknown; depth: number; literal: boolean }> = [
      { value: root, depth: 0, literal: true },
    ];
    while (pending.length > 0) {
      const { value, depth, literal } = pending.pop()!;
      if (literal) {
        const node = value as ValueNode | undefined;
        if (node?.kind === Kind.OBJECT) {
          deepest = Math.max(deepest, depth + 1);
          for (const field of node.fields) pending.push({ value: field.value, depth: depth + 1, literal });
        } else if (node?.kind === Kind.LIST) {
          for (const item of node.values) pending.push({ value: item, depth, literal });
        } else if (node?.kind === Kind.VARIABLE) {
          pending.push({ value: variables[node.name.value], depth, literal: false });
        }
      } else if (Array.isArray(value)) {
        for (const item of value) pending.push({ value: item, depth, literal });
      } else if (value !== null && typeof value === "object") {
        deepest = Math.max(deepest, depth + 1);
        for (const item of Object.values(value)) pending.push({ value: item, depth: depth + 1, literal });
      }
    }
    return deepest;
  };

  /** The argument values of `field`, variables in them read from the request. */
  const argumentValues = (field: FieldNode): Record<string, unknown> =>
    Object.fromEntries(
      (field.arguments ?? []).map((node) => [node.name.value, valueFromASTUntyped(node.value, variables)]),
    );

  /** Rows the `where` arguments of `field` test across relations, for each row they are tested on. */
  const whereHops = (field: FieldNode, definition: GraphQLField<unknown, unknown>): number =>
    definition.args.reduce((rows, argument) => {
      const named = getNamedType(argument.type);
      const model = isInputObjectType(named) ? modelsByWhere(catalog).get(named.name) : undefined;
      const node = field.arguments?.find((candidate) => candidate.name.value === argument.name);
      return model && node
        ? rows + relationRowsInWhere(model, valueFromASTUntyped(node.value, variables), listLimits.defaultLimit)
        : rows;
    }, 0);

  /**
   * Whether resolving `field` on one parent row runs a statement: root fields, relations, their
   * counts and connections, and a connection's `totalCount`.
   */
  const runsStatement = (field: FieldNode, parent: GraphQLCompositeType | undefined): boolean => {
    if (parent === rootType) return true;
    const name = field.name.value;
    if (parent && relayTypes(catalog).connections.has(parent.name)) return name === "totalCount";
    const model = parent && catalog.byName.get(parent.name);
    return (
      model !== undefined &&
      (model.relationByField.has(name) ||
        model.relations.some(
          (relation) =>
            relation.isList && (countField(relation.field) === name || connectionField(relation.field) === name),
        ))
    );
  };

  /**
   * A connection's rows are its `edges` (each edge's `node` is the same row) and its `nodes`: they
   * count the connection's page size, `pageSize` of the connection around them, like a list's
   * `limit`; the connection object itself counts one.
   */
  const measureField = (
    field: FieldNode,
    parent: GraphQLCompositeType | undefined,
    pageSize: number,
  ): SelectionMeasure => {
    const own: SelectionMeasure = {
      depth: 0,
      inputDepth: Math.max(0, ...(field.arguments ?? []).map((argument) => inputDepth(argument.value))),
      aliases: field.alias ? 1 : 0,
      cost: 0,
      statements: 0,
    };
    if (field.name.value === "__typename") return own;
    const meta = parent === schema.getQueryType() ? metaFields.get(field.name.value) : undefined;
    const definition =
      meta ??
      (parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[field.name.value] : undefined);
    const named = definition && getNamedType(definition.type);
    const { connections, edges } = relayTypes(catalog);
    const isConnection = named !== undefined && connections.has(named.name);
    const innerPageSize = isConnection ? requestedLimit(field, ["first", "last"]) : pageSize;
    const inner = field.selectionSet
      ? measureSelections(field.selectionSet, named && isCompositeType(named) ? named : undefined, innerPageSize)
      : nothing;
    // The whole walk of the schema is counted at `__schema` or `__type`; the fields under them
    // add only their aliases and argument depth.
    if (meta || (parent && isIntrospectionType(parent))) {
      return combine(own, { ...inner, depth: 0, cost: meta ? schemaValues(meta, field, undefined) : 0, statements: 0 });
    }
    if (parent && edges.has(parent.name) && field.name.value === "node") {
      return combine(own, { ...inner, depth: 1 + inner.depth });
    }
    const isList = isListType(getNullableType(definition?.type));
    const isPage = parent !== undefined && connections.has(parent.name);
    const rows = !field.selectionSet ? 0 : isPage && isList ? pageSize : isList ? requestedLimit(field, ["limit"]) : 1;
    const scanned = definition ? listLimits.defaultLimit * whereHops(field, definition) : 0;
    return combine(own, {
      ...inner,
      depth: 1 + inner.depth,
      cost: rows * (1 + inner.cost) + scanned,
      statements: (runsStatement(field, parent) ? 1 : 0) + rows * inner.statements,
    });
  };

  /**
   * Values an introspection field reads on one `source` (the schema, a type, a field...): each
   * type, field, argument or enum value it lists and every value selected under them, resolved
   * on the schema itself. Each selection is walked once per source object: the standard query's
   * `...TypeRef` on a type that many fields share is counted every time and walked once.
   */
  const schemaValues = (definition: GraphQLField<unknown, unknown>, field: FieldNode, source: unknown): number => {
    const type = getNamedType(definition.type);
    if (!field.selectionSet || !isObjectType(type)) return 0;
    // Deprecated fields and values count too: the cost is an upper bound.
    const args = { ...argumentValues(field), includeDeprecated: true };
    const resolve = definition.resolve ?? defaultFieldResolver;
    const result: unknown = resolve(source, args, undefined, { schema } as GraphQLResolveInfo);
    const items = Array.isArray(result) ? (result as unknown[]) : result == null ? [] : [result];
    return items.reduce(
      (values: number, item) => values + 1 + selectionValues(field.selectionSet!, type, item as object),
      0,
    );
  };

  const walkedSelections = new Map<SelectionSetNode, WeakMap<object, number>>();

  const selectionValues = (set: SelectionSetNode, type: GraphQLObjectType, source: object): number => {
    let walked = walkedSelections.get(set);
    if (!walked) walkedSelections.set(set, (walked = new WeakMap()));
    const known = walked.get(source);
    if (known !== undefined) return known;
    let values = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const definition = type.getFields()[selection.name.value];
        // A name, a description or a flag is a value too: graphql resolves each one on its own.
        if (definition) values += selection.selectionSet ? schemaValues(definition, selection, source) : 1;
      } else {
        const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
        if (fragment) values += selectionValues(fragment.selectionSet, type, source);
      }
    }
    walked.set(source, values);
    return values;
  };

  const measureSelections = (
    set: SelectionSetNode,
    parent: GraphQLCompositeType | undefined,
    pageSize: number,
  ): SelectionMeasure =>
    set.selections
      .map((selection) => {
        switch (selection.kind) {
          case Kind.FIELD:
            return measureField(selection, parent, pageSize);
          case Kind.INLINE_FRAGMENT:
            return measureSelections(
              selection.selectionSet,
              typeCondition(schema, selection.typeCondition) ?? parent,
              pageSize,
            );
          case Kind.FRAGMENT_SPREAD:
            return measureSpread(selection.name.value, pageSize);
        }
      })
      .reduce(combine, nothing);

  const measureSpread = (name: string, pageSize: number): SelectionMeasure => {
    // A fragment on a connection type measures differently under connections of other sizes.
    const key = `${name} ${pageSize}`;
    const known = measuredFragments.get(key);
    if (known) return known;
    const fragment = fragments.get(name);
    const measure = fragment
      ? measureSelections(fragment.selectionSet, typeCondition(schema, fragment.typeCondition), pageSize)
      : nothing;
    measuredFragments.set(key, measure);
    return measure;
  };

  const root = measureSelections(operation.selectionSet, rootType, listLimits.defaultLimit);
  return {
    depth: root.depth,
    inputDepth: root.inputDepth,
    aliases: root.aliases,
    documentTokens: countTokens(request.source),
    variableTokens: Object.values(request.variables ?? {}).reduce((sum: number, value) => sum + inlineTokens(value), 0),
    cost: root.cost,
    statements: root.statements,
  };
}

export type MeasureName = "tokens" | "depth" | "inputDepth" | "aliases" | "cost" | "statements";

/** A limit an operation goes over, with a message that says what to do instead. */
export interface LimitBreach {
  measure: MeasureName;
  measured: number;
  maximum: number;
  message: string;
}

/** The first limit `measure` goes over; undefined when it keeps them all. */
function firstBreach(
  measure: OperationMeasure,
  limits: QueryLimits,
  listLimits: ListLimits,
  batching: boolean,
): LimitBreach | undefined {
  const tokens = measure.documentTokens + measure.variableTokens;
  const breaches: LimitBreach[] = [
    {
      measure: "tokens",
      measured: tokens,
      maximum: limits.maxTokens,
      message:
        `Query size ${tokens} tokens (${measure.documentTokens} in the document, ${measure.variableTokens} in ` +
        `variables) exceeds the limit of ${limits.maxTokens} (MAX_TOKENS); send a shorter query or smaller variables.`,
    },
    {
      measure: "depth",
      measured: measure.depth,
      maximum: limits.maxDepth,
      message:
        `Query depth ${measure.depth} exceeds the limit of ${limits.maxDepth} (MAX_DEPTH); ` +
        "select fewer nested fields, or split the query in two.",
    },
    {
      measure: "inputDepth",
      measured: measure.inputDepth,
      maximum: limits.maxDepth,
      message:
        `Argument depth ${measure.inputDepth} exceeds the limit of ${limits.maxDepth} (MAX_DEPTH): input objects ` +
        "nest too deeply; flatten the filter, for example with AND or OR lists.",
    },
    {
      measure: "aliases",
      measured: measure.aliases,
      maximum: limits.maxAliases,
      message:
        `Query uses ${measure.aliases} aliases, over the limit of ${limits.maxAliases} (MAX_ALIASES); ` +
        "send fewer aliased fields per request.",
    },
    {
      measure: "cost",
      measured: measure.cost,
      maximum: limits.maxCost,
      message:
        `Estimated cost ${measure.cost} rows exceeds the limit of ${limits.maxCost} (MAX_COST): every list ` +
        `counts its limit (${listLimits.defaultLimit} when not given) times the lists it is nested in, a relation ` +
        `inside where counts ${listLimits.defaultLimit} rows for each row it is tested on, and introspection counts ` +
        "every value it reads. Ask for smaller pages, fewer nested lists or relations in filters, or fewer introspections.",
    },
    // Batched, a statement runs per level of the query, whatever the rows; unbatched, per parent row.
    ...(batching
      ? []
      : [
          {
            measure: "statements" as const,
            measured: measure.statements,
            maximum: limits.maxStatements,
            message:
              `Without batching this query may run ${measure.statements} SQL statements, over the limit of ` +
              `${limits.maxStatements} (MAX_STATEMENTS): every relation or count field runs one per parent row. ` +
              "Ask for smaller pages, or turn batching back on.",
          },
        ]),
  ];
  return breaches.find((breach) => breach.measured > breach.maximum);
}

/**
 * graphql-js stops parsing a document at `maxTokens`, so an oversized one never becomes an AST;
 * Apollo reports that as a parse failure. This recognises it by counting the tokens of the
 * failed document (at most a request body's worth). A document that is both over the limit and
 * wrong further on is reported as over the limit.
 */
export function tokenBreach(failedSource: string, limits: QueryLimits): LimitBreach | undefined {
  const tokens = countTokens(failedSource);
  if (tokens <= limits.maxTokens) return undefined;
  return {
    measure: "tokens",
    measured: tokens,
    maximum: limits.maxTokens,
    message: `Query size ${tokens} tokens exceeds the limit of ${limits.maxTokens} (MAX_TOKENS); send a shorter query.`,
  };
}

/** The extensions of a QUERY_TOO_COMPLEX error: the code and the figures, for clients to act on. */
export function breachExtensions({ measure, measured, maximum }: LimitBreach) {
  return { code: ErrorCode.QueryTooComplex, measure, measured, maximum };
}

/** Refuses operations over `limits` after validation and before execution, so before any SQL. */
export function queryLimitsPlugin(limits: QueryLimits, listLimits: ListLimits): ApolloServerPlugin<PlaygroundContext> {
  // Apollo hands over the document it keeps parsed for the query text, so an operation sent
  // again without variables is the same node and measures the same: it is measured once, and
  // forgotten with the document.
  const measured = new WeakMap<OperationDefinitionNode, OperationMeasure>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, source, request, contextValue }) {
          if (!operation) throw unresolvedOperation(document, request.operationName);
          const fixed = request.variables === undefined || Object.keys(request.variables).length === 0;
          let measure = fixed ? measured.get(operation) : undefined;
          if (!measure) {
            measure = measureOperation(
              { catalog: contextValue.catalog, schema, document, operation, source, variables: request.variables },
              listLimits,
            );
            if (fixed) measured.set(operation, measure);
          }
          const breach = firstBreach(measure, limits, listLimits, contextValue.batching);
          if (breach) {
            throw new PlaygroundError(ErrorCode.QueryTooComplex, breach.message, {
              ...breachExtensions(breach),
              http: { status: 400 },
            });
          }
        },
      };
    },
  };
}

// Private helpers.

interface SelectionMeasure {
  depth: number;
  inputDepth: number;
  aliases: number;
  cost: number;
  statements: number;
}

const nothing: SelectionMeasure = { depth: 0, inputDepth: 0, aliases: 0, cost: 0, statements: 0 };

/** Sibling selections: the deeper one sets the depth; aliases, cost and statements add up. */
function combine(a: SelectionMeasure, b: SelectionMeasure): SelectionMeasure {
  return {
    depth: Math.max(a.depth, b.depth),
    inputDepth: Math.max(a.inputDepth, b.inputDepth),
    aliases: a.aliases + b.aliases,
    cost: a.cost + b.cost,
    statements: a.statements + b.statements,
  };
}

/** The root fields that introspect: graphql-js resolves them apart from the query type's own. */
const metaFields = new Map<string, GraphQLField<unknown, unknown>>(
  [SchemaMetaFieldDef, TypeMetaFieldDef].map((definition) => [definition.name, definition]),
);

const relayTypeNames = new WeakMap<Catalog, { connections: ReadonlySet<string>; edges: ReadonlySet<string> }>();

/** The names of every model's connection and edge types. */
function relayTypes(catalog: Catalog): { connections: ReadonlySet<string>; edges: ReadonlySet<string> } {
  let names = relayTypeNames.get(catalog);
  if (!names) {
    names = {
      connections: new Set(catalog.models.map((model) => model.names.connectionType)),
      edges: new Set(catalog.models.map((model) => model.names.edgeType)),
    };
    relayTypeNames.set(catalog, names);
  }
  return names;
}

const whereModels = new WeakMap<Catalog, ReadonlyMap<string, ModelInfo>>();

/** Each model by the name of its where input, `BookWhere`. */
function modelsByWhere(catalog: Catalog): ReadonlyMap<string, ModelInfo> {
  let models = whereModels.get(catalog);
  if (!models) whereModels.set(catalog, (models = new Map(catalog.models.map((model) => [model.names.where, model]))));
  return models;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/**
 * Rows that `where` on one row of `model` reads across relations: a to-one hop one, a to-many
 * quantifier `perList`, each times what the filter under it reads. The sum over every hop of the
 * product of the sizes on its path, so it is walked without recursion: a variable's JSON may nest
 * deeper than the call stack allows (it is refused for its depth; this only must not crash).
 * Values that are not where inputs fail variable coercion later and read nothing here.
 */
function relationRowsInWhere(model: ModelInfo, where: unknown, perList: number): number {
  let rows = 0;
  const pending = [{ model, where, weight: 1 }];
  while (pending.length > 0) {
    const { model, where, weight } = pending.pop()!;
    if (!isRecord(where)) continue;
    for (const [field, value] of Object.entries(where)) {
      if (field === "AND" || field === "OR") {
        if (Array.isArray(value)) for (const part of value) pending.push({ model, where: part, weight });
      } else if (field === "NOT") {
        pending.push({ model, where: value, weight });
      } else {
        const relation = model.relationByField.get(field);
        if (!relation || !isRecord(value)) continue;
        if (!relation.isList) {
          rows += weight;
          pending.push({ model: relation.target, where: value, weight });
          continue;
        }
        for (const quantified of Object.values(value)) {
          if (quantified === undefined) continue;
          rows += weight * perList;
          pending.push({ model: relation.target, where: quantified, weight: weight * perList });
        }
      }
    }
  }
  return rows;
}

function typeCondition(
  schema: GraphQLSchema,
  condition: { name: { value: string } } | undefined,
): GraphQLCompositeType | undefined {
  const type = condition && schema.getType(condition.name.value);
  return type && isCompositeType(type) ? type : undefined;
}

/** Lexical tokens as the parser counts them (comments left out), up to the first lexical error. */
function countTokens(body: string): number {
  const lexer = new Lexer(new Source(body));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) count++;
  } catch {
    // The parser reports the lexical error itself; the tokens before it are what was read.
  }
  return count;
}

/** Tokens a JSON value would take written as a GraphQL literal: `{ key: value }`, `[ item ]`. */
function inlineTokens(root: unknown): number {
  let tokens = 0;
  const pending = [root];
  while (pending.length > 0) {
    const value = pending.pop();
    if (Array.isArray(value)) {
      tokens += 2;
      for (const item of value) pending.push(item);
    } else if (value !== null && typeof value === "object") {
      tokens += 2;
      for (const item of Object.values(value)) {
        tokens += 2;
        pending.push(item);
      }
    } else {
      tokens += 1;
    }
  }
  return tokens;
}
