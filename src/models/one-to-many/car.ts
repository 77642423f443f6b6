import type { Relation } from "typeorm";
import { CharField, ForeignKey, Model } from "../fields.js";
import { Manufacturer } from "./manufacturer.js";

@Model()
export class Car {
  @CharField(100) modelName!: string;
  @ForeignKey(() => Manufacturer, { onDelete: "CASCADE" }) manufacturer!: Relation<Manufacturer>;
}
