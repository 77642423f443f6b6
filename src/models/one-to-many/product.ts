import type { Relation } from "typeorm";
import { CharField, ForeignKey, Model } from "../fields.js";
import { Supplier } from "../many-to-one/supplier.js";
import { Category } from "./category.js";

/** Belongs to a category (deleted with it) and maybe a supplier (kept, unlinked, when it goes). */
@Model()
export class Product {
  @CharField(100) name!: string;
  @ForeignKey(() => Category, { onDelete: "CASCADE" }) category!: Relation<Category>;
  @ForeignKey(() => Supplier, { onDelete: "SET_NULL", null: true }) supplier!: Relation<Supplier> | null;
}
