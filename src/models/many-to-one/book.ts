import type { Relation } from "typeorm";
import { CharField, ForeignKey, Model } from "../fields.js";
import { Author } from "./author.js";

@Model()
export class Book {
  @CharField(100) title!: string;
  @ForeignKey(() => Author, { onDelete: "CASCADE" }) author!: Relation<Author>;
}
