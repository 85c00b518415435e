/**
 * The request and response schemas of the VC-API routes (W3C VC-API / VCALM shapes, with our
 * additions: `status` and `results` on verification results, `code` on problem details,
 * `options.statusPurposes` on issue, `reason` on status updates). Unknown option keys are
 * accepted (the W3C suites send `options.checks`).
 */
import { Type } from '@sinclair/typebox';
import { ErrorEnvelope } from '../http/error-envelope.js';

const JsonObject = (description: string) =>
  Type.Record(Type.String(), Type.Unknown(), { description });

export const IssueCredentialBody = Type.Object(
  {
    credential: JsonObject(
      'The unsigned credential (VC 2.0, or VC 1.1); its issuer must be one of your issuer profiles.',
    ),
    options: Type.Optional(
      Type.Object(
        {
          credentialId: Type.Optional(
            Type.String({
              minLength: 1,
              maxLength: 2000,
              description: 'How you will refer to the credential (default: its id).',
            }),
          ),
          statusPurposes: Type.Optional(
            Type.Array(Type.Union([Type.Literal('revocation'), Type.Literal('suspension')]), {
              maxItems: 2,
              uniqueItems: true,
              description:
                'Akashi: the status entries to add (default revocation and suspension; an Open Badge: revocation).',
            }),
          ),
        },
        { additionalProperties: true },
      ),
    ),
  },
  { additionalProperties: false },
);

export const IssueCredentialResponse = Type.Object(
  { verifiableCredential: JsonObject('The credential with its eddsa-rdfc-2022 proof.') },
  { additionalProperties: false },
);

export const ProblemDetail = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    detail: Type.String(),
    code: Type.String({ description: 'The stable code of the check.' }),
  },
  { additionalProperties: false },
);

const CheckResult = Type.Object(
  {
    check: Type.String(),
    outcome: Type.Union([
      Type.Literal('passed'),
      Type.Literal('failed'),
      Type.Literal('skipped'),
      Type.Literal('error'),
    ]),
    code: Type.String(),
    message: Type.String(),
  },
  { additionalProperties: false },
);

const credentialResultProperties = {
  verified: Type.Boolean(),
  status: Type.String({
    description:
      'valid, invalid, revoked, suspended, expired, not-yet-valid, indeterminate or unreadable.',
  }),
  checks: Type.Array(Type.String(), { description: 'The checks that passed.' }),
  warnings: Type.Array(ProblemDetail),
  errors: Type.Array(ProblemDetail),
  problemDetails: Type.Array(ProblemDetail),
  results: Type.Array(CheckResult, { description: 'Every check, with its outcome.' }),
};

export const CredentialResult = Type.Object(credentialResultProperties, {
  additionalProperties: false,
});

export const VerifyCredentialBody = Type.Object(
  {
    verifiableCredential: JsonObject(
      'The credential to verify (embedded proof, or an EnvelopedVerifiableCredential).',
    ),
    options: Type.Optional(Type.Object({}, { additionalProperties: true })),
  },
  { additionalProperties: false },
);

export const VerifyCredentialResponse = Type.Object(
  {
    ...credentialResultProperties,
    verified: Type.Literal(true),
    credential: Type.Optional(JsonObject('The credential as verified.')),
  },
  { additionalProperties: false },
);

/** 400: the envelope, and the VC-API result when the credential did not verify. */
export const VerifyCredentialFailure = Type.Object(
  {
    error: ErrorEnvelope.properties.error,
    verified: Type.Optional(Type.Literal(false)),
    status: Type.Optional(credentialResultProperties.status),
    checks: Type.Optional(credentialResultProperties.checks),
    warnings: Type.Optional(credentialResultProperties.warnings),
    errors: Type.Optional(credentialResultProperties.errors),
    problemDetails: Type.Optional(credentialResultProperties.problemDetails),
    results: Type.Optional(credentialResultProperties.results),
  },
  {
    additionalProperties: false,
    description:
      'Bad input, or a credential that did not verify (code ERR_VC_API_NOT_VERIFIED, with the VC-API result fields).',
  },
);

export const VerifyPresentationBody = Type.Object(
  {
    verifiablePresentation: JsonObject('The presentation, signed or not.'),
    options: Type.Optional(
      Type.Object(
        {
          challenge: Type.Optional(Type.String({ maxLength: 1000 })),
          domain: Type.Optional(Type.String({ maxLength: 1000 })),
        },
        { additionalProperties: true },
      ),
    ),
  },
  { additionalProperties: false },
);

const Summary = {
  verified: Type.Boolean(),
  checks: Type.Array(Type.String()),
  warnings: Type.Array(ProblemDetail),
  errors: Type.Array(ProblemDetail),
};

export const VerifyPresentationResponse = Type.Object(
  {
    ...Summary,
    problemDetails: Type.Array(ProblemDetail),
    presentationResult: Type.Object(Summary, { additionalProperties: false }),
    credentialResults: Type.Array(CredentialResult),
  },
  {
    additionalProperties: false,
    description:
      'The verification ran (VCALM): see `verified`, true only when everything verified.',
  },
);

const StatusEntry = Type.Object(
  {
    id: Type.Optional(Type.String()),
    type: Type.String({ description: 'BitstringStatusListEntry (or BitstringStatusList).' }),
    statusPurpose: Type.String({ description: 'revocation or suspension.' }),
    statusListIndex: Type.Optional(Type.String()),
    statusListCredential: Type.Optional(Type.String()),
    status: Type.Optional(Type.Boolean({ description: 'Overrides the top-level status.' })),
  },
  { additionalProperties: false },
);

export const UpdateStatusBody = Type.Object(
  {
    credentialId: Type.String({
      minLength: 1,
      maxLength: 2000,
      description:
        "The credential's id (or options.credentialId); for an award, its credential id or award id.",
    }),
    credentialStatus: Type.Union([
      StatusEntry,
      Type.Array(StatusEntry, { minItems: 1, maxItems: 2 }),
    ]),
    status: Type.Optional(
      Type.Boolean({ description: 'true: revoked / suspended (the default); false: not.' }),
    ),
    reason: Type.Optional(
      Type.String({ minLength: 1, maxLength: 500, description: 'Akashi: why (awards show it).' }),
    ),
  },
  { additionalProperties: false },
);

export const UpdateStatusResponse = Type.Object(
  {
    credentialId: Type.String(),
    credentialStatus: Type.Array(
      Type.Object(
        {
          statusPurpose: Type.Union([Type.Literal('revocation'), Type.Literal('suspension')]),
          status: Type.Boolean(),
          changed: Type.Boolean(),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const PublishStatusListParams = Type.Object({ listId: Type.String({ minLength: 1 }) });
