/**
 * The API's JSON as these pages read it (achievements, issuer profiles, departments): small
 * interfaces of our own, since the web app does not import the server.
 */

export interface LocalizedText {
  readonly ja: string;
  readonly en?: string;
}

export interface AchievementSkill {
  readonly name: string;
  readonly url?: string;
  readonly framework?: string;
  readonly code?: string;
}

export interface AchievementAlignment {
  readonly targetName: string;
  readonly targetUrl: string;
  readonly targetDescription?: string;
  readonly targetFramework?: string;
  readonly targetCode?: string;
}

export interface AchievementValidity {
  readonly years?: number;
  readonly months?: number;
  readonly days?: number;
}

export interface AchievementView {
  readonly id: string;
  readonly organisationId: string;
  readonly departmentId: string | null;
  readonly issuerProfileId: string;
  readonly status: 'active' | 'archived';
  readonly version: number;
  readonly name: LocalizedText;
  readonly description: LocalizedText;
  readonly criteria: { readonly url?: string; readonly narrative?: LocalizedText };
  readonly achievementType?: string;
  readonly alignments: readonly AchievementAlignment[];
  readonly tags: readonly string[];
  readonly skills: readonly AchievementSkill[];
  readonly creditsAvailable?: number;
  readonly fieldOfStudy?: string;
  readonly specialization?: string;
  readonly humanCode?: string;
  readonly validity?: AchievementValidity;
  readonly evidenceRequirement?: LocalizedText;
  readonly imageId: string | null;
  readonly imageMediaType: 'image/png' | 'image/svg+xml' | null;
  readonly urls: {
    readonly achievement: string;
    readonly achievementEn: string | null;
    readonly badgeClass: string;
    readonly image: string;
  };
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly archivedAt: string | null;
}

export interface AchievementList {
  readonly achievements: readonly AchievementView[];
  readonly nextCursor: string | null;
}

export interface IssuerProfile {
  readonly id: string;
  readonly departmentId: string | null;
  readonly isDefault: boolean;
  readonly name: { readonly ja: string; readonly en: string };
  readonly archivedAt: string | null;
}

export interface Department {
  readonly id: string;
  readonly name: string;
}

/** The path of a URL the API gave as absolute (`PUBLIC_URL/…`), so it loads from this host. */
export const localPath = (url: string): string => {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
};

/** A localized text in the page's language, falling back to Japanese. */
export const pickText = (text: LocalizedText | undefined, language: 'ja' | 'en'): string =>
  text === undefined ? '' : language === 'en' && text.en !== undefined ? text.en : text.ja;
