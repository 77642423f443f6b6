/**
 * type-graphql's decorators, applied from code. The playground's resolvers and inputs are
 * derived from the catalog at start-up, so instead of writing a decorated class per model we
 * build the class and call the same decorators a hand-written one would use.
 */
import { Arg, Ctx, Field, FieldResolver, InputType, Mutation, Query, Resolver, Root } from "type-graphql";
import type { PlaygroundContext } from "./context.js";

// type-graphql's type functions return classes, scalars or enums, possibly in a list.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TypeFn = () => any;

export interface FieldSpec {
  name: string;
  type: TypeFn;
  nullable?: boolean;
  description?: string;
}

type Class = new () => object;

function namedClass(name: string): Class {
  return { [name]: class {} }[name]!;
}

/** An input type with the given fields, all optional unless `nullable: false`. */
export function inputType(name: string, fields: FieldSpec[], description?: string): Class {
  const input = namedClass(name);
  for (const field of fields) {
    Field(field.type, { nullable: field.nullable ?? true, description: field.description })(
      input.prototype,
      field.name,
    );
  }
  InputType(name, { description })(input);
  return input;
}

export type Args = Record<string, unknown>;

export interface OperationSpec extends FieldSpec {
  kind: "query" | "mutation" | "field";
  args?: FieldSpec[];
  resolve: (root: Record<string, unknown>, args: Args, context: PlaygroundContext) => unknown;
}

/**
 * A resolver class holding the given root fields or, with `of`, fields of that object type.
 * Each method receives the parent (for fields), the context, then the arguments in order.
 */
export function resolverClass(name: string, operations: OperationSpec[], of?: TypeFn): Class {
  const resolver = namedClass(name);
  for (const operation of operations) {
    const argNames = (operation.args ?? []).map((arg) => arg.name);
    Object.defineProperty(resolver.prototype, operation.name, {
      value(root: Record<string, unknown>, context: PlaygroundContext, ...values: unknown[]) {
        const args: Args = {};
        argNames.forEach((argName, i) => (args[argName] = values[i]));
        return operation.resolve(root, args, context);
      },
    });
    const descriptor = Object.getOwnPropertyDescriptor(resolver.prototype, operation.name)!;
    const options = { name: operation.name, nullable: operation.nullable ?? false, description: operation.description };
    const decorate = { query: Query, mutation: Mutation, field: FieldResolver }[operation.kind];
    decorate(operation.type, options)(resolver.prototype, operation.name, descriptor);
    // Root fields get the (unused) root too, so every method has the same parameter order.
    Root()(resolver.prototype, operation.name, 0);
    Ctx()(resolver.prototype, operation.name, 1);
    (operation.args ?? []).forEach((arg, i) =>
      Arg(arg.name, arg.type, { nullable: arg.nullable ?? false, description: arg.description })(
        resolver.prototype,
        operation.name,
        i + 2,
      ),
    );
  }
  (of ? Resolver(of) : Resolver())(resolver);
  return resolver;
}
