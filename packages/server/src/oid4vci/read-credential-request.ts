/**
 * A credential request as OID4VCI 1.0 words it (§8.2: `credential_configuration_id` and
 * `proofs: {jwt: [jwt]}`) or as draft 13 did (`format` + `credential_definition` and
 * `proof: {proof_type: "jwt", jwt}`), read into one shape: the format to issue and the one JWT
 * proof. Throws `Oid4vciError` with the code each version gives the fault. Batch issuance is not
 * offered, so exactly one proof is taken.
 */
import {
  CREDENTIAL_TYPES,
  FORMAT_OF_CONFIGURATION,
  type Oid4vciFormat,
} from './oid4vci-metadata.js';
import { Oid4vciError } from './oid4vci-protocol-error.js';

export interface CredentialRequest {
  readonly format: Oid4vciFormat;
  readonly proofJwt: string;
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const readFormat = (body: Json): Oid4vciFormat => {
  if (body.credential_identifier !== undefined) {
    throw new Oid4vciError(
      'unknown_credential_identifier',
      'This issuer hands out no credential identifiers: use credential_configuration_id.',
    );
  }
  const configurationId = body.credential_configuration_id;
  if (configurationId !== undefined) {
    const format =
      typeof configurationId === 'string' ? FORMAT_OF_CONFIGURATION[configurationId] : undefined;
    if (format === undefined) {
      throw new Oid4vciError(
        'unknown_credential_configuration',
        `Unknown credential_configuration_id; offered: ${Object.keys(FORMAT_OF_CONFIGURATION).join(', ')}.`,
      );
    }
    return format;
  }
  const { format } = body;
  if (format === undefined) {
    throw new Oid4vciError(
      'invalid_credential_request',
      'Name the credential: credential_configuration_id (or format and credential_definition).',
    );
  }
  if (format !== 'ldp_vc' && format !== 'jwt_vc_json') {
    throw new Oid4vciError(
      'unsupported_credential_format',
      'format must be ldp_vc or jwt_vc_json.',
    );
  }
  const definition = body.credential_definition;
  if (definition !== undefined) {
    const type = isObject(definition) ? definition.type : undefined;
    const types = Array.isArray(type) ? (type as unknown[]) : [];
    if (!CREDENTIAL_TYPES.every((name) => types.includes(name))) {
      throw new Oid4vciError(
        'unsupported_credential_type',
        `credential_definition.type must be ${JSON.stringify(CREDENTIAL_TYPES)}.`,
      );
    }
  }
  return format;
};

const readProof = (body: Json): string => {
  const { proof, proofs } = body;
  if (proof !== undefined && proofs !== undefined) {
    throw new Oid4vciError('invalid_credential_request', 'Give proofs or proof, not both.');
  }
  if (proofs !== undefined) {
    if (!isObject(proofs)) throw new Oid4vciError('invalid_proof', 'proofs must be an object.');
    const types = Object.keys(proofs);
    if (types.length !== 1 || types[0] !== 'jwt') {
      throw new Oid4vciError('invalid_proof', 'Only jwt proofs are supported (proofs.jwt).');
    }
    const jwts = proofs.jwt;
    if (!Array.isArray(jwts) || jwts.length !== 1 || typeof jwts[0] !== 'string') {
      throw new Oid4vciError(
        'invalid_proof',
        'proofs.jwt must hold exactly one JWT (batch issuance is not offered).',
      );
    }
    return jwts[0];
  }
  if (proof !== undefined) {
    if (!isObject(proof) || proof.proof_type !== 'jwt' || typeof proof.jwt !== 'string') {
      throw new Oid4vciError('invalid_proof', 'proof must be {proof_type: "jwt", jwt}.');
    }
    return proof.jwt;
  }
  throw new Oid4vciError(
    'invalid_proof',
    'A proof of possession is required: proofs.jwt (or draft 13 proof).',
  );
};

export const readCredentialRequest = (body: unknown): CredentialRequest => {
  if (!isObject(body)) {
    throw new Oid4vciError('invalid_credential_request', 'The request body must be a JSON object.');
  }
  return { format: readFormat(body), proofJwt: readProof(body) };
};
