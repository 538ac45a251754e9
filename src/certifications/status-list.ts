import { gunzipSync, gzipSync } from 'node:zlib';

// W3C Bitstring Status List v1.0 (2025): a credential carries a `credentialStatus` entry naming a
// list and a position in it; the list is itself a signed credential whose `encodedList` is a
// bitstring, one bit per position, 1 = revoked. Verifiers fetch the list, not the certificate, so
// the issuer cannot tell which credential they check (every list holds many positions, and
// positions are handed out at random).

/** Positions per list: the specification's minimum (16 KiB), for herd privacy. */
export const LIST_SIZE = 131_072;
export const STATUS_PURPOSE = 'revocation';

/** The global position split into its list (numbered from 1) and the index inside the list. */
export function listOf(position: number): { list: number; index: number } {
  return { list: Math.floor(position / LIST_SIZE) + 1, index: position % LIST_SIZE };
}

/** Multibase base64url (prefix `u`) of the GZIP-compressed bitstring; bit 0 is the leftmost. */
export function encodeStatusList(setIndexes: Iterable<number>): string {
  const bits = Buffer.alloc(LIST_SIZE / 8);
  for (const index of setIndexes) {
    if (!Number.isInteger(index) || index < 0 || index >= LIST_SIZE)
      throw new RangeError(`status list index ${index} is outside 0..${LIST_SIZE - 1}`);
    bits[index >> 3] |= 0x80 >> (index & 7);
  }
  // A fixed level and no header timestamp: the same bits always encode to the same text.
  return `u${gzipSync(bits, { level: 9 }).toString('base64url')}`;
}

/** The bitstring behind an `encodedList`; a malformed one is an error with the reason. */
export function decodeStatusList(encodedList: string): Buffer {
  if (!encodedList.startsWith('u'))
    throw new StatusListError('encodedList is not multibase base64url (it must start with "u")');
  let bits: Buffer;
  try {
    bits = gunzipSync(Buffer.from(encodedList.slice(1), 'base64url'));
  } catch {
    throw new StatusListError('encodedList is not GZIP-compressed');
  }
  if (bits.length * 8 < LIST_SIZE)
    throw new StatusListError(`encodedList holds ${bits.length * 8} bits, fewer than ${LIST_SIZE}`);
  return bits;
}

export function statusBit(bits: Buffer, index: number): 0 | 1 {
  if (!Number.isInteger(index) || index < 0 || index >= bits.length * 8)
    throw new StatusListError(`statusListIndex ${index} is outside the list`);
  return bits[index >> 3] & (0x80 >> (index & 7)) ? 1 : 0;
}

export class StatusListError extends Error {}

/**
 * The list URL and index a `credentialStatus` entry points at, when it is a revocation entry of a
 * list under `listPrefix` (`…/badges/status/`); otherwise a StatusListError saying why not.
 */
export function readStatusEntry(
  entry: unknown,
  listPrefix: string,
): { list: number; index: number } {
  // A list of one entry is the same statement in JSON-LD as the entry alone.
  if (Array.isArray(entry) && entry.length === 1) entry = entry[0];
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
    throw new StatusListError('credentialStatus must be one BitstringStatusListEntry object');
  const { type, statusPurpose, statusListIndex, statusListCredential } = entry as Record<
    string,
    unknown
  >;
  if (type !== 'BitstringStatusListEntry')
    throw new StatusListError('credentialStatus.type must be BitstringStatusListEntry');
  if (statusPurpose !== STATUS_PURPOSE)
    throw new StatusListError(`credentialStatus.statusPurpose must be ${STATUS_PURPOSE}`);
  if (typeof statusListIndex !== 'string' || !/^(0|[1-9][0-9]{0,8})$/.test(statusListIndex))
    throw new StatusListError('credentialStatus.statusListIndex must be a whole number, as text');
  const list =
    typeof statusListCredential === 'string' && statusListCredential.startsWith(listPrefix)
      ? listNumber(statusListCredential.slice(listPrefix.length))
      : null;
  if (list === null)
    throw new StatusListError(
      `credentialStatus.statusListCredential is not a status list of this service (${listPrefix}N)`,
    );
  const index = Number(statusListIndex);
  if (index >= LIST_SIZE)
    throw new StatusListError(`credentialStatus.statusListIndex must be below ${LIST_SIZE}`);
  return { list, index };
}

/** The list number a status list URL ends with ("1", "2", … as written, no leading zero), else null. */
export function listNumber(text: string): number | null {
  return /^[1-9][0-9]{0,8}$/.test(text) ? Number(text) : null;
}

/** The `credentialStatus` entry of the credential at `position` (the index is a string, per spec). */
export function statusEntry(listUrl: (list: number) => string, position: number): object {
  const { list, index } = listOf(position);
  return {
    id: `${listUrl(list)}#${index}`,
    type: 'BitstringStatusListEntry',
    statusPurpose: STATUS_PURPOSE,
    statusListIndex: String(index),
    statusListCredential: listUrl(list),
  };
}

/** The unsigned BitstringStatusListCredential of one list. */
export function statusListCredential(
  url: string,
  issuer: string,
  validFrom: Date,
  encodedList: string,
): Record<string, unknown> {
  return {
    '@context': ['https://www.w3.org/ns/credentials/v2'],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer,
    validFrom: validFrom.toISOString(),
    credentialSubject: {
      id: `${url}#list`,
      type: 'BitstringStatusList',
      statusPurpose: STATUS_PURPOSE,
      encodedList,
    },
  };
}
