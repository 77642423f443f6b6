import type { Relation } from "typeorm";
import { CharField, ManyToManyField, Model } from "../fields.js";
import { Group } from "../many-to-many/group.js";

/** A user has one profile (one-to-one) and belongs to groups (many-to-many). */
@Model()
export class User {
  @CharField(150, { unique: true }) username!: string;
  @ManyToManyField(() => Group) groups!: Relation<Group[]>;
}
