/**
 * The input types of the contract, derived per model from the catalog: `XWhere`, `XOrderBy`,
 * `CreateXInput`, `UpdateXInput`, and the shared scalar filters they use.
 */
import { registerEnumType } from "type-graphql";
import type { Catalog, ColumnInfo, ModelInfo, ScalarKind } from "../catalog.js";
import { choicesEnumOf } from "../models/entities.js";
import { choicesEnumName, choicesFilterName, filterInputNames, listFilterName, sortOrderName } from "../naming.js";
import { inputType, type FieldSpec, type TypeFn } from "./define.js";
import { scalarOfKind } from "./scalars.js";

export enum SortOrder {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(SortOrder, { name: sortOrderName, description: "Ascending (`ASC`) or descending (`DESC`)." });

/** The type a column is sent as: its scalar, or the enum of its `choices`. */
function columnType(column: ColumnInfo): TypeFn {
  const choices = column.definition && choicesEnumOf(column.definition);
  const scalar = scalarOfKind[column.kind];
  return () => choices ?? scalar;
}

function operatorFields(type: TypeFn, operators: string[]): FieldSpec[] {
  return operators.map((operator) => ({
    name: operator,
    type: operator === "isNull" ? () => Boolean : operator === "in" || operator === "notIn" ? () => [type()] : type,
  }));
}

const equality = ["eq", "ne", "in", "notIn"];
const range = ["lt", "lte", "gt", "gte"];
const text = ["contains", "startsWith", "endsWith"];

export interface ModelInputs {
  where: Class;
  listFilter: Class;
  orderBy: Class;
  /** Absent when the model has no field a create may set: `createX` then takes no `input`. */
  create?: Class;
  /** Absent when the model has no field an update may change: there is no `updateX` then. */
  update?: Class;
}

type Class = ReturnType<typeof inputType>;

/**
 * Input types for every model. All classes are created before the schema is built (type-graphql
 * reads its registry once); fields refer to each other through type functions, which is how
 * `CarWhere.manufacturer` can be a `ManufacturerWhere` and back.
 */
export function buildInputs(catalog: Catalog): Map<string, ModelInputs> {
  const filterOperators: Record<ScalarKind, string[]> = {
    id: [...equality, "isNull"],
    string: [...equality, ...range, ...text, "isNull"],
    int: [...equality, ...range, "isNull"],
    bigint: [...equality, ...range, "isNull"],
    // Floats compare equal only when written the same, so lists of them are left out.
    float: ["eq", "ne", ...range, "isNull"],
    decimal: [...equality, ...range, "isNull"],
    boolean: ["eq", "ne", "isNull"],
    date: [...equality, ...range, "isNull"],
    datetime: [...equality, ...range, "isNull"],
    time: [...equality, ...range, "isNull"],
    duration: [...equality, ...range, "isNull"],
    uuid: [...equality, "isNull"],
  };
  // A filter exists only for the kinds (and choices) the models use, so that each models file's
  // schema holds no input that nothing takes. A field with choices is filtered by its own enum.
  const filters = new Map<string, Class>();
  const filterOf = (model: ModelInfo, column: ColumnInfo) => {
    const choices = column.definition && choicesEnumOf(column.definition);
    const name = choices ? choicesFilterName(choicesEnumName(model.name, column.field)) : filterInputNames[column.kind];
    let filter = filters.get(name);
    if (!filter) {
      const operators = choices ? [...equality, "isNull"] : filterOperators[column.kind];
      filters.set(name, (filter = inputType(name, operatorFields(columnType(column), operators))));
    }
    return filter;
  };
  const inputs = new Map<string, ModelInputs>();
  const whereOf = (model: ModelInfo) => inputs.get(model.name)!.where;
  for (const model of catalog.models) {
    // Django's forms leave out what the server sets (auto_now, auto_now_add) and editable=False.
    const writable = model.columns.filter(
      (column) =>
        column.field !== "id" &&
        !(
          column.definition &&
          (column.definition.autoNow || column.definition.autoNowAdd || !column.definition.editable)
        ),
    );
    inputs.set(model.name, {
      where: inputType(model.names.where, [
        ...model.columns.map((column) => {
          const filter = filterOf(model, column);
          return { name: column.field, type: () => filter };
        }),
        ...model.relations.map((relation) => ({
          name: relation.field,
          type: () => (relation.isList ? inputs.get(relation.target.name)!.listFilter : whereOf(relation.target)),
        })),
        { name: "AND", type: () => [whereOf(model)] },
        { name: "OR", type: () => [whereOf(model)] },
        { name: "NOT", type: () => whereOf(model) },
      ]),
      listFilter: inputType(
        listFilterName(model.name),
        ["some", "every", "none"].map((quantifier) => ({ name: quantifier, type: () => whereOf(model) })),
        `Matches a parent by its related ${model.name} rows: at least one (\`some\`), all (\`every\`, true when there are none) or none of them.`,
      ),
      orderBy: inputType(
        model.names.orderBy,
        model.columns.map((column) => ({ name: column.field, type: () => SortOrder })),
        "One sort key: exactly one field per entry.",
      ),
      create: optionalInputType(
        model.names.createInput,
        // A field or key with a default may be left out, as in Django's `Model.objects.create()`.
        writable.map((column) => ({
          ...columnInput(column),
          nullable:
            column.nullable ||
            column.definition?.default !== undefined ||
            column.relation?.keyDefault !== undefined ||
            isBlankText(column),
        })),
      ),
      update: optionalInputType(
        model.names.updateInput,
        // A OneToOneField(primary_key=True) is the row's id, which an update does not change.
        writable
          .filter((column) => column.column !== model.primaryKey.column)
          .map((column) => ({ ...columnInput(column), nullable: true })),
        "Only the fields given change.",
      ),
    });
  }
  return inputs;
}

/** Text with blank=True, which Django saves empty when it is not given. */
function isBlankText(column: ColumnInfo): boolean {
  return column.kind === "string" && column.definition?.blank === true;
}

/** An input type, or none where it would have no fields (GraphQL allows no empty input type). */
function optionalInputType(name: string, fields: FieldSpec[], description?: string): Class | undefined {
  return fields.length === 0 ? undefined : inputType(name, fields, description);
}

function columnInput(column: ColumnInfo): FieldSpec {
  return { name: column.field, type: columnType(column), description: columnDescription(column) };
}

function columnDescription(column: ColumnInfo): string | undefined {
  if (column.relation)
    return `The id of the ${column.relation.target.name} this row points to (\`${column.relation.field}\`).`;
  const field = column.definition;
  if (field?.maxDigits !== undefined) {
    return `A decimal of at most ${field.maxDigits} digits, ${field.decimalPlaces} of them after the point, as a string.`;
  }
  if (column.maxLength && column.kind === "string") {
    return `At most ${column.maxLength} characters${column.unique ? ", unique" : ""}.`;
  }
  return undefined;
}
