import { CharField, Model } from "../fields.js";

@Model()
export class Group {
  @CharField(150, { unique: true }) name!: string;
}
