/**
 * Operations run as a plan (graphql/plan.ts) when they only read columns and relations, else as
 * code compiled by graphql-jit: each document becomes, once, a function that resolves exactly
 * its fields, instead of graphql-js walking the document again for every row. Apollo Server 5
 * accepts another executor only from a gateway, so this is a gateway whose schema never
 * changes. Apollo still parses, validates and caches each document.
 *
 * Compiled code is large (about 1.1 MB per document), so a document is compiled only when its
 * plan cannot answer it, and only the most recently used `maxDocuments` operations stay
 * prepared; any client can send new documents without end.
 */
import type { ApolloServerOptionsWithGateway } from "@apollo/server";
import {
  execute,
  getNamedType,
  GraphQLError,
  getVariableValues,
  isInputObjectType,
  printSchema,
  typeFromAST,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { compileQuery, isCompiledQuery, type CompiledQuery } from "graphql-jit";
import type { PlaygroundContext } from "../graphql/context.js";
import type { Execution } from "./execution.js";
import { planOf, runPlan, type Plan } from "../graphql/plan.js";
import { LruCache } from "../lru.js";
import { unresolvedOperation } from "./operation.js";

type Gateway = ApolloServerOptionsWithGateway<PlaygroundContext>["gateway"];

/** The gateway, with the number of operations it holds prepared (for tests of the bound). */
export type CompiledExecutionGateway = Gateway & { readonly compiledOperations: number };

/**
 * Stands for an operation that graphql-js runs, as it would without this executor: one that
 * graphql-jit cannot compile, or one it refuses.
 */
const interpreted = Symbol("interpreted");

/** An operation as prepared: its plan if it has one, and its compiled code once a request needed it. */
interface Prepared {
  plan: Plan | undefined;
  compiled?: CompiledQuery | typeof interpreted;
}

/** `execution` runs around each operation: the request's deadline and transaction. */
export function compiledExecutionGateway(
  schema: GraphQLSchema,
  maxDocuments: number,
  execution: Execution,
): CompiledExecutionGateway {
  // Keyed by the hash of the query text, not the document object: Apollo parses a document
  // again once its own store has dropped it, and the text still compiles to the same code.
  const prepared = new LruCache<string, Prepared>(maxDocuments);

  /**
   * graphql-jit compiles a variable's coercion by unfolding its type, which never ends for the
   * recursive `XWhere` inputs (`AND`, `OR`, `NOT`, relation filters); operations with an input
   * object variable stay with graphql-js.
   */
  const compilable = (operation: OperationDefinitionNode) =>
    (operation.variableDefinitions ?? []).every(
      (definition) => !isInputObjectType(getNamedType(typeFromAST(schema, definition.type))),
    );

  const preparedFor = (
    queryHash: string,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    operationName: string | null,
  ) => {
    const key = `${operationName ?? ""}:${queryHash}`;
    let entry = prepared.get(key);
    if (!entry) prepared.set(key, (entry = { plan: planOf(schema, document, operation) }));
    return entry;
  };

  const compiledFor = (
    entry: Prepared,
    document: DocumentNode,
    operation: OperationDefinitionNode,
    operationName: string | null,
  ) => {
    if (!entry.compiled) {
      const compiledQuery = compilable(operation) && compileQuery(schema, document, operationName ?? undefined);
      entry.compiled = compiledQuery && isCompiledQuery(compiledQuery) ? compiledQuery : interpreted;
    }
    return entry.compiled;
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: printSchema(schema) });
      return () => {};
    },
    async load() {
      return {
        executor: async ({ queryHash, document, operation, operationName, request, context }) => {
          // Apollo calls the executor even when the request names no operation of its document;
          // graphql-js, handed the resolved name (null), would then run the document's only one.
          if (!operation) return { errors: [unresolvedOperation(document, request.operationName)] };
          const entry = preparedFor(queryHash, document, operation, operationName);
          const run = async (): Promise<ExecutionResult> => {
            // graphql-js checks the variables first, so that a bad value gets graphql-js's error,
            // which Apollo answers as BAD_USER_INPUT; graphql-jit's own check then passes.
            const variables = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
            if (variables.errors) return { errors: variables.errors };
            const planned = entry.plan && (await runPlan(entry.plan, context as PlaygroundContext, variables.coerced));
            if (planned) return planned;
            const query = compiledFor(entry, document, operation, operationName);
            if (query === interpreted) {
              return execute({
                schema,
                document,
                operationName,
                contextValue: context,
                variableValues: request.variables,
              });
            }
            return withGraphQLErrors(await query.query(undefined, context, variables.coerced));
          };
          return execution(context as PlaygroundContext, operation, run);
        },
      };
    },
    async stop() {},
    get compiledOperations() {
      return prepared.size;
    },
  };
}

/**
 * graphql-jit leaves `extensions` undefined on an error whose cause had none (a driver error, a
 * bug); graphql-js always gives an object, and Apollo's error formatting reads it. Such errors
 * are rebuilt as graphql-js's own, keeping message, path, locations and cause.
 */
function withGraphQLErrors(result: ExecutionResult): ExecutionResult {
  if (!result.errors?.some((error) => error.extensions === undefined)) return result;
  const errors = result.errors.map((error) => {
    if (error.extensions !== undefined) return error;
    const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? error });
    return Object.assign(rebuilt, { locations: error.locations });
  });
  return { ...result, errors };
}
