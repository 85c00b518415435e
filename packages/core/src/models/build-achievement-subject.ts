import type { AchievementSubject } from './achievement-subject.js';
import { assertStrictModel } from './assert-strict-model.js';
import {
  shapeAchievement,
  shapeAlignment,
  type AchievementInput,
  type AlignmentInput,
} from './build-achievement.js';
import {
  assertInputObject,
  mapList,
  shapeDateTime,
  shapeIfPresent,
  shapeTypeSet,
  toArray,
  type DateTimeInput,
  type Loosen,
  type TypeInput,
} from './builder-input.js';
import { shapeProfile, type ProfileInput } from './build-profile.js';
import type { IdentityObject } from './identity-object.js';
import { omitEmpty, omitUndefinedDeep } from './omit-empty.js';
import type { Result } from './result.js';
import { shapeImage, type ImageInput } from './shape-image.js';

export type ResultInput = Loosen<Omit<Result, 'type' | 'alignment'>> &
  TypeInput & { readonly alignment?: readonly AlignmentInput[] | undefined };

/**
 * The recipient and what they achieved. Give `id` (a DID or URI), `identifier` (IdentityObjects,
 * e.g. from `buildIdentityObject({ email })`), or both.
 */
export type AchievementSubjectInput = Loosen<
  Omit<
    AchievementSubject,
    | 'type'
    | 'achievement'
    | 'activityEndDate'
    | 'activityStartDate'
    | 'identifier'
    | 'image'
    | 'result'
    | 'source'
  >
> &
  TypeInput & {
    readonly achievement: AchievementInput;
    readonly activityEndDate?: DateTimeInput | undefined;
    readonly activityStartDate?: DateTimeInput | undefined;
    readonly identifier?: IdentityObject | readonly IdentityObject[] | undefined;
    readonly image?: ImageInput | undefined;
    readonly result?: readonly ResultInput[] | undefined;
    readonly source?: ProfileInput | undefined;
  };

const shapeResult = (input: ResultInput): Result =>
  omitEmpty({
    ...input,
    type: shapeTypeSet('Result', input.type),
    alignment: mapList(input.alignment, shapeAlignment),
  });

/** The AchievementSubject as Akashi emits it, not yet checked. */
export const shapeAchievementSubject = (input: AchievementSubjectInput): AchievementSubject =>
  omitEmpty({
    ...input,
    type: shapeTypeSet('AchievementSubject', input.type),
    achievement: shapeIfPresent(input.achievement, shapeAchievement),
    activityEndDate: shapeDateTime(input.activityEndDate),
    activityStartDate: shapeDateTime(input.activityStartDate),
    identifier: toArray(input.identifier),
    image: shapeImage(input.image),
    result: mapList(input.result, shapeResult),
    source: shapeIfPresent(input.source, shapeProfile),
  });

/**
 * Builds an AchievementSubject in the exact shape Akashi emits. Throws `ERR_CREDENTIAL_INVALID`
 * listing every bad field (a subject needs an `id` or an `identifier`).
 */
export const buildAchievementSubject = (input: AchievementSubjectInput): AchievementSubject => {
  assertInputObject(input);
  return assertStrictModel('AchievementSubject', omitUndefinedDeep(shapeAchievementSubject(input)));
};
