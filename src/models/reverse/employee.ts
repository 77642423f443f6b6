import type { Relation } from "typeorm";
import { CharField, ForeignKey, Model } from "../fields.js";
import { Company } from "./company.js";

@Model()
export class Employee {
  @CharField(100) name!: string;
  @ForeignKey(() => Company, { onDelete: "CASCADE", relatedName: "employees" }) company!: Relation<Company>;
}
