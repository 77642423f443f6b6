/**
 * Model definitions made into the classes the rest of the playground reads: for each model one
 * class that is both a TypeORM entity (table, columns, keys, join tables, with the names the
 * definition resolved) and a type-graphql object type implementing Relay's `Node`. As in
 * Django, a definition declares only the forward side of a relation; the reverse side
 * (`manufacturer.carSet`, `parent.children`) is put on the target here, under the name Django
 * gives it. Everything else (resolvers, loaders, inputs) is derived later from the TypeORM
 * metadata these decorators leave behind (see catalog.ts).
 *
 * What the server cannot serve yet is refused here with the field's place in the file, so that
 * a file either serves as Django would or does not start.
 */
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import {
  Column,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  OneToMany,
  OneToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  Unique,
  type ColumnType,
} from "typeorm";
import type { ColumnMetadata } from "typeorm/metadata/ColumnMetadata.js";
import { ModelsFileError } from "../errors.js";
import { Node } from "../graphql/node.js";
import { kindOfType, scalarOfKind } from "../graphql/scalars.js";
import { choicesEnumName, choiceValueName, fieldName } from "../naming.js";
import { storedFromDjango, ValueError } from "./values.js";
import type {
  ManyToManyFieldDefinition,
  ModelDefinition,
  OnDelete,
  ScalarFieldDefinition,
  ScalarType,
  SourceLocation,
  ToOneFieldDefinition,
} from "./definition.js";

/**
 * The foreign key's own action in the database. The delete collector carries out every
 * `on_delete` before a row goes, as Django's does; the action only guards the database against
 * other writers. `RESTRICT` and `SET_DEFAULT` leave it to the collector (a restricting row may be
 * deleted by the same cascade), and `DO_NOTHING` is the database's own rule, as in Django.
 */
const onDeleteActions = {
  CASCADE: "CASCADE",
  PROTECT: "RESTRICT",
  SET_NULL: "SET NULL",
  RESTRICT: "NO ACTION",
  SET_DEFAULT: "NO ACTION",
  DO_NOTHING: "NO ACTION",
} as const satisfies Record<OnDelete, string>;

export type ModelClass = new () => object;

/**
 * How each field type is stored: a column type both engines take, and where PostgreSQL has
 * Django's own type for what SQLite keeps as text, that type (see `adaptColumnForPostgres`).
 */
interface ColumnMapping {
  column: (field: ScalarFieldDefinition) => { type: ColumnType; length?: number };
  postgres?: (field: ScalarFieldDefinition) => { type: ColumnType; precision?: number; scale?: number };
}

const varchar = (field: ScalarFieldDefinition) => ({ type: "varchar" as const, length: field.maxLength });
const text: ColumnMapping = { column: varchar };
const integer: ColumnMapping = { column: () => ({ type: "integer" }) };
const bigint: ColumnMapping = { column: () => ({ type: "bigint" }) };

const columnMappings: Record<ScalarType, ColumnMapping> = {
  CharField: text,
  SlugField: text,
  EmailField: text,
  URLField: text,
  TextField: { column: () => ({ type: "text" }) },
  IntegerField: integer,
  SmallIntegerField: integer,
  PositiveIntegerField: integer,
  PositiveSmallIntegerField: integer,
  BigIntegerField: bigint,
  PositiveBigIntegerField: bigint,
  FloatField: { column: () => ({ type: "double precision" }) },
  // Text keeps every digit on SQLite, whose NUMERIC columns would round past 15 of them.
  DecimalField: {
    column: () => ({ type: "varchar" }),
    postgres: (field) => ({ type: "numeric", precision: field.maxDigits, scale: field.decimalPlaces }),
  },
  BooleanField: { column: () => ({ type: "boolean" }) },
  DateField: { column: () => ({ type: "date" }) },
  // UTC instants in one fixed-width text form, so that text order is time order on SQLite.
  DateTimeField: { column: () => ({ type: "varchar" }), postgres: () => ({ type: "timestamptz" }) },
  TimeField: { column: () => ({ type: "time" }) },
  // Whole microseconds, as Django stores durations on SQLite.
  DurationField: bigint,
  // TypeORM makes this varchar on SQLite, where Django keeps 32 hex digits, and uuid on PostgreSQL.
  UUIDField: { column: () => ({ type: "uuid" }) },
};

const definitionByClass = new WeakMap<Function, ModelDefinition>();

/** The definition a model class was made from (for what TypeORM's metadata cannot hold). */
export function definitionOf(model: Function): ModelDefinition | undefined {
  return definitionByClass.get(model);
}

/** A field as the description shows it: `models.CharField(max_length=100, unique=True)`. */
function fieldCall(field: ScalarFieldDefinition): string {
  const options: string[] = [];
  if (field.maxLength !== undefined) options.push(`max_length=${field.maxLength}`);
  if (field.maxDigits !== undefined)
    options.push(`max_digits=${field.maxDigits}`, `decimal_places=${field.decimalPlaces}`);
  if (field.null) options.push("null=True");
  if (field.blank) options.push("blank=True");
  if (field.unique) options.push("unique=True");
  if (field.autoNow) options.push("auto_now=True");
  if (field.autoNowAdd) options.push("auto_now_add=True");
  if (!field.editable) options.push("editable=False");
  return `models.${field.type}(${options.join(", ")})`;
}

/**
 * Sets PostgreSQL's own column types on a data source's metadata, where the shared decorators
 * give SQLite's: instants as timestamptz, decimals as numeric(max_digits, decimal_places).
 */
export function adaptColumnForPostgres(column: ColumnMetadata): void {
  const field = definitionOf(column.target as Function)?.fields.find(
    (candidate): candidate is ScalarFieldDefinition =>
      candidate.kind === "scalar" && candidate.field === column.propertyName,
  );
  const postgres = field && columnMappings[field.type].postgres;
  if (postgres) Object.assign(column, postgres(field));
}

class Refusal {
  constructor(private readonly file: string) {}

  refuse(at: SourceLocation, found: string, supported: string): never {
    throw new ModelsFileError(this.file, at.line, at.column, found, `${supported} (the server serves these so far)`);
  }
}

/**
 * The classes for `definitions`, in their order (which is the schema's). `file` names the
 * source in refusals.
 */
export function modelClasses(definitions: readonly ModelDefinition[], file: string): ModelClass[] {
  const refusal = new Refusal(file);
  for (const definition of definitions) checkServable(definition, refusal);
  const classes = new Map(definitions.map((definition) => [definition.name, namedClass(definition.name)]));
  const byName = new Map(definitions.map((definition) => [definition.name, definition]));
  const classOf = (name: string) => () => classes.get(name)!;
  const reverseSides: Array<() => void> = [];
  for (const definition of definitions) {
    const model = classes.get(definition.name)!;
    for (const field of definition.fields) {
      if (field.kind === "scalar") declareScalar(model, definition.name, field);
      else reverseSides.push(declareRelation(model, definition.name, field, classOf, byName.get(field.target)!));
    }
    declareModel(model, definition);
    definitionByClass.set(model, definition);
  }
  // Reverse sides go on after every forward one, as Django adds them once all models are loaded.
  for (const declare of reverseSides) declare();
  return [...classes.values()];
}

function primaryKeyDescription({ primaryKey: key }: ModelDefinition): string {
  if (key.type === "OneToOneField")
    return `The id of this row's \`${fieldName(key.name)}\`, its primary key (Django's \`OneToOneField(primary_key=True)\`).`;
  if (key.name === "id" && key.type === "AutoField")
    return "Django's implicit primary key, an integer sent as a string.";
  return `Django's \`${key.name} = models.${key.type}(primary_key=True)\`, an integer sent as a string.`;
}

function namedClass(name: string): ModelClass {
  return { [name]: class {} }[name]!;
}

function checkServable(definition: ModelDefinition, refusal: Refusal): void {
  for (const field of definition.fields) if (field.kind === "scalar") checkScalar(field, refusal);
}

/**
 * What a scalar field needs before it is served: a default that is a value of the field (it
 * is stored as given, so it is checked as an input is), a value for every new row when the
 * field is not in the inputs, and choices that make distinct enum values.
 */
function checkScalar(field: ScalarFieldDefinition, refusal: Refusal): void {
  if (field.default?.kind === "value") {
    try {
      storedFromDjango(field, field.default.value);
    } catch (error) {
      if (!(error instanceof ValueError)) throw error;
      refusal.refuse(
        field.at,
        `default=${JSON.stringify(field.default.value)}, which ${error.message}`,
        "a default that is a value of the field",
      );
    }
  }
  const setByServer = field.autoNow || field.autoNowAdd;
  if (
    !field.editable &&
    !setByServer &&
    !field.null &&
    field.default === undefined &&
    kindOfType[field.type] !== "string"
  ) {
    refusal.refuse(
      field.at,
      "editable=False without a default or null=True",
      "editable=False with default= or null=True, which give new rows a value",
    );
  }
  if (field.choices) {
    const names = new Map<string, string | number>();
    for (const { value } of field.choices) {
      const name = choiceValueName(value);
      if (names.has(name)) {
        refusal.refuse(
          field.at,
          `choices ${JSON.stringify(names.get(name))} and ${JSON.stringify(value)}, both the enum value ${name}`,
          "choices whose values stay distinct as GraphQL names",
        );
      }
      names.set(name, value);
    }
  }
}

const enumByField = new WeakMap<ScalarFieldDefinition, object>();

/** The GraphQL enum of a field with `choices`, as its object type declares it, for the inputs to share. */
export function choicesEnumOf(field: ScalarFieldDefinition): object | undefined {
  return enumByField.get(field);
}

/** The GraphQL enum of a field's `choices`: its stored values by name, their labels as descriptions. */
function choicesEnum(modelName: string, field: ScalarFieldDefinition): object {
  const values = Object.fromEntries(field.choices!.map(({ value }) => [choiceValueName(value), value]));
  registerEnumType(values, {
    name: choicesEnumName(modelName, field.field),
    description: `The choices of ${modelName}.${field.name}.`,
    valuesConfig: Object.fromEntries(
      field.choices!.map(({ value, label }) => [choiceValueName(value), { description: label }]),
    ),
  });
  enumByField.set(field, values);
  return values;
}

function declareScalar(model: ModelClass, modelName: string, field: ScalarFieldDefinition): void {
  Column({
    ...columnMappings[field.type].column(field),
    name: field.column,
    nullable: field.null,
    unique: field.unique,
  })(model.prototype, field.field);
  const choices = field.choices && choicesEnum(modelName, field);
  const scalar = scalarOfKind[kindOfType[field.type]];
  Field(() => choices ?? scalar, { nullable: field.null, description: field.helpText ?? fieldCall(field) })(
    model.prototype,
    field.field,
  );
  if (field.dbIndex) Index()(model.prototype, field.field);
}

/**
 * Declares the forward side now; returns the declaration of the reverse side on the target.
 * A `through=` link declares nothing: its rows are the through model's, whose keys are
 * relations of their own (the catalog reads the link from the definition).
 */
function declareRelation(
  model: ModelClass,
  modelName: string,
  field: ToOneFieldDefinition | ManyToManyFieldDefinition,
  classOf: (name: string) => () => ModelClass,
  targetDefinition: ModelDefinition,
): () => void {
  const target = classOf(field.target);
  const source = classOf(modelName);
  const property = field.field;
  const none = () => {};
  if (field.kind === "manyToMany") {
    if (field.join.through) return none;
    const reverse = field.reverseField;
    // A symmetrical link to its own model is its own reverse: one side, no inverse.
    ManyToMany(target, ...(reverse === undefined ? [] : [reverse]))(model.prototype, property);
    JoinTable({
      name: field.join.table,
      joinColumn: { name: field.join.sourceColumn },
      inverseJoinColumn: { name: field.join.targetColumn },
    })(model.prototype, property);
    return reverse === undefined ? none : () => ManyToMany(source, property)(target().prototype, reverse);
  }
  const options = { onDelete: onDeleteActions[field.onDelete], nullable: field.null };
  // `to_field`: the key holds that field's value instead of the target's primary key.
  const joinColumn = {
    name: field.column,
    ...(field.toField === targetDefinition.primaryKey.name ? {} : { referencedColumnName: fieldName(field.toField) }),
  };
  if (field.type === "OneToOneField") {
    OneToOne(target, field.reverseField, options)(model.prototype, property);
    JoinColumn(joinColumn)(model.prototype, property);
    return () => OneToOne(source, property)(target().prototype, field.reverseField);
  }
  ManyToOne(target, field.reverseField, options)(model.prototype, property);
  JoinColumn(joinColumn)(model.prototype, property);
  // Django indexes every foreign key.
  Index()(model.prototype, property);
  return () => OneToMany(source, property)(target().prototype, field.reverseField);
}

/** The row property of the field that `Meta` names by its Django name. */
function propertyOf(definition: ModelDefinition, name: string): string {
  return definition.fields.find((field) => field.name === name)?.field ?? "id";
}

/**
 * The primary key is the API's `id` whatever Django calls it: a declared auto field keeps its
 * name as the column (`code = models.AutoField(primary_key=True)` is column `code`, field `id`),
 * and a `OneToOneField(primary_key=True)` shares its key column with `id`, which the related
 * row's id fills (Django's restaurant has its place's id).
 */
function declareModel(model: ModelClass, definition: ModelDefinition): void {
  const key = definition.primaryKey;
  if (key.type === "OneToOneField") PrimaryColumn({ name: key.column, type: "integer" })(model.prototype, "id");
  else PrimaryGeneratedColumn({ name: key.column })(model.prototype, "id");
  Field(() => ID, { description: primaryKeyDescription(definition) })(model.prototype, "id");
  Entity(definition.table)(model);
  // Django names a unique_together index itself; a UniqueConstraint has the name it was given.
  for (const fields of definition.meta.uniqueTogether)
    Unique(fields.map((name) => propertyOf(definition, name)))(model);
  for (const { name, fields } of definition.meta.constraints) {
    Unique(
      name,
      fields.map((each) => propertyOf(definition, each)),
    )(model);
  }
  // Columns are plain row properties: graphql's default resolver reads them, without
  // type-graphql's per-field middleware wrapper (relations keep their own resolvers).
  ObjectType({
    description: `Django: \`class ${definition.name}(models.Model)\`.`,
    simpleResolvers: true,
    implements: Node,
  })(model);
}
