import { CharField, Model } from "../fields.js";

@Model()
export class Customer {
  @CharField(100) name!: string;
}
