import type { Relation } from "typeorm";
import { CharField, Model, OneToOneField } from "../fields.js";
import { Person } from "./person.js";

@Model()
export class Passport {
  @CharField(20) passportNumber!: string;
  @OneToOneField(() => Person, { onDelete: "CASCADE" }) person!: Relation<Person>;
}
