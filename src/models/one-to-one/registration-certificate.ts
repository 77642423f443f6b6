import type { Relation } from "typeorm";
import { Car } from "../one-to-many/car.js";
import { CharField, DateField, Model, OneToOneField } from "../fields.js";

@Model()
export class RegistrationCertificate {
  @CharField(20, { unique: true }) number!: string;
  @DateField() issuedOn!: string;
  @OneToOneField(() => Car, { onDelete: "CASCADE" }) car!: Relation<Car>;
}
