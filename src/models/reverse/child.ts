import type { Relation } from "typeorm";
import { CharField, ForeignKey, Model } from "../fields.js";
import { Parent } from "./parent.js";

@Model()
export class Child {
  @CharField(100) name!: string;
  @ForeignKey(() => Parent, { onDelete: "CASCADE", relatedName: "children" }) parent!: Relation<Parent>;
}
