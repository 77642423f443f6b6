/**
 * The scalars of Django's field types that graphql-scalars has no match for: each reads the
 * text a client sends into the form the field is stored in (./models/values.ts) and writes the
 * stored form back as that text, so a client sees one spelling whatever the engine returns.
 */
import { GraphQLBoolean, GraphQLError, GraphQLScalarType, GraphQLString, Kind, type ValueNode } from "graphql";
import { DateTimeResolver, GraphQLBigInt, LocalDateResolver } from "graphql-scalars";
import { Float, ID, Int } from "type-graphql";
import type { ScalarType } from "../models/definition.js";
import { durationText, durationValue, timeValue, uuidText, uuidValue, ValueError } from "../models/values.js";

function textScalar(
  name: string,
  description: string,
  read: (text: string) => string | number,
  write: (stored: never) => string,
): GraphQLScalarType {
  const parse = (value: unknown, nodes?: ValueNode) => {
    if (typeof value !== "string") throw new GraphQLError(`${name} is sent as a string`, { nodes });
    try {
      return read(value);
    } catch (error) {
      if (!(error instanceof ValueError)) throw error;
      throw new GraphQLError(`${name} ${error.message}`, { nodes });
    }
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: (stored) => write(stored as never),
    parseValue: (value) => parse(value),
    parseLiteral: (node) => parse(node.kind === Kind.STRING ? node.value : undefined, node),
  });
}

export const DurationScalar = textScalar(
  "Duration",
  "Django's DurationField: an ISO 8601 duration in days, hours, minutes and seconds (`P1DT2H30M`, `PT0.5S`), sent back as Django's `duration_iso_string` (`P1DT02H30M00S`).",
  durationValue,
  durationText,
);

export const UUIDScalar = textScalar(
  "UUID",
  "Django's UUIDField: any spelling Python's `uuid.UUID` reads, sent back as 36 lowercase characters with dashes.",
  uuidValue,
  uuidText,
);

export const TimeScalar = textScalar(
  "Time",
  "Django's TimeField: a time of day `HH:MM[:SS[.ffffff]]`, sent back as Python's `isoformat()`: `HH:MM:SS`, with `.ffffff` when there are microseconds.",
  timeValue,
  timeValue,
);

/**
 * graphql-scalars' BigInt, sending a value past the safe integers as its digits in a string:
 * its own serializer does that too, but warns on the console the first time, and would send a
 * JSON number if something patched BigInt's toJSON.
 */
export const BigIntScalar = new GraphQLScalarType({
  ...GraphQLBigInt.toConfig(),
  serialize: (stored) => {
    const integer = BigInt(stored as string | number);
    return Number.isSafeInteger(Number(integer)) ? Number(integer) : integer.toString();
  },
  parseValue: (value) => bigIntInput(value),
  parseLiteral: (node) =>
    bigIntInput(node.kind === Kind.INT || node.kind === Kind.STRING ? node.value : undefined, node),
});

function bigIntInput(value: unknown, nodes?: ValueNode): number | bigint {
  const text = typeof value === "number" && Number.isInteger(value) ? String(value) : value;
  if (typeof text !== "string" || !/^-?\d+$/.test(text)) {
    throw new GraphQLError(
      `BigInt cannot represent ${JSON.stringify(value)}; send a whole number or its digits in a string`,
      {
        nodes,
      },
    );
  }
  const integer = BigInt(text);
  return Number.isSafeInteger(Number(integer)) ? Number(integer) : integer;
}

/** How the API sends, filters and compares a value. */
export type ScalarKind =
  | "id"
  | "string"
  | "int"
  | "bigint"
  | "float"
  | "decimal"
  | "boolean"
  | "date"
  | "datetime"
  | "time"
  | "duration"
  | "uuid";

/** The kind of each Django field type. */
export const kindOfType: Record<ScalarType, ScalarKind> = {
  CharField: "string",
  TextField: "string",
  SlugField: "string",
  EmailField: "string",
  URLField: "string",
  IntegerField: "int",
  SmallIntegerField: "int",
  PositiveIntegerField: "int",
  PositiveSmallIntegerField: "int",
  BigIntegerField: "bigint",
  PositiveBigIntegerField: "bigint",
  FloatField: "float",
  // Sent as text, which holds every digit that JSON's numbers would round.
  DecimalField: "decimal",
  BooleanField: "boolean",
  DateField: "date",
  DateTimeField: "datetime",
  TimeField: "time",
  DurationField: "duration",
  UUIDField: "uuid",
};

/** The GraphQL scalar of each kind, for type-graphql's type functions. */
export const scalarOfKind: Record<ScalarKind, GraphQLScalarType> = {
  id: ID,
  string: GraphQLString,
  int: Int,
  bigint: BigIntScalar,
  float: Float,
  decimal: GraphQLString,
  boolean: GraphQLBoolean,
  date: LocalDateResolver,
  datetime: DateTimeResolver,
  time: TimeScalar,
  duration: DurationScalar,
  uuid: UUIDScalar,
};
