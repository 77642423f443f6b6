import { CharField, Model } from "../fields.js";

/** The many-to-one example, read from the book's side: many books have one author. */
@Model()
export class Author {
  @CharField(100) name!: string;
}
