/**
 * Schema descriptions that show each relation as Django declares and reads it, so that a
 * person exploring in Apollo Sandbox sees the `models.py` line behind every field.
 */
import { forwardSide, type RelationInfo } from "../catalog.js";
import { reverseManyName, reverseOneName, snakeCase, type LinkAction } from "../naming.js";

function declaration(forward: RelationInfo): string {
  const reverse = forward.inverse;
  const isOneToOne = reverse.kind === "reverseOne";
  const isSelf = forward.target === forward.model;
  const defaultName = isOneToOne ? reverseOneName(forward.model.name) : reverseManyName(forward.model.name);
  const options = forward.kind === "manyToMany" ? [] : [`on_delete=models.${forward.onDelete}`];
  if (forward.keyColumn?.nullable) options.push("null=True");
  if (forward.keyColumn?.column === forward.model.primaryKey.column) options.push("primary_key=True");
  if (forward.keyDefault !== undefined) options.push(`default=${forward.keyDefault ?? "None"}`);
  if (forward.kind === "toOne" && forward.referencedColumn !== forward.target.primaryKey) {
    options.push(`to_field="${snakeCase(forward.referencedColumn.field)}"`);
  }
  if (forward.join?.through) options.push(`through="${forward.join.through.name}"`);
  if (isSelf && forward.kind === "manyToMany" && !forward.join!.symmetrical) options.push("symmetrical=False");
  if (reverse !== forward && reverse.field !== defaultName) options.push(`related_name="${reverse.field}"`);
  const kind = forward.kind === "manyToMany" ? "ManyToManyField" : isOneToOne ? "OneToOneField" : "ForeignKey";
  return `${forward.field} = models.${kind}(${[isSelf ? '"self"' : forward.target.name, ...options].join(", ")})`;
}

function described(call: string, relation: RelationInfo): string {
  const forward = forwardSide(relation);
  return `Django: \`${snakeCase(relation.model.name)}.${snakeCase(relation.field)}${call}\`, from \`${forward.model.name}.${declaration(forward)}\`.`;
}

/** "Django: `car.manufacturer`, from `Car.manufacturer = models.ForeignKey(...)`." */
export function djangoAccessor(relation: RelationInfo): string {
  return described(relation.isList ? ".all()" : "", relation);
}

/** "Django: `course.students.add(*ids)`, from ...": a many-to-many related manager call. */
export function djangoLinkCall(action: LinkAction, relation: RelationInfo): string {
  return described(`.${action}(${action === "clear" ? "" : action === "set" ? "ids" : "*ids"})`, relation);
}
