import { CharField, Model } from "../fields.js";

/** The reverse-relation example: `related_name="children"` names `parent.children`. */
@Model()
export class Parent {
  @CharField(100) name!: string;
}
