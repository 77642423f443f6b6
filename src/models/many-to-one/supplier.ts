import { CharField, Model } from "../fields.js";

@Model()
export class Supplier {
  @CharField(100) name!: string;
}
