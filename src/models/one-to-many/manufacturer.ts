import { CharField, Model } from "../fields.js";

/** The one-to-many example: a manufacturer makes many cars (`manufacturer.carSet`). */
@Model()
export class Manufacturer {
  @CharField(100) name!: string;
}
