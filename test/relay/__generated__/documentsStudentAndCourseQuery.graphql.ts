/**
 * @generated SignedSource<<afcefd6e79da6822473d5b6b5ce39343>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
import { FragmentRefs } from "relay-runtime";
export type documentsStudentAndCourseQuery$variables = Record<PropertyKey, never>;
export type documentsStudentAndCourseQuery$data = {
  readonly course: {
    readonly name: string;
    readonly nodeId: string;
    readonly " $fragmentSpreads": FragmentRefs<"documentsCourseStudents_course">;
  } | null | undefined;
  readonly student: {
    readonly name: string;
    readonly nodeId: string;
  } | null | undefined;
};
export type documentsStudentAndCourseQuery = {
  response: documentsStudentAndCourseQuery$data;
  variables: documentsStudentAndCourseQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "kind": "Literal",
    "name": "id",
    "value": "1"
  }
],
v1 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "nodeId",
  "storageKey": null
},
v2 = {
  "alias": null,
  "args": null,
  "kind": "ScalarField",
  "name": "name",
  "storageKey": null
},
v3 = {
  "alias": null,
  "args": (v0/*:: as any*/),
  "concreteType": "Student",
  "kind": "LinkedField",
  "name": "student",
  "plural": false,
  "selections": [
    (v1/*:: as any*/),
    (v2/*:: as any*/)
  ],
  "storageKey": "student(id:\"1\")"
},
v4 = [
  {
    "kind": "Literal",
    "name": "first",
    "value": 1
  }
];
return {
  "fragment": {
    "argumentDefinitions": [],
    "kind": "Fragment",
    "metadata": null,
    "name": "documentsStudentAndCourseQuery",
    "selections": [
      (v3/*:: as any*/),
      {
        "alias": null,
        "args": (v0/*:: as any*/),
        "concreteType": "Course",
        "kind": "LinkedField",
        "name": "course",
        "plural": false,
        "selections": [
          (v1/*:: as any*/),
          (v2/*:: as any*/),
          {
            "args": null,
            "kind": "FragmentSpread",
            "name": "documentsCourseStudents_course"
          }
        ],
        "storageKey": "course(id:\"1\")"
      }
    ],
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": [],
    "kind": "Operation",
    "name": "documentsStudentAndCourseQuery",
    "selections": [
      (v3/*:: as any*/),
      {
        "alias": null,
        "args": (v0/*:: as any*/),
        "concreteType": "Course",
        "kind": "LinkedField",
        "name": "course",
        "plural": false,
        "selections": [
          (v1/*:: as any*/),
          (v2/*:: as any*/),
          {
            "alias": null,
            "args": (v4/*:: as any*/),
            "concreteType": "StudentConnection",
            "kind": "LinkedField",
            "name": "studentsConnection",
            "plural": false,
            "selections": [
              {
                "alias": null,
                "args": null,
                "concreteType": "StudentEdge",
                "kind": "LinkedField",
                "name": "edges",
                "plural": true,
                "selections": [
                  {
                    "alias": null,
                    "args": null,
                    "concreteType": "Student",
                    "kind": "LinkedField",
                    "name": "node",
                    "plural": false,
                    "selections": [
                      (v2/*:: as any*/),
                      (v1/*:: as any*/),
                      {
                        "alias": null,
                        "args": null,
                        "kind": "ScalarField",
                        "name": "__typename",
                        "storageKey": null
                      }
                    ],
                    "storageKey": null
                  },
                  {
                    "alias": null,
                    "args": null,
                    "kind": "ScalarField",
                    "name": "cursor",
                    "storageKey": null
                  }
                ],
                "storageKey": null
              },
              {
                "alias": null,
                "args": null,
                "concreteType": "PageInfo",
                "kind": "LinkedField",
                "name": "pageInfo",
                "plural": false,
                "selections": [
                  {
                    "alias": null,
                    "args": null,
                    "kind": "ScalarField",
                    "name": "hasNextPage",
                    "storageKey": null
                  },
                  {
                    "alias": null,
                    "args": null,
                    "kind": "ScalarField",
                    "name": "endCursor",
                    "storageKey": null
                  }
                ],
                "storageKey": null
              }
            ],
            "storageKey": "studentsConnection(first:1)"
          },
          {
            "alias": null,
            "args": (v4/*:: as any*/),
            "filters": null,
            "handle": "connection",
            "key": "documentsCourseStudents_studentsConnection",
            "kind": "LinkedHandle",
            "name": "studentsConnection"
          }
        ],
        "storageKey": "course(id:\"1\")"
      }
    ]
  },
  "params": {
    "cacheID": "9aaef5a2883cb4f766891fa186aa0e06",
    "id": null,
    "metadata": {},
    "name": "documentsStudentAndCourseQuery",
    "operationKind": "query",
    "text": "query documentsStudentAndCourseQuery {\n  student(id: \"1\") {\n    nodeId\n    name\n  }\n  course(id: \"1\") {\n    nodeId\n    name\n    ...documentsCourseStudents_course\n  }\n}\n\nfragment documentsCourseStudents_course on Course {\n  studentsConnection(first: 1) {\n    edges {\n      node {\n        name\n        nodeId\n        __typename\n      }\n      cursor\n    }\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n  }\n  nodeId\n}\n"
  }
};
})();

(node as any).hash = "2327e31d74d2a9e6d641ce7a592d3c31";

export default node;
