/** The shapes of an organisation's members on the wire. */
import { Type, type Static } from '@sinclair/typebox';

export const MembershipRoleSchema = Type.Union(
  [Type.Literal('org_admin'), Type.Literal('issuer'), Type.Literal('viewer')],
  {
    description:
      'org_admin: everything in the organisation; issuer: issues and revokes for its departments; viewer: reads.',
  },
);

const DepartmentIds = Type.Array(Type.String({ format: 'uuid' }), {
  maxItems: 100,
  uniqueItems: true,
  description: 'For an issuer: the departments it acts for (at least one). Others: none.',
});

export const Member = Type.Object(
  {
    userId: Type.String(),
    email: Type.String(),
    displayName: Type.String(),
    role: MembershipRoleSchema,
    departmentIds: Type.Array(Type.String()),
    memberSince: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false, title: 'Member' },
);
export type Member = Static<typeof Member>;

export const MemberList = Type.Object(
  { members: Type.Array(Member) },
  { additionalProperties: false, title: 'MemberList' },
);

export const AddMemberBody = Type.Object(
  {
    email: Type.String({
      format: 'email',
      maxLength: 254,
      description: 'The e-mail address of an existing account.',
    }),
    role: MembershipRoleSchema,
    departmentIds: Type.Optional(DepartmentIds),
  },
  { additionalProperties: false, title: 'AddMemberBody' },
);
export type AddMemberBody = Static<typeof AddMemberBody>;

export const ChangeMemberRoleBody = Type.Object(
  { role: MembershipRoleSchema, departmentIds: Type.Optional(DepartmentIds) },
  { additionalProperties: false, title: 'ChangeMemberRoleBody' },
);
export type ChangeMemberRoleBody = Static<typeof ChangeMemberRoleBody>;

export const MemberParams = Type.Object(
  {
    organisationId: Type.String({ format: 'uuid' }),
    userId: Type.String({ format: 'uuid' }),
  },
  { additionalProperties: false },
);
