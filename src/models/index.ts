/**
 * The registry: every model the playground serves, in the order of the seed document's
 * sections. Adding a model is one file and one line here.
 */
import { defineModels } from "./fields.js";
import { Author } from "./many-to-one/author.js";
import { Book } from "./many-to-one/book.js";
import { Customer } from "./many-to-one/customer.js";
import { Order } from "./many-to-one/order.js";
import { Supplier } from "./many-to-one/supplier.js";
import { Course } from "./many-to-many/course.js";
import { Group } from "./many-to-many/group.js";
import { Student } from "./many-to-many/student.js";
import { Tag } from "./many-to-many/tag.js";
import { Article } from "./one-to-many/article.js";
import { Car } from "./one-to-many/car.js";
import { Category } from "./one-to-many/category.js";
import { Comment } from "./one-to-many/comment.js";
import { Manufacturer } from "./one-to-many/manufacturer.js";
import { Product } from "./one-to-many/product.js";
import { Passport } from "./one-to-one/passport.js";
import { Person } from "./one-to-one/person.js";
import { Profile } from "./one-to-one/profile.js";
import { RegistrationCertificate } from "./one-to-one/registration-certificate.js";
import { User } from "./one-to-one/user.js";
import { Child } from "./reverse/child.js";
import { Company } from "./reverse/company.js";
import { Employee } from "./reverse/employee.js";
import { Parent } from "./reverse/parent.js";
import { School } from "./reverse/school.js";

export const models = defineModels([
  // One-to-one
  Person,
  Passport,
  User,
  Profile,
  RegistrationCertificate,
  // One-to-many
  Manufacturer,
  Car,
  Category,
  Product,
  Article,
  Comment,
  // Many-to-many
  Student,
  Course,
  Tag,
  Group,
  // Many-to-one
  Author,
  Book,
  Customer,
  Order,
  Supplier,
  // Reverse relations
  Parent,
  Child,
  Company,
  Employee,
  School,
] as const);
