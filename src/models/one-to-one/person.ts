import { CharField, Model } from "../fields.js";

/** The one-to-one example: a person has at most one passport (`person.passport`). */
@Model()
export class Person {
  @CharField(100) name!: string;
}
