/**
 * Test support for the account pages: a fresh platform on in-memory SQLite with a real SMTP
 * server on loopback and a clock the test moves (the accounts test harness, so e-mailed links
 * are read as they arrived), and a small browser over `inject` that keeps cookies, sends the
 * page's CSRF token with forms as the page's hidden field does, and reads pages.
 */
import assert from 'node:assert/strict';
import type { LightMyRequestResponse } from 'fastify';
import { migrateDatabase } from '../../../server/src/db/migrate-database.js';
import { openDatabase } from '../../../server/src/db/open-database.js';
import {
  PUBLIC_URL,
  startAccountHarness,
  type AccountHarness,
} from '../../../server/src/accounts/account-test-harness.js';
import { findLinkToken } from '../../../server/src/mail/read-test-mail.js';

export { PUBLIC_URL };

export const startAccountWorld = async (): Promise<AccountHarness> => {
  const db = openDatabase({ dialect: 'sqlite', file: ':memory:' });
  await migrateDatabase(db);
  return startAccountHarness(db);
};

/** The token of the next e-mail to `to` whose subject holds `subject`, from its `page` link. */
export const mailedToken = async (
  world: AccountHarness,
  to: string,
  subject: string,
  page: string,
): Promise<string> => findLinkToken(await world.mailTo(to, subject), `${PUBLIC_URL}${page}?token=`);

export interface PostOptions {
  /** Leave the `_csrf` field out (as a forged form would). */
  readonly withoutCsrf?: boolean;
}

export class Browser {
  readonly cookies = new Map<string, string>();
  /** The CSRF token of the last page that had a form with one. */
  csrf: string | undefined;

  constructor(
    private readonly world: AccountHarness,
    readonly language: 'ja' | 'en' = 'ja',
  ) {}

  private headers(): Record<string, string> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    return {
      accept: 'text/html,application/xhtml+xml',
      'accept-language': this.language === 'ja' ? 'ja,en;q=0.8' : 'en-GB,en;q=0.9',
      ...(cookie === '' ? {} : { cookie }),
    };
  }

  private absorb(response: LightMyRequestResponse): LightMyRequestResponse {
    const header = response.headers['set-cookie'];
    const list = Array.isArray(header) ? header : header === undefined ? [] : [header];
    for (const line of list) {
      const match = /^([^=]+)=([^;]*)/.exec(line);
      if (match === null) continue;
      const [, name = '', value = ''] = match;
      if (value === '' || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.body);
    if (token !== null) this.csrf = token[1];
    return response;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    return this.absorb(
      await this.world.app.inject({ method: 'GET', url, headers: this.headers() }),
    );
  }

  async post(
    url: string,
    fields: Readonly<Record<string, string>>,
    options: PostOptions = {},
  ): Promise<LightMyRequestResponse> {
    const form = new URLSearchParams(fields);
    if (options.withoutCsrf !== true && this.csrf !== undefined && !('_csrf' in fields)) {
      form.append('_csrf', this.csrf);
    }
    return this.absorb(
      await this.world.app.inject({
        method: 'POST',
        url,
        headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' },
        payload: form.toString(),
      }),
    );
  }

  get signedIn(): boolean {
    return this.cookies.has('akashi_session');
  }
}

/** The value of a hidden or text input named `name` in a page. */
export const inputValue = (body: string, name: string): string => {
  const match = new RegExp(`name="${name}"[^>]*value="([^"]*)"`).exec(body);
  assert.ok(match !== null, `no input ${name}`);
  return (match[1] ?? '').replaceAll('&amp;', '&').replaceAll('&#39;', "'");
};

/** The text inside the element with `data-testid`. */
export const testIdText = (body: string, testid: string): string => {
  const match = new RegExp(`data-testid="${testid}"[^>]*>([\\s\\S]*?)</`).exec(body);
  assert.ok(match !== null, `no element ${testid}`);
  return (match[1] ?? '').trim();
};

export const assertRedirect = (response: LightMyRequestResponse, location: string): void => {
  assert.equal(response.statusCode, 303, response.body.slice(0, 2000));
  assert.equal(response.headers.location, location);
};
