/**
 * The closed and extensible vocabularies of Open Badges 3.0, word for word from the spec and the
 * official JSON Schemas. An extensible vocabulary also takes extension terms `ext:<name>`.
 */
import { Type, type TUnsafe } from '@sinclair/typebox';

/** An extension term of an extensible vocabulary, e.g. `ext:studentNumber`. */
export type ExtensionTerm = `ext:${string}`;

/**
 * Extension terms are `ext:` followed by letters, digits, `.`, `-` or `_`. The official schemas
 * write this unanchored (`(ext:)[a-z|A-Z|0-9|.|-|_]+`); Akashi anchors it, as the spec text means.
 */
export const EXTENSION_TERM_PATTERN = '^ext:[A-Za-z0-9._-]+$';

export const ACHIEVEMENT_TYPES = [
  'Achievement',
  'ApprenticeshipCertificate',
  'Assessment',
  'Assignment',
  'AssociateDegree',
  'Award',
  'Badge',
  'BachelorDegree',
  'Certificate',
  'CertificateOfCompletion',
  'Certification',
  'CommunityService',
  'Competency',
  'Course',
  'CoCurricular',
  'Degree',
  'Diploma',
  'DoctoralDegree',
  'Fieldwork',
  'GeneralEducationDevelopment',
  'JourneymanCertificate',
  'LearningProgram',
  'License',
  'Membership',
  'ProfessionalDoctorate',
  'QualityAssuranceCredential',
  'MasterCertificate',
  'MasterDegree',
  'MicroCredential',
  'ResearchDoctorate',
  'SecondarySchoolDiploma',
] as const;
export type AchievementType = (typeof ACHIEVEMENT_TYPES)[number] | ExtensionTerm;

/** `IdentityObject.identityType` and `IdentifierEntry.identifierType` share this vocabulary. */
export const IDENTIFIER_TYPES = [
  'name',
  'sourcedId',
  'systemId',
  'productId',
  'userName',
  'accountId',
  'emailAddress',
  'nationalIdentityNumber',
  'isbn',
  'issn',
  'lisSourcedId',
  'oneRosterSourcedId',
  'sisSourcedId',
  'ltiContextId',
  'ltiDeploymentId',
  'ltiToolId',
  'ltiPlatformId',
  'ltiUserId',
  'identifier',
] as const;
export type IdentifierType = (typeof IDENTIFIER_TYPES)[number] | ExtensionTerm;

export const RESULT_TYPES = [
  'GradePointAverage',
  'LetterGrade',
  'Percent',
  'PerformanceLevel',
  'PredictedScore',
  'RawScore',
  'Result',
  'RubricCriterion',
  'RubricCriterionLevel',
  'RubricScore',
  'ScaledScore',
  'Status',
] as const;
export type ResultType = (typeof RESULT_TYPES)[number] | ExtensionTerm;

export const ALIGNMENT_TARGET_TYPES = [
  'ceasn:Competency',
  'ceterms:Credential',
  'CFItem',
  'CFRubric',
  'CFRubricCriterion',
  'CFRubricCriterionLevel',
  'CTDL',
] as const;
export type AlignmentTargetType = (typeof ALIGNMENT_TARGET_TYPES)[number] | ExtensionTerm;

/** `Result.status`: a closed set (no extension terms). */
export const RESULT_STATUSES = [
  'Completed',
  'Enrolled',
  'Failed',
  'InProgress',
  'OnHold',
  'Provisional',
  'Withdrew',
] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

/** `BitstringStatusListEntry.statusPurpose` values defined by Bitstring Status List v1.0. */
export const STATUS_PURPOSES = ['revocation', 'suspension', 'refresh', 'message'] as const;
export type StatusPurpose = (typeof STATUS_PURPOSES)[number];

/** A closed vocabulary as a JSON Schema `enum` of strings. */
export const createEnumSchema = <const T extends readonly string[]>(
  values: T,
  description: string,
): TUnsafe<T[number]> => Type.Unsafe<T[number]>({ type: 'string', enum: [...values], description });

/**
 * An extensible vocabulary: one of `values`, or an extension term. Written as if/then/else so a
 * validation error names the one rule the value broke (the enum, or the extension-term pattern).
 */
export const createVocabularySchema = <const T extends readonly string[]>(
  values: T,
  description: string,
): TUnsafe<T[number] | ExtensionTerm> =>
  Type.Unsafe<T[number] | ExtensionTerm>({
    type: 'string',
    description: `${description} One of the listed terms, or an extension term \`ext:<name>\`.`,
    if: { type: 'string', pattern: '^ext:' },
    then: { type: 'string', pattern: EXTENSION_TERM_PATTERN },
    else: { type: 'string', enum: [...values] },
  });
