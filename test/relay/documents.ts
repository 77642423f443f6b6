/**
 * The documents a Relay app would write beside its components, read by relay-compiler
 * (`relay.config.json`) into `__generated__/`, which the test imports. Never imported itself:
 * without Relay's Babel plugin a `graphql` tag throws when it runs.
 */
/* eslint-disable @typescript-eslint/no-unused-expressions -- the tags are read, never run */
import { graphql } from "relay-runtime";

graphql`
  query documentsStudentAndCourseQuery {
    student(id: "1") {
      nodeId
      name
    }
    course(id: "1") {
      nodeId
      name
      ...documentsCourseStudents_course
    }
  }
`;

graphql`
  query documentsStudentQuery {
    student(id: "1") {
      ...documentsStudent_student
    }
  }
`;

graphql`
  fragment documentsStudent_student on Student @refetchable(queryName: "documentsStudentRefetchQuery") {
    name
    courseSetCount
  }
`;

graphql`
  fragment documentsCourseStudents_course on Course
  @argumentDefinitions(count: { type: "Int", defaultValue: 1 }, cursor: { type: "String" })
  @refetchable(queryName: "documentsCourseStudentsPaginationQuery") {
    studentsConnection(first: $count, after: $cursor) @connection(key: "documentsCourseStudents_studentsConnection") {
      edges {
        node {
          name
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
