/**
 * What the bulk pages read from the bulk-award API (`/api/v1/organisations/{org}/bulk-jobs…`):
 * small interfaces for its JSON (web never imports the server), the API paths, and helpers that
 * read a job, its rows (all pages, for the error report) and the badge it awards.
 */
import type { ApiResponse } from '../kit/api.js';
import type { Language } from '../kit/language.js';
import type { Page } from '../kit/page.js';

export type BulkJobState =
  'validated' | 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
export type BulkRowState = 'pending' | 'claimed' | 'issued' | 'duplicate' | 'failed' | 'invalid';

export interface Localized {
  readonly ja: string;
  readonly en: string;
}

export interface BulkJobCounts {
  readonly total: number;
  readonly valid: number;
  readonly invalid: number;
  readonly issued: number;
  readonly duplicate: number;
  readonly failed: number;
}

export interface BulkJobView {
  readonly id: string;
  readonly organisationId: string;
  readonly achievementId: string;
  readonly fileName: string | null;
  readonly encoding: string | null;
  readonly state: BulkJobState;
  readonly options: { readonly notify: boolean; readonly locale: Language };
  readonly counts: BulkJobCounts;
  readonly progress: {
    readonly done: number;
    readonly remaining: number;
    readonly percent: number;
  };
  readonly error: { readonly code: string; readonly message: Localized } | null;
  readonly createdAt: string;
  readonly finishedAt: string | null;
}

/** One problem with a row (dry run) or the error of a row that failed to issue. */
export interface RowIssue {
  readonly code: string;
  readonly column?: string | null;
  readonly header?: string | null;
  readonly field?: string | null;
  readonly value?: string;
  readonly message: Localized;
}

export interface AwardRowInput {
  readonly email: string;
  readonly name: string | null;
  readonly nameKana: string | null;
  readonly nameRomaji: string | null;
  readonly externalId: string | null;
  readonly evidenceUrl: string | null;
  readonly narrative: string | null;
  readonly awardedDate: string | null;
  readonly validFrom: string | null;
  readonly validUntil: string | null;
}

export interface BulkJobRow {
  readonly rowNumber: number;
  readonly state: BulkRowState;
  readonly input: AwardRowInput | null;
  readonly awardId: string | null;
  readonly errors: readonly unknown[];
  readonly warnings: readonly unknown[];
}

export interface BulkJobRowPage {
  readonly rows: readonly BulkJobRow[];
  readonly nextCursor: string | null;
}

export interface BulkJobList {
  readonly jobs: readonly BulkJobView[];
  readonly nextCursor: string | null;
}

export interface SubmitAnswer {
  readonly job: BulkJobView;
  readonly report: { readonly headerErrors: readonly RowIssue[]; readonly errorCount: number };
}

export interface AchievementSummary {
  readonly id: string;
  readonly status: 'active' | 'archived';
  readonly name: { readonly ja: string; readonly en?: string };
}

export const orgApi = (organisationId: string): string =>
  `/api/v1/organisations/${encodeURIComponent(organisationId)}`;

export const jobApi = (organisationId: string, jobId: string): string =>
  `${orgApi(organisationId)}/bulk-jobs/${encodeURIComponent(jobId)}`;

export const achievementApi = (organisationId: string, achievementId: string): string =>
  `${orgApi(organisationId)}/achievements/${encodeURIComponent(achievementId)}`;

export const isFinished = (state: BulkJobState): boolean =>
  state === 'completed' || state === 'cancelled' || state === 'failed';

/** A row issue as the API gave it, or undefined when it is not one. */
export const readIssue = (value: unknown): RowIssue | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const issue = value as Partial<RowIssue>;
  const message = issue.message;
  if (typeof issue.code !== 'string' || typeof message !== 'object') return undefined;
  return issue as RowIssue;
};

export const issuesOf = (values: readonly unknown[]): RowIssue[] =>
  values.map(readIssue).filter((issue): issue is RowIssue => issue !== undefined);

/** The issue's message in the page's language. */
export const issueMessage = (issue: RowIssue, language: Language): string =>
  issue.message[language] || issue.message.ja || issue.message.en || issue.code;

/** A cell of an invalid row, as far as its errors quote it (the API keeps no more of it). */
export const quotedValue = (row: BulkJobRow, field: keyof AwardRowInput): string => {
  if (row.input !== null) return row.input[field] ?? '';
  return issuesOf(row.errors).find((issue) => issue.field === field)?.value ?? '';
};

export const achievementName = (
  achievement: AchievementSummary | undefined,
  language: Language,
): string | undefined => {
  if (achievement === undefined) return undefined;
  const { name } = achievement;
  return language === 'en' && name.en !== undefined && name.en !== '' ? name.en : name.ja;
};

export const readAchievement = async (
  page: Page,
  organisationId: string,
  achievementId: string,
): Promise<ApiResponse<AchievementSummary>> =>
  page.api<AchievementSummary>('GET', achievementApi(organisationId, achievementId));

/** Every row of a job in the given states, in row order (pages of 500). */
export const readAllRows = async (
  page: Page,
  organisationId: string,
  jobId: string,
  states: readonly BulkRowState[],
): Promise<ApiResponse<BulkJobRowPage>> => {
  const rows: BulkJobRow[] = [];
  for (const state of states) {
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ state, limit: '500' });
      if (cursor !== null) query.set('cursor', cursor);
      const answer: ApiResponse<BulkJobRowPage> = await page.api<BulkJobRowPage>(
        'GET',
        `${jobApi(organisationId, jobId)}/rows?${query.toString()}`,
      );
      if (!answer.ok) return answer;
      rows.push(...answer.body.rows);
      cursor = answer.body.nextCursor;
    } while (cursor !== null);
  }
  rows.sort((a, b) => a.rowNumber - b.rowNumber);
  return {
    status: 200,
    ok: true,
    body: { rows, nextCursor: null },
    error: undefined,
    headers: {},
    raw: Buffer.alloc(0),
  };
};
