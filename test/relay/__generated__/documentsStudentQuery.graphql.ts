/**
 * @generated SignedSource<<54d9303bdcc4b8dfaab20a07a4b43860>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ConcreteRequest } from 'relay-runtime';
import { FragmentRefs } from "relay-runtime";
export type documentsStudentQuery$variables = Record<PropertyKey, never>;
export type documentsStudentQuery$data = {
  readonly student: {
    readonly " $fragmentSpreads": FragmentRefs<"documentsStudent_student">;
  } | null | undefined;
};
export type documentsStudentQuery = {
  response: documentsStudentQuery$data;
  variables: documentsStudentQuery$variables;
};

const node: ConcreteRequest = (function(){
var v0 = [
  {
    "kind": "Literal",
    "name": "id",
    "value": "1"
  }
];
return {
  "fragment": {
    "argumentDefinitions": [],
    "kind": "Fragment",
    "metadata": null,
    "name": "documentsStudentQuery",
    "selections": [
      {
        "alias": null,
        "args": (v0/*:: as any*/),
        "concreteType": "Student",
        "kind": "LinkedField",
        "name": "student",
        "plural": false,
        "selections": [
          {
            "args": null,
            "kind": "FragmentSpread",
            "name": "documentsStudent_student"
          }
        ],
        "storageKey": "student(id:\"1\")"
      }
    ],
    "type": "Query",
    "abstractKey": null
  },
  "kind": "Request",
  "operation": {
    "argumentDefinitions": [],
    "kind": "Operation",
    "name": "documentsStudentQuery",
    "selections": [
      {
        "alias": null,
        "args": (v0/*:: as any*/),
        "concreteType": "Student",
        "kind": "LinkedField",
        "name": "student",
        "plural": false,
        "selections": [
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "name",
            "storageKey": null
          },
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "courseSetCount",
            "storageKey": null
          },
          {
            "alias": null,
            "args": null,
            "kind": "ScalarField",
            "name": "nodeId",
            "storageKey": null
          }
        ],
        "storageKey": "student(id:\"1\")"
      }
    ]
  },
  "params": {
    "cacheID": "5dbd81641bce4640410ec3ef95c4619c",
    "id": null,
    "metadata": {},
    "name": "documentsStudentQuery",
    "operationKind": "query",
    "text": "query documentsStudentQuery {\n  student(id: \"1\") {\n    ...documentsStudent_student\n    nodeId\n  }\n}\n\nfragment documentsStudent_student on Student {\n  name\n  courseSetCount\n  nodeId\n}\n"
  }
};
})();

(node as any).hash = "64029c1341f1f5818d21b3cad2e48f53";

export default node;
