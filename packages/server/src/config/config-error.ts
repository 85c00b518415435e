/**
 * The configuration in the environment cannot be used. Every bad variable is listed, each with a
 * message in English and Japanese, so one start-up attempt shows everything to fix.
 */
import type { LocalizedMessage } from '@akashi/core';

export interface ConfigIssue {
  /** The environment variable, e.g. `PORT`. */
  readonly variable: string;
  readonly message: LocalizedMessage;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly code = 'ERR_CONFIG_INVALID';
  readonly ja: string;
  readonly issues: readonly ConfigIssue[];

  constructor(issues: readonly ConfigIssue[]) {
    const list = (lang: keyof LocalizedMessage) =>
      issues.map((issue) => `\n  ${issue.variable}: ${issue.message[lang]}`).join('');
    super(`The configuration is invalid:${list('en')}`);
    this.ja = `設定が正しくありません:${list('ja')}`;
    this.issues = issues;
  }
}

export const isConfigError = (value: unknown): value is ConfigError => value instanceof ConfigError;
