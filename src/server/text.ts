/**
 * Strings no text column holds faithfully are refused before anything runs, wherever they come
 * from: a lone UTF-16 surrogate (half of a pair: SQLite would store replacement characters in its
 * place) and U+0000 (PostgreSQL text cannot hold it, and SQLite's string functions stop at it, so
 * a filter would silently match something else). One check covers every argument of the
 * operation, written inline or sent as a variable, so no resolver has to remember it.
 *
 * graphql-js itself refuses a lone surrogate written in the query text, as a syntax error; the
 * error formatter gives that one this module's code and message.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import {
  Kind,
  type DocumentNode,
  type GraphQLError,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";
import { badInput } from "../errors.js";

/** What is wrong with `text` as stored text, or undefined when nothing is. */
export function textFlaw(text: string): string | undefined {
  if (text.includes("\u0000")) return "U+0000 (NUL), which text cannot hold; remove it";
  if (loneSurrogate.test(text)) {
    return "a lone UTF-16 surrogate, which is not Unicode text; send whole characters (a surrogate pair for one outside the BMP)";
  }
  return undefined;
}

export function textCheckPlugin(): ApolloServerPlugin {
  // The literals of a document never change, and Apollo hands back the same document object for
  // the same query text.
  const literalRefusals = new WeakMap<DocumentNode, GraphQLError | null>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          if (!operation) return;
          let literal = literalRefusals.get(document);
          if (literal === undefined) literalRefusals.set(document, (literal = literalRefusal(document) ?? null));
          const refusal = literal ?? variableRefusal(operation, request.variables ?? {});
          if (refusal) throw refusal;
        },
      };
    },
  };
}

// Private helpers.

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function refusal(flaw: string, where: string, details: Record<string, string>): GraphQLError {
  return badInput(`${where} contains ${flaw}.`, { ...details, http: { status: 400 } });
}

/** The first flawed string written in the document: in an argument, or a variable's default. */
function literalRefusal(document: DocumentNode): GraphQLError | undefined {
  const selectionSets: SelectionSetNode[] = [];
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      for (const variable of definition.variableDefinitions ?? []) {
        const name = variable.variable.name.value;
        const found = variable.defaultValue && flawedLiteral(variable.defaultValue, name);
        if (found) return refusal(found.flaw, `The default of variable $${found.path}`, { variable: found.path });
      }
    }
    if (definition.kind === Kind.OPERATION_DEFINITION || definition.kind === Kind.FRAGMENT_DEFINITION) {
      selectionSets.push(definition.selectionSet);
    }
  }
  while (selectionSets.length > 0) {
    for (const selection of selectionSets.pop()!.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) continue;
      if (selection.kind === Kind.FIELD) {
        for (const argument of selection.arguments ?? []) {
          const found = flawedLiteral(argument.value, argument.name.value);
          if (found) {
            return refusal(found.flaw, `The argument ${found.path} of ${selection.name.value}`, {
              argument: found.path,
            });
          }
        }
      }
      if (selection.selectionSet) selectionSets.push(selection.selectionSet);
    }
  }
  return undefined;
}

/** The first flawed string inside a value written in the document, with its path. */
function flawedLiteral(root: ValueNode, rootPath: string): { flaw: string; path: string } | undefined {
  // Iterative, as the input depth limit is measured alongside, not before.
  const pending: Array<{ node: ValueNode; path: string }> = [{ node: root, path: rootPath }];
  while (pending.length > 0) {
    const { node, path } = pending.pop()!;
    if (node.kind === Kind.STRING) {
      const flaw = textFlaw(node.value);
      if (flaw) return { flaw, path };
    } else if (node.kind === Kind.LIST) {
      node.values.forEach((item, index) => pending.push({ node: item, path: `${path}[${index}]` }));
    } else if (node.kind === Kind.OBJECT) {
      for (const field of node.fields) pending.push({ node: field.value, path: `${path}.${field.name.value}` });
    }
  }
  return undefined;
}

/** The first flawed string in the JSON of a variable the operation declares. */
function variableRefusal(
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): GraphQLError | undefined {
  const pending: Array<{ value: unknown; path: string }> = (operation.variableDefinitions ?? []).map((definition) => ({
    value: variables[definition.variable.name.value],
    path: definition.variable.name.value,
  }));
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (typeof value === "string") {
      const flaw = textFlaw(value);
      if (flaw) return refusal(flaw, `The variable $${path}`, { variable: path });
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push({ value: item, path: `${path}[${index}]` }));
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) pending.push({ value: item, path: `${path}.${key}` });
    }
  }
  return undefined;
}
