/**
 * The models as an entity-relationship diagram, derived from the catalog: one entity per table
 * (join tables included), one line per relation naming its field on both sides. It is written
 * as Mermaid's `erDiagram` into the README, where GitHub draws it, and the IDE page lays out
 * the same entities and relations as HTML, since drawing Mermaid there would need a renderer
 * that is not installed.
 */
import { forwardSide, type Catalog, type ColumnInfo, type RelationInfo } from "./catalog.js";
import { camelCase } from "./naming.js";

export interface DiagramAttribute {
  type:
    "int" | "bigint" | "float" | "decimal" | "bool" | "varchar" | "date" | "datetime" | "time" | "duration" | "uuid";
  /** The column, as the SQL names it. */
  name: string;
  keys: Array<"PK" | "FK" | "UK">;
  /** Django's options that the type does not show: `max_length=100`, `on_delete=CASCADE`. */
  note: string;
}

export interface DiagramEntity {
  /** The model's name, or a join table's name. */
  name: string;
  isJoinTable: boolean;
  attributes: DiagramAttribute[];
}

/** A line from the entity that is pointed at (`one`) to the one holding the key (`many`). */
export interface DiagramLink {
  one: string;
  many: string;
  /** The key may be null: a row of `many` need not point at any `one`. */
  oneIsOptional: boolean;
  /** The key is unique: a `one` has at most one `many` (a one-to-one field). */
  manyIsSingle: boolean;
  label: string;
}

export interface Diagram {
  entities: DiagramEntity[];
  links: DiagramLink[];
}

export function modelsDiagram(catalog: Catalog): Diagram {
  const entities: DiagramEntity[] = catalog.models.map((model) => ({
    name: model.name,
    isJoinTable: false,
    attributes: model.columns.map(attribute),
  }));
  const links: DiagramLink[] = [];
  for (const relation of catalog.models.flatMap((model) => model.relations)) {
    // A through= model is an entity of its own, linked by its two foreign keys.
    if (forwardSide(relation) !== relation || relation.join?.through) continue;
    if (relation.join) {
      const { table, sourceColumn, targetColumn } = relation.join;
      const linkKey = (name: string): DiagramAttribute => ({ type: "int", name, keys: ["PK", "FK"], note: "" });
      entities.push({ name: table, isJoinTable: true, attributes: [linkKey(sourceColumn), linkKey(targetColumn)] });
      const sides = [
        [relation, "ManyToManyField"],
        [relation.inverse, `reverse of ${accessor(relation)}`],
      ] as const;
      for (const [side, kind] of sides) {
        links.push({
          one: side.model.name,
          many: table,
          oneIsOptional: false,
          manyIsSingle: false,
          label: `${accessor(side)} (${kind})`,
        });
      }
      continue;
    }
    const isOneToOne = relation.inverse.kind === "reverseOne";
    links.push({
      one: relation.target.name,
      many: relation.model.name,
      oneIsOptional: relation.keyColumn!.nullable,
      manyIsSingle: isOneToOne,
      label: `${accessor(relation)} / ${accessor(relation.inverse)} (${isOneToOne ? "OneToOneField" : "ForeignKey"}, ${relation.onDelete})`,
    });
  }
  return { entities, links };
}

/** `car.manufacturer`, `manufacturer.carSet`: a relation as a query reads it. */
function accessor(relation: RelationInfo): string {
  return `${camelCase(relation.model.name)}.${relation.field}`;
}

const diagramTypes: Record<ColumnInfo["kind"], DiagramAttribute["type"]> = {
  id: "int",
  int: "int",
  bigint: "bigint",
  float: "float",
  decimal: "decimal",
  boolean: "bool",
  string: "varchar",
  date: "date",
  datetime: "datetime",
  time: "time",
  duration: "duration",
  uuid: "uuid",
};

function attribute(column: ColumnInfo): DiagramAttribute {
  const keys: DiagramAttribute["keys"] = [];
  if (column.field === "id") keys.push("PK");
  if (column.relation) keys.push("FK");
  if (column.unique && column.field !== "id") keys.push("UK");
  const options: string[] = [];
  if (column.maxLength !== undefined) options.push(`max_length=${column.maxLength}`);
  if (column.nullable) options.push("null=True");
  if (column.relation) options.push(`on_delete=${column.relation.onDelete}`);
  const type = diagramTypes[column.kind];
  return { type, name: column.column, keys, note: options.join(", ") };
}

export function mermaidDiagram(diagram: Diagram): string {
  const lines = ["erDiagram"];
  for (const entity of diagram.entities) {
    lines.push(`  ${entity.name} {`);
    for (const { type, name, keys, note } of entity.attributes) {
      const parts = [type, name];
      if (keys.length > 0) parts.push(keys.join(", "));
      if (note) parts.push(`"${note}"`);
      lines.push(`    ${parts.join(" ")}`);
    }
    lines.push("  }");
  }
  for (const link of diagram.links) {
    const cardinality = `${link.oneIsOptional ? "|o" : "||"}--${link.manyIsSingle ? "o|" : "o{"}`;
    lines.push(`  ${link.one} ${cardinality} ${link.many} : "${link.label}"`);
  }
  return lines.join("\n");
}

const blockStart = "<!-- models-diagram:start (written by npm run diagram) -->";
const blockEnd = "<!-- models-diagram:end -->";

/** The README with its diagram block replaced by `mermaid`; an error if the markers are missing. */
export function readmeWithDiagram(readme: string, mermaid: string): string {
  const start = readme.indexOf(blockStart);
  const end = readme.indexOf(blockEnd);
  if (start < 0 || end < start) throw new Error(`README.md has no "${blockStart}" ... "${blockEnd}" block`);
  const block = `${blockStart}\n\n\`\`\`mermaid\n${mermaid}\n\`\`\`\n\n`;
  return readme.slice(0, start) + block + readme.slice(end);
}
