/** The shapes of departments on the wire. Names are kept exactly as typed (JAPAN.md). */
import { Type, type Static } from '@sinclair/typebox';
import { SingleLineText } from '../organisations/organisation-schemas.js';

export const Department = Type.Object(
  {
    id: Type.String(),
    organisationId: Type.String(),
    name: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false, title: 'Department' },
);
export type Department = Static<typeof Department>;

export const DepartmentList = Type.Object(
  { departments: Type.Array(Department) },
  { additionalProperties: false, title: 'DepartmentList' },
);

export const DepartmentBody = Type.Object(
  { name: SingleLineText(100, 'The name, e.g. 工学部; unique in the organisation.') },
  { additionalProperties: false, title: 'DepartmentBody' },
);

export const DepartmentParams = Type.Object(
  {
    organisationId: Type.String({ format: 'uuid' }),
    departmentId: Type.String({ format: 'uuid' }),
  },
  { additionalProperties: false },
);
