import type { Achievement } from './achievement.js';
import type { Alignment } from './alignment.js';
import { assertStrictModel } from './assert-strict-model.js';
import {
  assertInputObject,
  mapList,
  shapeIfPresent,
  shapeTypeSet,
  toArray,
  type Loosen,
  type TypeInput,
} from './builder-input.js';
import {
  shapeIdentifierEntry,
  shapeProfile,
  type IdentifierEntryInput,
  type ProfileInput,
} from './build-profile.js';
import type { Criteria } from './criteria.js';
import { omitEmpty, omitUndefinedDeep } from './omit-empty.js';
import type { Related } from './related.js';
import type { ResultDescription } from './result-description.js';
import type { RubricCriterionLevel } from './rubric-criterion-level.js';
import { shapeEmbeddedEndorsement, type EmbeddedEndorsementInput } from './shape-endorsement.js';
import { shapeImage, type ImageInput } from './shape-image.js';

export type AlignmentInput = Loosen<Omit<Alignment, 'type'>> & TypeInput;

export type RelatedInput = Loosen<Omit<Related, 'type'>> & TypeInput;

export type RubricCriterionLevelInput = Loosen<Omit<RubricCriterionLevel, 'type' | 'alignment'>> &
  TypeInput & { readonly alignment?: readonly AlignmentInput[] | undefined };

export type ResultDescriptionInput = Loosen<
  Omit<ResultDescription, 'type' | 'alignment' | 'allowedValue' | 'rubricCriterionLevel'>
> &
  TypeInput & {
    readonly alignment?: readonly AlignmentInput[] | undefined;
    readonly allowedValue?: readonly string[] | undefined;
    readonly rubricCriterionLevel?: readonly RubricCriterionLevelInput[] | undefined;
  };

/** Criteria: a URL of a criteria page (`id`), a Markdown `narrative`, or both. */
export type CriteriaInput = Loosen<Criteria>;

/** An Achievement to build. `id`, `name`, `description` and `criteria` are required. */
export type AchievementInput = Loosen<
  Omit<
    Achievement,
    | 'type'
    | 'alignment'
    | 'creator'
    | 'criteria'
    | 'endorsement'
    | 'image'
    | 'otherIdentifier'
    | 'related'
    | 'resultDescription'
    | 'tag'
  >
> &
  TypeInput & {
    readonly criteria: CriteriaInput;
    readonly alignment?: readonly AlignmentInput[] | undefined;
    readonly creator?: ProfileInput | undefined;
    readonly endorsement?: readonly EmbeddedEndorsementInput[] | undefined;
    readonly image?: ImageInput | undefined;
    readonly otherIdentifier?: readonly IdentifierEntryInput[] | undefined;
    /** Other-language editions (e.g. the English twin of a Japanese achievement). */
    readonly related?: readonly RelatedInput[] | undefined;
    readonly resultDescription?: readonly ResultDescriptionInput[] | undefined;
    readonly tag?: readonly string[] | undefined;
  };

export const shapeAlignment = (input: AlignmentInput): Alignment =>
  omitEmpty({ ...input, type: shapeTypeSet('Alignment', input.type) });

const shapeRubricCriterionLevel = (input: RubricCriterionLevelInput): RubricCriterionLevel =>
  omitEmpty({
    ...input,
    type: shapeTypeSet('RubricCriterionLevel', input.type),
    alignment: mapList(input.alignment, shapeAlignment),
  });

const shapeResultDescription = (input: ResultDescriptionInput): ResultDescription =>
  omitEmpty({
    ...input,
    type: shapeTypeSet('ResultDescription', input.type),
    alignment: mapList(input.alignment, shapeAlignment),
    allowedValue: toArray(input.allowedValue),
    rubricCriterionLevel: mapList(input.rubricCriterionLevel, shapeRubricCriterionLevel),
  });

/** The Achievement as Akashi emits it, not yet checked. */
export const shapeAchievement = (input: AchievementInput): Achievement =>
  omitEmpty({
    ...input,
    type: shapeTypeSet('Achievement', input.type),
    criteria: shapeIfPresent(input.criteria, (criteria) => omitEmpty({ ...criteria })),
    alignment: mapList(input.alignment, shapeAlignment),
    creator: shapeIfPresent(input.creator, shapeProfile),
    endorsement: mapList(input.endorsement, shapeEmbeddedEndorsement),
    image: shapeImage(input.image),
    otherIdentifier: mapList(input.otherIdentifier, shapeIdentifierEntry),
    related: mapList(input.related, (related) =>
      omitEmpty({ ...related, type: shapeTypeSet('Related', related.type) }),
    ),
    resultDescription: mapList(input.resultDescription, shapeResultDescription),
    tag: toArray(input.tag),
  });

/**
 * Builds an Achievement in the exact shape Akashi emits. Names and descriptions are kept
 * exactly as given (no Unicode normalisation). Throws `ERR_CREDENTIAL_INVALID` listing every
 * bad field.
 */
export const buildAchievement = (input: AchievementInput): Achievement => {
  assertInputObject(input);
  return assertStrictModel('Achievement', omitUndefinedDeep(shapeAchievement(input)));
};
