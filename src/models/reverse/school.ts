import { CharField, Model } from "../fields.js";

/** `school.students` is the reverse of `Student.school` (`related_name="students"`). */
@Model()
export class School {
  @CharField(100) name!: string;
}
