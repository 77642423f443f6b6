import type { Relation } from "typeorm";
import { CharField, DateField, Model, OneToOneField } from "../fields.js";
import { User } from "./user.js";

@Model()
export class Profile {
  @CharField(255) address!: string;
  @DateField({ null: true }) dateOfBirth!: string | null;
  @OneToOneField(() => User, { onDelete: "CASCADE" }) user!: Relation<User>;
}
