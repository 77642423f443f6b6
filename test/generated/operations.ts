/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AuthorWhere = {
  AND?: Array<AuthorWhere> | null | undefined;
  NOT?: AuthorWhere | null | undefined;
  OR?: Array<AuthorWhere> | null | undefined;
  bookSet?: BookListFilter | null | undefined;
  id?: IdFilter | null | undefined;
  name?: StringFilter | null | undefined;
};

/** Matches a parent by its related Book rows: at least one (`some`), all (`every`, true when there are none) or none of them. */
export type BookListFilter = {
  every?: BookWhere | null | undefined;
  none?: BookWhere | null | undefined;
  some?: BookWhere | null | undefined;
};

export type BookWhere = {
  AND?: Array<BookWhere> | null | undefined;
  NOT?: BookWhere | null | undefined;
  OR?: Array<BookWhere> | null | undefined;
  author?: AuthorWhere | null | undefined;
  authorId?: IdFilter | null | undefined;
  id?: IdFilter | null | undefined;
  title?: StringFilter | null | undefined;
};

/** Matches a parent by its related Car rows: at least one (`some`), all (`every`, true when there are none) or none of them. */
export type CarListFilter = {
  every?: CarWhere | null | undefined;
  none?: CarWhere | null | undefined;
  some?: CarWhere | null | undefined;
};

/** One sort key: exactly one field per entry. */
export type CarOrderBy = {
  id?: SortOrder | null | undefined;
  manufacturerId?: SortOrder | null | undefined;
  modelName?: SortOrder | null | undefined;
};

export type CarWhere = {
  AND?: Array<CarWhere> | null | undefined;
  NOT?: CarWhere | null | undefined;
  OR?: Array<CarWhere> | null | undefined;
  id?: IdFilter | null | undefined;
  manufacturer?: ManufacturerWhere | null | undefined;
  manufacturerId?: IdFilter | null | undefined;
  modelName?: StringFilter | null | undefined;
  registrationCertificate?: RegistrationCertificateWhere | null | undefined;
};

/** Matches a parent by its related Course rows: at least one (`some`), all (`every`, true when there are none) or none of them. */
export type CourseListFilter = {
  every?: CourseWhere | null | undefined;
  none?: CourseWhere | null | undefined;
  some?: CourseWhere | null | undefined;
};

export type CourseWhere = {
  AND?: Array<CourseWhere> | null | undefined;
  NOT?: CourseWhere | null | undefined;
  OR?: Array<CourseWhere> | null | undefined;
  id?: IdFilter | null | undefined;
  name?: StringFilter | null | undefined;
  students?: StudentListFilter | null | undefined;
};

export type CreateAuthorInput = {
  /** At most 100 characters. */
  name: string;
};

export type CreateBookInput = {
  /** The id of the Author this row points to (`author`). */
  authorId: string;
  /** At most 100 characters. */
  title: string;
};

export type CreateCarInput = {
  /** The id of the Manufacturer this row points to (`manufacturer`). */
  manufacturerId: string;
  /** At most 100 characters. */
  modelName: string;
};

export type CreateManufacturerInput = {
  /** At most 100 characters. */
  name: string;
};

export type CreateProfileInput = {
  /** At most 255 characters. */
  address: string;
  dateOfBirth?: string | null | undefined;
  /** The id of the User this row points to (`user`). */
  userId: string;
};

export type CreateUserInput = {
  /** At most 150 characters, unique. */
  username: string;
};

export type DateFilter = {
  eq?: string | null | undefined;
  gt?: string | null | undefined;
  gte?: string | null | undefined;
  in?: Array<string> | null | undefined;
  isNull?: boolean | null | undefined;
  lt?: string | null | undefined;
  lte?: string | null | undefined;
  ne?: string | null | undefined;
  notIn?: Array<string> | null | undefined;
};

/** Matches a parent by its related Group rows: at least one (`some`), all (`every`, true when there are none) or none of them. */
export type GroupListFilter = {
  every?: GroupWhere | null | undefined;
  none?: GroupWhere | null | undefined;
  some?: GroupWhere | null | undefined;
};

export type GroupWhere = {
  AND?: Array<GroupWhere> | null | undefined;
  NOT?: GroupWhere | null | undefined;
  OR?: Array<GroupWhere> | null | undefined;
  id?: IdFilter | null | undefined;
  name?: StringFilter | null | undefined;
  userSet?: UserListFilter | null | undefined;
};

export type IdFilter = {
  eq?: string | null | undefined;
  in?: Array<string> | null | undefined;
  isNull?: boolean | null | undefined;
  ne?: string | null | undefined;
  notIn?: Array<string> | null | undefined;
};

export type ManufacturerWhere = {
  AND?: Array<ManufacturerWhere> | null | undefined;
  NOT?: ManufacturerWhere | null | undefined;
  OR?: Array<ManufacturerWhere> | null | undefined;
  carSet?: CarListFilter | null | undefined;
  id?: IdFilter | null | undefined;
  name?: StringFilter | null | undefined;
};

export type ProfileWhere = {
  AND?: Array<ProfileWhere> | null | undefined;
  NOT?: ProfileWhere | null | undefined;
  OR?: Array<ProfileWhere> | null | undefined;
  address?: StringFilter | null | undefined;
  dateOfBirth?: DateFilter | null | undefined;
  id?: IdFilter | null | undefined;
  user?: UserWhere | null | undefined;
  userId?: IdFilter | null | undefined;
};

export type RegistrationCertificateWhere = {
  AND?: Array<RegistrationCertificateWhere> | null | undefined;
  NOT?: RegistrationCertificateWhere | null | undefined;
  OR?: Array<RegistrationCertificateWhere> | null | undefined;
  car?: CarWhere | null | undefined;
  carId?: IdFilter | null | undefined;
  id?: IdFilter | null | undefined;
  issuedOn?: DateFilter | null | undefined;
  number?: StringFilter | null | undefined;
};

export type SchoolWhere = {
  AND?: Array<SchoolWhere> | null | undefined;
  NOT?: SchoolWhere | null | undefined;
  OR?: Array<SchoolWhere> | null | undefined;
  id?: IdFilter | null | undefined;
  name?: StringFilter | null | undefined;
  students?: StudentListFilter | null | undefined;
};

/** Ascending (`ASC`) or descending (`DESC`). */
export type SortOrder =
  | 'ASC'
  | 'DESC';

export type StringFilter = {
  contains?: string | null | undefined;
  endsWith?: string | null | undefined;
  eq?: string | null | undefined;
  gt?: string | null | undefined;
  gte?: string | null | undefined;
  in?: Array<string> | null | undefined;
  isNull?: boolean | null | undefined;
  lt?: string | null | undefined;
  lte?: string | null | undefined;
  ne?: string | null | undefined;
  notIn?: Array<string> | null | undefined;
  startsWith?: string | null | undefined;
};

/** Matches a parent by its related Student rows: at least one (`some`), all (`every`, true when there are none) or none of them. */
export type StudentListFilter = {
  every?: StudentWhere | null | undefined;
  none?: StudentWhere | null | undefined;
  some?: StudentWhere | null | undefined;
};

export type StudentWhere = {
  AND?: Array<StudentWhere> | null | undefined;
  NOT?: StudentWhere | null | undefined;
  OR?: Array<StudentWhere> | null | undefined;
  courseSet?: CourseListFilter | null | undefined;
  id?: IdFilter | null | undefined;
  name?: StringFilter | null | undefined;
  school?: SchoolWhere | null | undefined;
  schoolId?: IdFilter | null | undefined;
};

/** Matches a parent by its related User rows: at least one (`some`), all (`every`, true when there are none) or none of them. */
export type UserListFilter = {
  every?: UserWhere | null | undefined;
  none?: UserWhere | null | undefined;
  some?: UserWhere | null | undefined;
};

export type UserWhere = {
  AND?: Array<UserWhere> | null | undefined;
  NOT?: UserWhere | null | undefined;
  OR?: Array<UserWhere> | null | undefined;
  groups?: GroupListFilter | null | undefined;
  id?: IdFilter | null | undefined;
  profile?: ProfileWhere | null | undefined;
  username?: StringFilter | null | undefined;
};

export type FilterCarsQueryVariables = Exact<{
  where?: CarWhere | null | undefined;
  orderBy?: Array<CarOrderBy> | CarOrderBy | null | undefined;
  limit?: number | null | undefined;
  offset?: number | null | undefined;
}>;


export type FilterCarsQuery = { carsCount: number, cars: Array<{ id: string, modelName: string }> };

export type AllCarsQueryVariables = Exact<{ [key: string]: never; }>;


export type AllCarsQuery = { cars: Array<{ id: string, modelName: string, manufacturer: { id: string, name: string }, registrationCertificate: { number: string } | null }> };

export type FilterManufacturersQueryVariables = Exact<{
  where?: ManufacturerWhere | null | undefined;
}>;


export type FilterManufacturersQuery = { manufacturers: Array<{ id: string }> };

export type AllManufacturersQueryVariables = Exact<{ [key: string]: never; }>;


export type AllManufacturersQuery = { manufacturers: Array<{ id: string, name: string, carSet: Array<{ id: string, modelName: string, registrationCertificate: { number: string } | null }> }> };

export type FilterStudentsQueryVariables = Exact<{
  where?: StudentWhere | null | undefined;
}>;


export type FilterStudentsQuery = { students: Array<{ id: string }> };

export type AllStudentsQueryVariables = Exact<{ [key: string]: never; }>;


export type AllStudentsQuery = { students: Array<{ id: string, name: string, courseSet: Array<{ id: string, name: string }> }> };

export type FilterProfilesQueryVariables = Exact<{
  where?: ProfileWhere | null | undefined;
}>;


export type FilterProfilesQuery = { profiles: Array<{ id: string }> };

export type AllProfilesQueryVariables = Exact<{ [key: string]: never; }>;


export type AllProfilesQuery = { profiles: Array<{ id: string, dateOfBirth: string | null }> };

export type AuthorsFirstBooksQueryVariables = Exact<{
  authorLimit?: number | null | undefined;
  bookLimit?: number | null | undefined;
  bookOffset?: number | null | undefined;
  bookWhere?: BookWhere | null | undefined;
}>;


export type AuthorsFirstBooksQuery = { authors: Array<{ id: string, bookSetCount: number, bookSet: Array<{ id: string, title: string, author: { id: string } }> }> };

export type CoursesFirstStudentsQueryVariables = Exact<{
  studentLimit?: number | null | undefined;
}>;


export type CoursesFirstStudentsQuery = { courses: Array<{ id: string, studentsCount: number, students: Array<{ id: string, name: string }> }> };

export type CreateAuthorMutationVariables = Exact<{
  input: CreateAuthorInput;
}>;


export type CreateAuthorMutation = { createAuthor: { id: string } };

export type CreateBookMutationVariables = Exact<{
  input: CreateBookInput;
}>;


export type CreateBookMutation = { createBook: { id: string } };

export type CreateProfileForFiltersMutationVariables = Exact<{
  input: CreateProfileInput;
}>;


export type CreateProfileForFiltersMutation = { createProfile: { id: string } };

export type CreateUserForFiltersMutationVariables = Exact<{
  input: CreateUserInput;
}>;


export type CreateUserForFiltersMutation = { createUser: { id: string } };

export type CreateManufacturerMutationVariables = Exact<{
  input: CreateManufacturerInput;
}>;


export type CreateManufacturerMutation = { createManufacturer: { id: string, name: string } };

export type CreateCarMutationVariables = Exact<{
  input: CreateCarInput;
}>;


export type CreateCarMutation = { createCar: { id: string, modelName: string, manufacturer: { id: string } } };

export type ManufacturersWithCarsQueryVariables = Exact<{
  limit?: number | null | undefined;
}>;


export type ManufacturersWithCarsQuery = { manufacturers: Array<{ name: string, carSet: Array<{ modelName: string, registrationCertificate: { number: string } | null, manufacturer: { name: string } }> }> };


export const FilterCarsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FilterCars"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"CarWhere"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}},"type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CarOrderBy"}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"offset"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cars"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"Variable","name":{"kind":"Name","value":"orderBy"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"offset"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"carsCount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}}]}]}}]} as unknown as DocumentNode<FilterCarsQuery, FilterCarsQueryVariables>;
export const AllCarsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AllCars"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cars"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelName"}},{"kind":"Field","name":{"kind":"Name","value":"manufacturer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"registrationCertificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]}}]} as unknown as DocumentNode<AllCarsQuery, AllCarsQueryVariables>;
export const FilterManufacturersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FilterManufacturers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ManufacturerWhere"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"manufacturers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<FilterManufacturersQuery, FilterManufacturersQueryVariables>;
export const AllManufacturersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AllManufacturers"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"manufacturers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"carSet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelName"}},{"kind":"Field","name":{"kind":"Name","value":"registrationCertificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AllManufacturersQuery, AllManufacturersQueryVariables>;
export const FilterStudentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FilterStudents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"StudentWhere"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"students"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<FilterStudentsQuery, FilterStudentsQueryVariables>;
export const AllStudentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AllStudents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"students"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"courseSet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]} as unknown as DocumentNode<AllStudentsQuery, AllStudentsQueryVariables>;
export const FilterProfilesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"FilterProfiles"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"where"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ProfileWhere"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"profiles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"where"}}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<FilterProfilesQuery, FilterProfilesQueryVariables>;
export const AllProfilesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AllProfiles"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"profiles"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"1000"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"dateOfBirth"}}]}}]}}]} as unknown as DocumentNode<AllProfilesQuery, AllProfilesQueryVariables>;
export const AuthorsFirstBooksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AuthorsFirstBooks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"authorLimit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bookLimit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bookOffset"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"bookWhere"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"BookWhere"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"authors"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"authorLimit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"bookSet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"title"},"value":{"kind":"EnumValue","value":"ASC"}}]}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bookLimit"}}},{"kind":"Argument","name":{"kind":"Name","value":"offset"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bookOffset"}}},{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bookWhere"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"bookSetCount"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"where"},"value":{"kind":"Variable","name":{"kind":"Name","value":"bookWhere"}}}]}]}}]}}]} as unknown as DocumentNode<AuthorsFirstBooksQuery, AuthorsFirstBooksQueryVariables>;
export const CoursesFirstStudentsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoursesFirstStudents"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"studentLimit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"courses"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"students"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"EnumValue","value":"DESC"}}]}]}},{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"studentLimit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"studentsCount"}}]}}]}}]} as unknown as DocumentNode<CoursesFirstStudentsQuery, CoursesFirstStudentsQueryVariables>;
export const CreateAuthorDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateAuthor"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAuthorInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAuthor"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateAuthorMutation, CreateAuthorMutationVariables>;
export const CreateBookDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateBook"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateBookInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createBook"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateBookMutation, CreateBookMutationVariables>;
export const CreateProfileForFiltersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateProfileForFilters"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateProfileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createProfile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateProfileForFiltersMutation, CreateProfileForFiltersMutationVariables>;
export const CreateUserForFiltersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateUserForFilters"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateUserInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createUser"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]} as unknown as DocumentNode<CreateUserForFiltersMutation, CreateUserForFiltersMutationVariables>;
export const CreateManufacturerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateManufacturer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateManufacturerInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createManufacturer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<CreateManufacturerMutation, CreateManufacturerMutationVariables>;
export const CreateCarDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateCar"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateCarInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createCar"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"modelName"}},{"kind":"Field","name":{"kind":"Name","value":"manufacturer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]} as unknown as DocumentNode<CreateCarMutation, CreateCarMutationVariables>;
export const ManufacturersWithCarsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ManufacturersWithCars"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"limit"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"manufacturers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"limit"},"value":{"kind":"Variable","name":{"kind":"Name","value":"limit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"carSet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelName"}},{"kind":"Field","name":{"kind":"Name","value":"registrationCertificate"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"manufacturer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ManufacturersWithCarsQuery, ManufacturersWithCarsQueryVariables>;