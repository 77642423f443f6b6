/**
 * @generated SignedSource<<91b5a88b1642163f268ccdbf322d61f2>>
 * @lightSyntaxTransform
 */

/* tslint:disable */
/* eslint-disable */
// @ts-nocheck

import { ReaderFragment } from 'relay-runtime';
import { FragmentRefs } from "relay-runtime";
export type documentsStudent_student$data = {
  readonly courseSetCount: number;
  readonly name: string;
  readonly nodeId: string;
  readonly " $fragmentType": "documentsStudent_student";
};
export type documentsStudent_student$key = {
  readonly " $data"?: documentsStudent_student$data;
  readonly " $fragmentSpreads": FragmentRefs<"documentsStudent_student">;
};

import documentsStudentRefetchQuery_graphql from './documentsStudentRefetchQuery.graphql';

const node: ReaderFragment = {
  "argumentDefinitions": [],
  "kind": "Fragment",
  "metadata": {
    "refetch": {
      "connection": null,
      "fragmentPathInResult": [
        "node"
      ],
      "operation": documentsStudentRefetchQuery_graphql,
      "identifierInfo": {
        "identifierField": "nodeId",
        "identifierQueryVariableName": "nodeId"
      }
    }
  },
  "name": "documentsStudent_student",
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
  "type": "Student",
  "abstractKey": null
};

(node as any).hash = "cc4e17747d48c42e415c736a03c26f4b";

export default node;
