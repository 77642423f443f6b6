import { CharField, Model } from "../fields.js";

@Model()
export class Category {
  @CharField(100) name!: string;
}
