import { CharField, Model } from "../fields.js";

@Model()
export class Tag {
  @CharField(50, { unique: true }) name!: string;
}
