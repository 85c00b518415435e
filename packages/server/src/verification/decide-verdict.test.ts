import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  decideStatus,
  messageFor,
  type BadgeVerificationReport,
  type VerificationCheck,
  type VerifyCode,
} from '@akashi/core';
import { decideVerdict, isGenuine } from './decide-verdict.js';

const makeCheck = (
  name: VerificationCheck['name'],
  outcome: VerificationCheck['outcome'],
  code: VerifyCode,
  params: Record<string, string> = {},
  details?: Record<string, unknown>,
): VerificationCheck => ({
  name,
  outcome,
  code,
  message: messageFor(code, params),
  ...(details === undefined ? {} : { details }),
});

const passed = (name: VerificationCheck['name']) => makeCheck(name, 'passed', 'PROOF_OK');

const report = (...checks: VerificationCheck[]): BadgeVerificationReport => {
  const status = decideStatus(checks);
  return { status, valid: status === 'valid', checks };
};

const verdictOf = (...checks: VerificationCheck[]) => decideVerdict(report(...checks)).verdict;

describe('decideVerdict', () => {
  it('is valid when every check that ran passed', () => {
    const decision = decideVerdict(report(passed('parse'), passed('proof'), passed('status')));
    assert.equal(decision.verdict, 'valid');
    assert.match(decision.explanation.ja, /合格/);
  });

  it('calls a signature that does not match, or a signer who is not the issuer, tampering', () => {
    assert.equal(
      verdictOf(passed('parse'), makeCheck('proof', 'failed', 'ERR_PROOF_SIGNATURE')),
      'tampered',
    );
    assert.equal(
      verdictOf(
        passed('proof'),
        makeCheck('issuer', 'failed', 'ERR_ISSUER_CONTROLLER_MISMATCH', {
          controller: 'did:web:x',
          issuer: 'did:web:y',
        }),
      ),
      'tampered',
    );
    const jwt = (code: string) =>
      makeCheck('proof', 'failed', 'ERR_PROOF_JWT', { reason: 'x' }, { code });
    assert.equal(verdictOf(jwt('ERR_JWT_SIGNATURE_INVALID')), 'tampered');
    assert.equal(verdictOf(jwt('ERR_JWT_ALG_UNSUPPORTED')), 'invalid');
  });

  it('calls other integrity failures invalid (no proof, schema), and says why', () => {
    const decision = decideVerdict(report(makeCheck('proof', 'failed', 'ERR_PROOF_MISSING')));
    assert.equal(decision.verdict, 'invalid');
    assert.match(decision.explanation.en, /no proof/);
    assert.equal(
      verdictOf(makeCheck('schema', 'failed', 'ERR_SCHEMA_INVALID', { reason: 'x' })),
      'invalid',
    );
  });

  it('tells unreadable input from an issuer that could not be reached', () => {
    assert.equal(verdictOf(makeCheck('parse', 'failed', 'ERR_PARSE_UNKNOWN_FORMAT')), 'unreadable');
    assert.equal(
      verdictOf(makeCheck('parse', 'error', 'ERR_PARSE_UNREACHABLE', { url: 'u', reason: 'r' })),
      'issuer-unreachable',
    );
    assert.equal(
      verdictOf(
        passed('parse'),
        makeCheck('proof', 'error', 'ERR_PROOF_METHOD_UNREACHABLE', { method: 'm', reason: 'r' }),
      ),
      'issuer-unreachable',
    );
    assert.equal(
      verdictOf(
        passed('proof'),
        makeCheck('status', 'error', 'ERR_STATUS_UNREACHABLE', { url: 'u', reason: 'r' }),
      ),
      'issuer-unreachable',
    );
  });

  it('reads status and dates, tampering first', () => {
    assert.equal(verdictOf(makeCheck('status', 'failed', 'STATUS_REVOKED')), 'revoked');
    assert.equal(verdictOf(makeCheck('status', 'failed', 'STATUS_SUSPENDED')), 'suspended');
    assert.equal(
      verdictOf(makeCheck('validity', 'failed', 'ERR_VALIDITY_EXPIRED', { date: 'd' })),
      'expired',
    );
    assert.equal(
      verdictOf(makeCheck('validity', 'failed', 'ERR_VALIDITY_NOT_YET_VALID', { date: 'd' })),
      'not-yet-valid',
    );
    assert.equal(
      verdictOf(
        makeCheck('proof', 'failed', 'ERR_PROOF_SIGNATURE'),
        makeCheck('status', 'failed', 'STATUS_REVOKED'),
      ),
      'tampered',
    );
    assert.ok(isGenuine('expired') && !isGenuine('tampered') && !isGenuine('unreadable'));
  });
});
