/**
 * The `context` check of an OB 2.0 badge object: `@context` is the v2 context URL (or its
 * openbadgespec.org alias), alone or first in a list (extension contexts may follow), or an
 * inline context, which the `jsonld` check then holds to the OB 2.0 terms, as the reference
 * validator does.
 */
import { makeCheck, type VerificationCheck } from '../verify/verification-report.js';
import { OB_V2_CONTEXT_URLS } from './ob2-contexts.js';

export const checkOb2Context = (node: Record<string, unknown>): VerificationCheck => {
  const context = node['@context'];
  const first: unknown = Array.isArray(context) ? context[0] : context;
  if (typeof first === 'string' && OB_V2_CONTEXT_URLS.includes(first)) {
    return makeCheck('context', 'passed', 'CONTEXT_OK');
  }
  if (typeof first === 'object' && first !== null && !Array.isArray(first)) {
    return makeCheck('context', 'passed', 'CONTEXT_OK', {}, { inline: true });
  }
  return makeCheck('context', 'failed', 'ERR_OB2_CONTEXT_INVALID', {
    context: context === undefined ? 'none' : JSON.stringify(context).slice(0, 200),
  });
};
