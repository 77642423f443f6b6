import type { Relation } from "typeorm";
import { CharField, ForeignKey, Model } from "../fields.js";
import { Customer } from "./customer.js";

/** PROTECT: a customer cannot be deleted while an order refers to it. */
@Model()
export class Order {
  @CharField(20, { unique: true }) reference!: string;
  @ForeignKey(() => Customer, { onDelete: "PROTECT" }) customer!: Relation<Customer>;
}
