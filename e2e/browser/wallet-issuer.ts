/**
 * The quickest documented way to an organisation that awards badges, for the wallet's browser
 * test: `akashi admin create-org` and `akashi admin create-api-key` (the CLI, run as a process on
 * the running platform's database, as an operator would on the server's machine), then the JSON
 * API with that key to create an achievement with a PNG image (so awards are baked into PNGs) and
 * award it — which queues the award e-mail with its wallet claim link, exactly as an award from
 * the console does.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildPng } from '../../packages/server/src/images/image-test-factories.js';
import type { PlatformProcess } from './platform-process.js';

const AKASHI_BIN = fileURLToPath(new URL('../../packages/cli/bin/akashi.js', import.meta.url));

/** `akashi admin …` on the platform's database; the JSON object its last line prints. */
const runAdmin = (platform: PlatformProcess, args: readonly string[]): Record<string, unknown> => {
  const result = spawnSync(process.execPath, [AKASHI_BIN, 'admin', ...args], {
    env: { ...platform.env, LANG: 'C.UTF-8' },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error !== undefined) throw result.error;
  if (result.status !== 0) {
    throw new Error(
      `akashi admin ${args.join(' ')} exited ${String(result.status)}:\n${result.stderr}`,
    );
  }
  const lines = result.stdout.trimEnd().split('\n');
  return JSON.parse(lines[lines.length - 1] ?? '{}') as Record<string, unknown>;
};

export interface IssuedAward {
  readonly id: string;
  /** When it was awarded (ISO 8601). */
  readonly awardedAt: string;
}

export interface WalletIssuer {
  readonly organisationId: string;
  readonly achievementId: string;
  /** Awards the achievement to `email` (the award e-mail is sent). */
  readonly award: (email: string, name: string) => Promise<IssuedAward>;
}

export interface WalletIssuerOptions {
  readonly legalName: string;
  readonly nameEn: string;
  readonly domain: string;
  readonly adminEmail: string;
  readonly badgeName: string;
  readonly badgeDescription: string;
  readonly criteria: string;
}

export const createWalletIssuer = async (
  platform: PlatformProcess,
  options: WalletIssuerOptions,
): Promise<WalletIssuer> => {
  const org = runAdmin(platform, [
    'create-org',
    '--name',
    options.legalName,
    '--name-en',
    options.nameEn,
    '--domain',
    options.domain,
    '--admin-email',
    options.adminEmail,
  ]);
  const organisationId = String(org.organisationId);
  const key = String(
    runAdmin(platform, ['create-api-key', '--org', organisationId, '--name', 'wallet e2e']).key,
  );
  const api = async (
    method: 'POST' | 'PUT',
    path: string,
    body: unknown,
  ): Promise<Record<string, unknown>> => {
    const png = body instanceof Uint8Array;
    const response = await fetch(`${platform.url}/api/v1${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': png ? 'image/png' : 'application/json',
      },
      // A copy over a plain ArrayBuffer, as fetch's body types want.
      body: png ? Uint8Array.from(body) : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${String(response.status)} ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  };
  const achievement = await api('POST', `/organisations/${organisationId}/achievements`, {
    name: { ja: options.badgeName },
    description: { ja: options.badgeDescription },
    criteria: { narrative: { ja: options.criteria } },
  });
  const achievementId = String(achievement.id);
  await api(
    'PUT',
    `/organisations/${organisationId}/achievements/${achievementId}/image`,
    buildPng({ width: 96, height: 96 }),
  );
  return {
    organisationId,
    achievementId,
    award: async (email, name) => {
      const answer = await api(
        'POST',
        `/organisations/${organisationId}/achievements/${achievementId}/awards`,
        { recipient: { email, name }, locale: 'ja' },
      );
      const award = answer.award as { id: unknown; awardedAt: unknown };
      return { id: String(award.id), awardedAt: String(award.awardedAt) };
    },
  };
};
