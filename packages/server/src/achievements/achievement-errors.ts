/**
 * The error codes of this domain, spread into the registry (`http/error-registry.ts`): HTTP
 * status and message in English and Japanese. Codes are stable: never rename or reuse one.
 * (Invalid fields are `ERR_HTTP_VALIDATION` with `fields`; image problems are `ERR_IMAGE_*`.)
 */
import type { ErrorTable } from '../http/error-registry.js';

export const ACHIEVEMENT_ERRORS = {
  ERR_ACHIEVEMENT_NOT_FOUND: {
    status: 404,
    message: {
      en: 'There is no achievement with this id.',
      ja: '指定された ID のアチーブメントはありません。',
    },
  },
  ERR_ACHIEVEMENT_ARCHIVED: {
    status: 409,
    message: {
      en: 'The achievement is archived: unarchive it before changing it or awarding it.',
      ja: 'このアチーブメントはアーカイブされています。変更・授与の前にアーカイブを解除してください。',
    },
  },
  ERR_ACHIEVEMENT_VERSION_CONFLICT: {
    status: 409,
    message: {
      en: 'The achievement was changed meanwhile: you edited version {expected}, it is now version {current}. Reload it and try again.',
      ja: 'アチーブメントは他の操作で変更されています（編集したのはバージョン {expected}、現在はバージョン {current}）。読み込み直してから再度お試しください。',
    },
  },
  ERR_ACHIEVEMENT_DEPARTMENT_NOT_FOUND: {
    status: 422,
    message: {
      en: 'The department {departmentId} is not a department of this organisation.',
      ja: '部署 {departmentId} はこの組織の部署ではありません。',
    },
  },
  ERR_ACHIEVEMENT_ISSUER_PROFILE_NOT_FOUND: {
    status: 422,
    message: {
      en: 'The issuer profile {issuerProfileId} is not an issuer profile of this organisation.',
      ja: '発行者プロフィール {issuerProfileId} はこの組織の発行者プロフィールではありません。',
    },
  },
  ERR_ACHIEVEMENT_ISSUER_PROFILE_DEPARTMENT: {
    status: 422,
    message: {
      en: "The issuer profile {issuerProfileId} issues for another department; choose the achievement's department's profile or an organisation-wide one.",
      ja: '発行者プロフィール {issuerProfileId} は別の部署のものです。アチーブメントの部署のプロフィールか、組織全体のプロフィールを選んでください。',
    },
  },
  ERR_ACHIEVEMENT_ISSUER_PROFILE_ARCHIVED: {
    status: 422,
    message: {
      en: 'The issuer profile {issuerProfileId} is archived and cannot be chosen for an achievement.',
      ja: '発行者プロフィール {issuerProfileId} はアーカイブされているため、アチーブメントに設定できません。',
    },
  },
  ERR_ACHIEVEMENT_NO_ISSUER_PROFILE: {
    status: 422,
    message: {
      en: 'The organisation has no default issuer profile: name one in issuerProfileId.',
      ja: '組織に既定の発行者プロフィールがありません。issuerProfileId で指定してください。',
    },
  },
} as const satisfies ErrorTable;
