import type { Relation } from "typeorm";
import { CharField, ManyToManyField, Model } from "../fields.js";
import { Student } from "./student.js";

/** The many-to-many example: `course.students.add(alice, bob)`. */
@Model()
export class Course {
  @CharField(100) name!: string;
  @ManyToManyField(() => Student) students!: Relation<Student[]>;
}
