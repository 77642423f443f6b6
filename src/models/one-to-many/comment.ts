import type { Relation } from "typeorm";
import { CharField, ForeignKey, Model } from "../fields.js";
import { Article } from "./article.js";

@Model()
export class Comment {
  @CharField(1000) text!: string;
  @ForeignKey(() => Article, { onDelete: "CASCADE" }) article!: Relation<Article>;
}
