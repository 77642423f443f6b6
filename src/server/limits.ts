/**
 * What one operation may ask for, measured on the document and its variables before any SQL
 * runs: depth, aliases, size in tokens and an estimated cost in rows. Over a limit is
 * `QUERY_TOO_COMPLEX`, naming the measured figure and the limit.
 *
 *     authors(limit: 1000) { bookSet(limit: 1000) { author { bookSet(limit: 1000) { title } } } }
 *
 * costs 1000 + 1000 * 1000 * (1 + 1 + 1000) rows, far over the default 100,000: every list
 * counts its `limit` (the server's default when left out) times the lists it is nested in, and
 * every to-one object counts one per parent.
 *
 * Introspection (`__schema`, `__type`, `__typename` and everything under them) reads the
 * schema in memory, so it counts towards tokens and aliases only; graphql-js's own
 * MaxIntrospectionDepthRule keeps it from nesting without end.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isInterfaceType,
  isIntrospectionType,
  isListType,
  isObjectType,
  Kind,
  Lexer,
  Source,
  TokenKind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
  valueFromASTUntyped,
} from "graphql";
import { ErrorCode, PlaygroundError } from "../errors.js";
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
}

interface MeasuredRequest {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  source: string;
  variables?: Record<string, unknown>;
}

/** Measures the operation `request.operation` of the document, fragments and variables included. */
function measureOperation(request: MeasuredRequest, listLimits: ListLimits): OperationMeasure {
  const { schema, document, operation } = request;
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
   * The `limit` a list field asks for. One out of range is refused here, as its resolver would
   * refuse it, so that the client hears about its limit rather than about the cost it implies.
   */
  const requestedLimit = (field: FieldNode): number => {
    const argument = field.arguments?.find((candidate) => candidate.name.value === "limit")?.value;
    const given =
      argument?.kind === Kind.INT
        ? Number(argument.value)
        : argument?.kind === Kind.VARIABLE
          ? variables[argument.name.value]
          : undefined;
    // Anything but a number fails variable coercion before execution; it counts as the default.
    if (typeof given !== "number") return listLimits.defaultLimit;
    checkLimit(given, listLimits.maxLimit, { http: { status: 400 } });
    return given;
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

  const measureField = (field: FieldNode, parent: GraphQLCompositeType | undefined): SelectionMeasure => {
    const definition =
      parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[field.name.value] : undefined;
    const named = definition && getNamedType(definition.type);
    const inner = field.selectionSet
      ? measureSelections(field.selectionSet, named && isCompositeType(named) ? named : undefined)
      : nothing;
    const own: SelectionMeasure = {
      depth: 0,
      inputDepth: Math.max(0, ...(field.arguments ?? []).map((argument) => inputDepth(argument.value))),
      aliases: field.alias ? 1 : 0,
      cost: 0,
    };
    const introspection = field.name.value.startsWith("__") || (parent !== undefined && isIntrospectionType(parent));
    if (introspection) return combine(own, { ...inner, depth: 0, cost: 0 });
    const rows = !field.selectionSet ? 0 : isListType(getNullableType(definition?.type)) ? requestedLimit(field) : 1;
    return combine(own, { ...inner, depth: 1 + inner.depth, cost: rows * (1 + inner.cost) });
  };

  const measureSelections = (set: SelectionSetNode, parent: GraphQLCompositeType | undefined): SelectionMeasure =>
    set.selections
      .map((selection) => {
        switch (selection.kind) {
          case Kind.FIELD:
            return measureField(selection, parent);
          case Kind.INLINE_FRAGMENT:
            return measureSelections(selection.selectionSet, typeCondition(schema, selection.typeCondition) ?? parent);
          case Kind.FRAGMENT_SPREAD:
            return measureSpread(selection.name.value);
        }
      })
      .reduce(combine, nothing);

  const measureSpread = (name: string): SelectionMeasure => {
    const known = measuredFragments.get(name);
    if (known) return known;
    const fragment = fragments.get(name);
    const measure = fragment
      ? measureSelections(fragment.selectionSet, typeCondition(schema, fragment.typeCondition))
      : nothing;
    measuredFragments.set(name, measure);
    return measure;
  };

  const root = measureSelections(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined);
  return {
    depth: root.depth,
    inputDepth: root.inputDepth,
    aliases: root.aliases,
    documentTokens: countTokens(request.source),
    variableTokens: Object.values(request.variables ?? {}).reduce((sum: number, value) => sum + inlineTokens(value), 0),
    cost: root.cost,
  };
}

export type MeasureName = "tokens" | "depth" | "inputDepth" | "aliases" | "cost";

/** A limit an operation goes over, with a message that says what to do instead. */
export interface LimitBreach {
  measure: MeasureName;
  measured: number;
  maximum: number;
  message: string;
}

/** The first limit `measure` goes over; undefined when it keeps them all. */
function firstBreach(measure: OperationMeasure, limits: QueryLimits, listLimits: ListLimits): LimitBreach | undefined {
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
        `counts its limit (${listLimits.defaultLimit} when not given) times the lists it is nested in. ` +
        "Ask for smaller pages or fewer nested lists.",
    },
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
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, source, request }) {
          if (!operation) throw unresolvedOperation(document, request.operationName);
          const measure = measureOperation(
            { schema, document, operation, source, variables: request.variables },
            listLimits,
          );
          const breach = firstBreach(measure, limits, listLimits);
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
}

const nothing: SelectionMeasure = { depth: 0, inputDepth: 0, aliases: 0, cost: 0 };

/** Sibling selections: the deeper one sets the depth; aliases and cost add up. */
function combine(a: SelectionMeasure, b: SelectionMeasure): SelectionMeasure {
  return {
    depth: Math.max(a.depth, b.depth),
    inputDepth: Math.max(a.inputDepth, b.inputDepth),
    aliases: a.aliases + b.aliases,
    cost: a.cost + b.cost,
  };
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
