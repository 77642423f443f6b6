import type { Relation } from "typeorm";
import { School } from "../reverse/school.js";
import { CharField, ForeignKey, Model } from "../fields.js";

/** Takes courses (`student.courseSet`, many-to-many) and may attend a school (`school.students`). */
@Model()
export class Student {
  @CharField(100) name!: string;
  @ForeignKey(() => School, { onDelete: "SET_NULL", null: true, relatedName: "students" })
  school!: Relation<School> | null;
}
