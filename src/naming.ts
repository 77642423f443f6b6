/**
 * Every name the playground derives, in one place: SQL tables and columns as Django names
 * them, and the GraphQL fields, arguments and types of the API contract. The rest of the code
 * asks this module for a name instead of building one.
 */
import { DefaultNamingStrategy, type NamingStrategyInterface } from "typeorm";

/** `RegistrationCertificate` -> `registration_certificate`, `passportNumber` -> `passport_number`. */
export function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

/** `RegistrationCertificate` -> `registrationCertificate`. */
export function camelCase(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** `students` -> `Students`, `courseSet` -> `CourseSet`. */
export function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/**
 * Django's table and column names: `car.manufacturer_id`, `course_students(course_id,
 * student_id)`, so that traces and the `sqlite3` shell read like Django's SQL.
 */
export class DjangoNamingStrategy extends DefaultNamingStrategy implements NamingStrategyInterface {
  override tableName(targetName: string, userSpecifiedName: string | undefined): string {
    return userSpecifiedName ?? snakeCase(targetName);
  }

  override columnName(propertyName: string, customName: string | undefined, prefixes: string[]): string {
    return customName ?? snakeCase([...prefixes, propertyName].join("_"));
  }

  override joinColumnName(relationName: string, referencedColumnName: string): string {
    return `${snakeCase(relationName)}_${referencedColumnName}`;
  }

  override joinTableName(firstTableName: string, _secondTableName: string, firstPropertyName: string): string {
    return `${firstTableName}_${snakeCase(firstPropertyName)}`;
  }

  override joinTableColumnName(tableName: string, _propertyName: string, columnName?: string): string {
    return `${tableName}_${columnName ?? "id"}`;
  }
}

/** Django's reverse accessor: `related_name` when given, else `<model>_set` (`carSet`). */
export function reverseManyName(sourceModel: string, relatedName?: string): string {
  return relatedName ?? `${camelCase(sourceModel)}Set`;
}

/** Django's reverse one-to-one accessor: the model name (`person.passport`). */
export function reverseOneName(sourceModel: string, relatedName?: string): string {
  return relatedName ?? camelCase(sourceModel);
}

/** The input field that carries a foreign key: `manufacturer` -> `manufacturerId`. */
export function foreignKeyIdField(relationField: string): string {
  return `${relationField}Id`;
}

/** A list field's sibling count field: `carSet` -> `carSetCount`. */
export function countField(listField: string): string {
  return `${listField}Count`;
}

/** A list field's sibling Relay connection field: `carSet` -> `carSetConnection`. */
export function connectionField(listField: string): string {
  return `${listField}Connection`;
}

/** Plurals that no English spelling rule makes, from the API contract's list. */
const irregularPlurals: Record<string, string> = {
  person: "people",
  child: "children",
};

/** `category` -> `categories`, `address` -> `addresses`, `person` -> `people`. */
export function pluralName(model: string): string {
  const singular = camelCase(model);
  const irregular = irregularPlurals[singular];
  if (irregular) return irregular;
  if (/[^aeiou]y$/.test(singular)) return `${singular.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/.test(singular)) return `${singular}es`;
  return `${singular}s`;
}

/** Django's `verbose_name_plural` as a root list name: `"registration certificates"` -> `registrationCertificates`. */
export function pluralFromVerboseName(verboseNamePlural: string): string {
  const words = verboseNamePlural.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words
    .map((word, index) => (index === 0 ? word.charAt(0).toLowerCase() + word.slice(1) : pascalCase(word)))
    .join("");
}

/** A Django field name as the API spells it: `passport_number` -> `passportNumber`. */
export function fieldName(djangoName: string): string {
  return djangoName.replace(/(?<=.)_+([A-Za-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** Django's default table: the model name in snake_case (`registration_certificate`). */
export function defaultTableName(model: string): string {
  return snakeCase(model);
}

/** The column that holds a foreign key: `manufacturer` -> `manufacturer_id`. */
export function foreignKeyColumn(djangoField: string): string {
  return `${djangoField}_id`;
}

/**
 * A many-to-many field's own join table, `<table>_<field>` (`course_students`), and its columns:
 * `<model>_id` for each side, or Django's `from_<model>_id` and `to_<model>_id` when a model
 * links to itself.
 */
export function joinTable(sourceModel: string, sourceTable: string, djangoField: string, targetModel: string) {
  const source = snakeCase(sourceModel);
  const target = snakeCase(targetModel);
  const self = sourceModel === targetModel;
  return {
    table: `${sourceTable}_${djangoField}`,
    sourceColumn: self ? `from_${source}_id` : `${source}_id`,
    targetColumn: self ? `to_${target}_id` : `${target}_id`,
  };
}

/** The GraphQL names of one model's root fields and input types. */
export interface ModelNames {
  one: string;
  list: string;
  count: string;
  create: string;
  update: string;
  remove: string;
  createInput: string;
  updateInput: string;
  where: string;
  orderBy: string;
  /** The root connection field, `carsConnection`, and its types `CarConnection` and `CarEdge`. */
  connection: string;
  connectionType: string;
  edgeType: string;
}

/** `plural` is the root list's name when the model gives one (`Meta.verbose_name_plural`). */
export function modelNames(model: string, plural?: string): ModelNames {
  const list = plural ?? pluralName(model);
  return {
    one: camelCase(model),
    list,
    count: countField(list),
    create: `create${model}`,
    update: `update${model}`,
    remove: `delete${model}`,
    createInput: `Create${model}Input`,
    updateInput: `Update${model}Input`,
    where: `${model}Where`,
    orderBy: `${model}OrderBy`,
    connection: connectionField(list),
    connectionType: `${model}Connection`,
    edgeType: `${model}Edge`,
  };
}

export type LinkAction = "add" | "remove" | "set" | "clear";
export const linkActions: readonly LinkAction[] = ["add", "remove", "set", "clear"];

/** `addCourseStudents`, `clearStudentCourseSet`: a many-to-many link mutation. */
export function linkMutationName(action: LinkAction, model: string, relationField: string): string {
  return `${action}${model}${pascalCase(relationField)}`;
}

/** The argument naming the row whose links change: `courseId`. */
export function linkOwnerArg(model: string): string {
  return `${camelCase(model)}Id`;
}

/**
 * How Django's `delete()` labels deleted link rows: the model that declares the
 * many-to-many field, then the field (`Course_students`).
 */
export function linkTableLabel(ownerModel: string, ownerField: string): string {
  return `${ownerModel}_${ownerField}`;
}

/** A per-request loader's name, as it shows in errors and traces: `Manufacturer.carSet`. */
export function loaderName(model: string, field: string): string {
  return `${model}.${field}`;
}

/** Shared filter inputs, one per scalar kind. */
export const filterInputNames = {
  string: "StringFilter",
  int: "IntFilter",
  bigint: "BigIntFilter",
  float: "FloatFilter",
  decimal: "DecimalFilter",
  boolean: "BooleanFilter",
  id: "IDFilter",
  date: "DateFilter",
  datetime: "DateTimeFilter",
  time: "TimeFilter",
  duration: "DurationFilter",
  uuid: "UUIDFilter",
} as const;

/** The enum of a field's `choices`: `Shirt.size` -> `ShirtSizeChoice`. */
export function choicesEnumName(model: string, field: string): string {
  return `${model}${pascalCase(field)}Choice`;
}

/** The filter on a `choices` field: `ShirtSizeChoiceFilter`. */
export function choicesFilterName(enumName: string): string {
  return `${enumName}Filter`;
}

/**
 * A stored choice as a GraphQL enum value: the value itself where it is a GraphQL name (`draft`,
 * `S`), else `_` and the value with every other character as `_` (`1` -> `_1`, `in-progress` ->
 * `_in_progress`).
 */
export function choiceValueName(value: string | number): string {
  const text = String(value);
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(text) && !["true", "false", "null"].includes(text)) return text;
  return `_${text.replace(/[^A-Za-z0-9_]/g, "_")}`;
}

export const sortOrderName = "SortOrder";

/** The `{ some, every, none }` filter on a list relation to `model`. */
export function listFilterName(model: string): string {
  return `${model}ListFilter`;
}

/** Relay's names: the interface every model type implements, its id field, and the root field that fetches one. */
export const relayNames = {
  nodeInterface: "Node",
  nodeId: "nodeId",
  nodeField: "node",
  pageInfo: "PageInfo",
} as const;

/**
 * A row's name across the whole schema, Relay's global id: `Student:1` in base64 (`U3R1ZGVudDox`),
 * so that Student 1 and Course 1 are two records in a client's store. Opaque to clients; the
 * model part is the GraphQL type name.
 */
export function nodeId(model: string, id: number | string): string {
  return Buffer.from(`${model}:${id}`).toString("base64");
}

/**
 * The type name and id text a `nodeId` was made from, or undefined for text that `nodeId` does
 * not make (base64 is checked by encoding back, so the same row has one nodeId only).
 */
export function parseNodeId(value: string): { model: string; id: string } | undefined {
  const decoded = Buffer.from(value, "base64").toString();
  const parts = /^([A-Za-z_][A-Za-z0-9_]*):(-?[0-9]+)$/.exec(decoded);
  if (!parts || Buffer.from(decoded).toString("base64") !== value) return undefined;
  return { model: parts[1]!, id: parts[2]! };
}
