/**
 * The input types of the contract, derived per model from the catalog: `XWhere`, `XOrderBy`,
 * `CreateXInput`, `UpdateXInput`, and the shared scalar filters they use.
 */
import { LocalDateResolver } from "graphql-scalars";
import { Float, ID, Int, registerEnumType } from "type-graphql";
import type { Catalog, ColumnInfo, ModelInfo, ScalarKind } from "../catalog.js";
import { filterInputNames, listFilterName, sortOrderName } from "../naming.js";
import { inputType, type FieldSpec, type TypeFn } from "./define.js";

export enum SortOrder {
  ASC = "ASC",
  DESC = "DESC",
}
registerEnumType(SortOrder, { name: sortOrderName, description: "Ascending (`ASC`) or descending (`DESC`)." });

const scalarTypes: Record<ScalarKind, TypeFn> = {
  id: () => ID,
  string: () => String,
  int: () => Int,
  float: () => Float,
  boolean: () => Boolean,
  date: () => LocalDateResolver,
};

function operatorFields(kind: ScalarKind, operators: string[]): FieldSpec[] {
  const scalar = scalarTypes[kind];
  return operators.map((operator) => ({
    name: operator,
    type: operator === "isNull" ? () => Boolean : operator === "in" || operator === "notIn" ? () => [scalar()] : scalar,
  }));
}

const equality = ["eq", "ne", "in", "notIn"];
const range = ["lt", "lte", "gt", "gte"];
const text = ["contains", "startsWith", "endsWith"];

export interface ModelInputs {
  where: Class;
  listFilter: Class;
  orderBy: Class;
  create: Class;
  update: Class;
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
    // Floats compare equal only when written the same, so lists of them are left out.
    float: ["eq", "ne", ...range, "isNull"],
    boolean: ["eq", "ne", "isNull"],
    date: [...equality, ...range, "isNull"],
  };
  // A filter exists only for the kinds the models use, so that each models file's schema holds
  // no input that nothing takes.
  const scalarFilters = new Map<ScalarKind, Class>();
  const filterOf = (kind: ScalarKind) => {
    let filter = scalarFilters.get(kind);
    if (!filter)
      scalarFilters.set(
        kind,
        (filter = inputType(filterInputNames[kind], operatorFields(kind, filterOperators[kind]))),
      );
    return filter;
  };
  const inputs = new Map<string, ModelInputs>();
  const whereOf = (model: ModelInfo) => inputs.get(model.name)!.where;
  for (const model of catalog.models) {
    const writable = model.columns.filter((column) => column.field !== "id");
    inputs.set(model.name, {
      where: inputType(model.names.where, [
        ...model.columns.map((column) => {
          const filter = filterOf(column.kind);
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
      create: inputType(
        model.names.createInput,
        // A key with a default may be left out, as in Django's `Model.objects.create()`.
        writable.map((column) => ({
          ...columnInput(column),
          nullable: column.nullable || column.relation?.keyDefault !== undefined,
        })),
      ),
      update: inputType(
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

function columnInput(column: ColumnInfo): FieldSpec {
  return { name: column.field, type: scalarTypes[column.kind], description: columnDescription(column) };
}

function columnDescription(column: ColumnInfo): string | undefined {
  if (column.relation)
    return `The id of the ${column.relation.target.name} this row points to (\`${column.relation.field}\`).`;
  if (column.maxLength) return `At most ${column.maxLength} characters${column.unique ? ", unique" : ""}.`;
  return undefined;
}
