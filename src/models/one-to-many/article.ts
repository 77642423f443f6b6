import type { Relation } from "typeorm";
import { Tag } from "../many-to-many/tag.js";
import { CharField, ManyToManyField, Model } from "../fields.js";

/** Has many comments (one-to-many) and many tags (many-to-many). */
@Model()
export class Article {
  @CharField(100) headline!: string;
  @ManyToManyField(() => Tag) tags!: Relation<Tag[]>;
}
