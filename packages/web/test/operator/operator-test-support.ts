/** Test support for the operator pages: applications made through the API as a given user. */
import { sampleApplication } from '../../../server/src/policy/policy-test-world.js';
import type { WebTestWorld } from '../web-test-world.js';

export interface CreatedApplication {
  readonly id: string;
  readonly legalName: string;
  readonly domain: string;
}

/** Applies through `POST /api/v1/organisation-applications` (the learner by default). */
export const applyThroughApi = async (
  world: WebTestWorld,
  overrides: Record<string, unknown> = {},
  as: Record<string, string> = world.headers.learner,
): Promise<CreatedApplication> => {
  const response = await world.testApp.app.inject({
    method: 'POST',
    url: '/api/v1/organisation-applications',
    headers: { ...as, 'content-type': 'application/json' },
    payload: JSON.stringify(sampleApplication(overrides)),
  });
  if (response.statusCode !== 201) throw new Error(`apply answered ${response.body}`);
  return response.json<CreatedApplication>();
};

export const EN = { 'accept-language': 'en' };

/** The same session headers, asking for English pages through the language cookie. */
export const inEnglish = (as: Record<string, string> = {}): Record<string, string> => ({
  ...as,
  cookie: [as.cookie, 'akashi_lang=en'].filter(Boolean).join('; '),
});
