import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedFixture } from '../../test/support/shared-dir';
import {
  addProof,
  canonicalNQuads,
  checkProof,
  JsonObject,
  privateKeyFromSeed,
  ProofFailure,
  publicKeyFromMultibase,
  publicKeyMultibase,
  seedOf,
} from './credential-proof';

// The 1EdTech Open Badges 3.0 implementation guide's eddsa-rdfc-2022 test vector, with its
// published test key (../shared/fixtures/openbadges/v3/test-vector-eddsa-rdfc-2022).
const VECTOR = sharedFixture('openbadges', 'v3', 'test-vector-eddsa-rdfc-2022');
const read = (name: string) => readFileSync(join(VECTOR, name), 'utf8');
const json = (name: string) => JSON.parse(read(name)) as JsonObject;

describe('credential proofs (eddsa-rdfc-2022)', () => {
  const keyPair = json('test-keypair.json') as Record<string, string>;
  const vectorKey = {
    verificationMethod: keyPair.id,
    privateKey: privateKeyFromSeed(Buffer.from(keyPair.privateKeyHex.slice(0, 64), 'hex')),
  };
  const vectorPublicKey = publicKeyFromMultibase(keyPair.publicKeyMultibase);
  const resolveVectorKey = (id: string) => (id === keyPair.id ? vectorPublicKey : null);
  const signed = json('credential-signed.json');

  it('should canonicalise the test vector credential to its published N-Quads', async () => {
    await expect(canonicalNQuads(json('credential-unsigned.json'))).resolves.toBe(
      read('document-canon.nq.txt'),
    );
  });

  it('should reproduce the published proof byte for byte with the published test key', async () => {
    const proof = json('proof.json');
    const result = await addProof(
      json('credential-unsigned.json'),
      vectorKey,
      new Date(proof.created as string),
    );
    expect(result).toEqual({ ...signed, proof: [signed.proof] });
    expect(publicKeyMultibase(vectorPublicKey!)).toBe(keyPair.publicKeyMultibase);
  });

  it('should accept the published signed credential, its proof alone or in a list of one', async () => {
    await expect(checkProof(signed, resolveVectorKey)).resolves.toBe(keyPair.id);
    await expect(checkProof({ ...signed, proof: [signed.proof] }, resolveVectorKey)).resolves.toBe(
      keyPair.id,
    );
  });

  it.each([
    ['a changed name', (c: JsonObject) => ({ ...c, name: 'Leadership Badge' })],
    ['a changed date', (c: JsonObject) => ({ ...c, validFrom: '2009-01-01T00:00:00Z' })],
    [
      'a changed recipient',
      (c: JsonObject) => ({
        ...c,
        credentialSubject: { ...(c.credentialSubject as JsonObject), id: 'did:example:other' },
      }),
    ],
    [
      'a changed proof date',
      (c: JsonObject) => ({
        ...c,
        proof: { ...(c.proof as JsonObject), created: '2011-01-01T00:00:00Z' },
      }),
    ],
  ])('should reject the credential with %s', async (_what, change) => {
    await expect(checkProof(change(signed), resolveVectorKey)).rejects.toThrow(
      'The signature does not match the credential',
    );
  });

  it.each([
    ['no proof', (c: JsonObject) => ({ ...c, proof: undefined }), 'carries no proof'],
    ['two proofs', (c: JsonObject) => ({ ...c, proof: [c.proof, c.proof] }), 'exactly one proof'],
    [
      'another cryptosuite',
      (c: JsonObject) => ({ ...c, proof: { ...(c.proof as JsonObject), cryptosuite: 'x' } }),
      'eddsa-rdfc-2022',
    ],
    [
      'a garbled signature',
      (c: JsonObject) => ({ ...c, proof: { ...(c.proof as JsonObject), proofValue: 'zzz' } }),
      'not a base58-btc Ed25519 signature',
    ],
    [
      'a term no context defines',
      (c: JsonObject) => ({ ...c, favouriteColour: 'green' }),
      'not valid JSON-LD',
    ],
    [
      'a context fetched from elsewhere',
      (c: JsonObject) => ({
        ...c,
        '@context': [...(c['@context'] as string[]), 'https://example.com/ctx.json'],
      }),
      'https://example.com/ctx.json is not one this service knows',
    ],
  ])('should say why a credential with %s fails', async (_what, change, reason) => {
    const outcome = checkProof(
      JSON.parse(JSON.stringify(change(signed))) as JsonObject,
      resolveVectorKey,
    );
    await expect(outcome).rejects.toBeInstanceOf(ProofFailure);
    await expect(outcome).rejects.toThrow(reason);
  });

  it('should refuse a proof made with a key the issuer does not list', async () => {
    const other = generateKeyPairSync('ed25519');
    const forged = await addProof(
      json('credential-unsigned.json'),
      {
        verificationMethod: 'https://example.edu/issuers/565049#other',
        privateKey: other.privateKey,
      },
      new Date('2010-01-01T19:23:24Z'),
    );
    await expect(checkProof(forged, resolveVectorKey)).rejects.toThrow('is not one of this issuer');
    // Signed by the right key but claiming the vector's key id: the signature check catches it.
    const impostor = await addProof(
      json('credential-unsigned.json'),
      { verificationMethod: keyPair.id, privateKey: other.privateKey },
      new Date('2010-01-01T19:23:24Z'),
    );
    await expect(checkProof(impostor, resolveVectorKey)).rejects.toThrow(
      'The signature does not match',
    );
  });

  it('should round-trip keys through their seed and multibase forms', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    expect(privateKeyFromSeed(seedOf(privateKey)).equals(privateKey)).toBe(true);
    expect(publicKeyFromMultibase(publicKeyMultibase(publicKey))!.equals(publicKey)).toBe(true);
    expect(publicKeyFromMultibase('z6Mk')).toBeNull();
    expect(publicKeyFromMultibase('not-multibase')).toBeNull();
  });
});
