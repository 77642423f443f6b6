import { CharField, Model } from "../fields.js";

@Model()
export class Company {
  @CharField(100) name!: string;
}
