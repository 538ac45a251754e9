import { gunzipSync, gzipSync } from 'node:zlib';
import {
  decodeStatusList,
  encodeStatusList,
  LIST_SIZE,
  listOf,
  readStatusEntry,
  statusBit,
  StatusListError,
  statusEntry,
} from './status-list';

const PREFIX = 'https://academy.example.org/badges/status/';
const listUrl = (list: number) => `${PREFIX}${list}`;

describe('Bitstring Status List encoding', () => {
  it('should put index 0 in the leftmost bit of the first byte', () => {
    const encoded = encodeStatusList([0, 7, 8, LIST_SIZE - 1]);
    expect(encoded.startsWith('u')).toBe(true);
    // Decoded with plain GZIP and base64url, as any other verifier would.
    const bits = gunzipSync(Buffer.from(encoded.slice(1), 'base64url'));
    expect(bits.length).toBe(LIST_SIZE / 8);
    expect([bits[0], bits[1], bits[bits.length - 1]]).toEqual([0x81, 0x80, 0x01]);
    expect(bits.subarray(2, -1).every((byte) => byte === 0)).toBe(true);
  });

  it('should read back every bit it wrote, and only those', () => {
    const set = [3, 1000, 65_535, 131_000];
    const bits = decodeStatusList(encodeStatusList(set));
    for (const index of [0, 2, 3, 4, 999, 1000, 1001, 65_535, 131_000, LIST_SIZE - 1])
      expect(statusBit(bits, index)).toBe(set.includes(index) ? 1 : 0);
  });

  it('should encode the same bits to the same text', () => {
    expect(encodeStatusList([5, 9])).toBe(encodeStatusList([9, 5]));
    expect(encodeStatusList([])).not.toBe(encodeStatusList([5]));
  });

  it('should refuse an index outside the list', () => {
    for (const index of [-1, LIST_SIZE, 1.5])
      expect(() => encodeStatusList([index])).toThrow(RangeError);
    expect(() => statusBit(Buffer.alloc(16), 128)).toThrow(StatusListError);
  });

  it.each([
    ['no multibase prefix', gzipSync(Buffer.alloc(16_384)).toString('base64url'), 'start with "u"'],
    ['not GZIP', `u${Buffer.alloc(16_384).toString('base64url')}`, 'not GZIP-compressed'],
    ['too short', `u${gzipSync(Buffer.alloc(100)).toString('base64url')}`, 'fewer than 131072'],
  ])('should say why an encodedList cannot be read (%s)', (_what, encoded, reason) => {
    expect(() => decodeStatusList(encoded)).toThrow(reason);
  });
});

describe('status entries', () => {
  it('should split a global position into its list and index', () => {
    expect(listOf(0)).toEqual({ list: 1, index: 0 });
    expect(listOf(LIST_SIZE - 1)).toEqual({ list: 1, index: LIST_SIZE - 1 });
    expect(listOf(LIST_SIZE + 7)).toEqual({ list: 2, index: 7 });
  });

  it('should write an entry that reads back to the same list and index', () => {
    const entry = statusEntry(listUrl, LIST_SIZE + 42);
    expect(entry).toEqual({
      id: `${PREFIX}2#42`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '42',
      statusListCredential: `${PREFIX}2`,
    });
    expect(readStatusEntry(entry, PREFIX)).toEqual({ list: 2, index: 42 });
    expect(readStatusEntry([entry], PREFIX)).toEqual({ list: 2, index: 42 });
  });

  it.each([
    ['a string', 'https://x', 'one BitstringStatusListEntry object'],
    ['another type', { type: 'StatusList2021Entry' }, 'type must be BitstringStatusListEntry'],
    ['a number index', { statusListIndex: 4 }, 'whole number, as text'],
    ['a leading zero', { statusListIndex: '04' }, 'whole number, as text'],
    ['an index past the list', { statusListIndex: String(LIST_SIZE) }, 'must be below'],
    [
      'another host',
      { statusListCredential: 'https://evil.example/badges/status/1' },
      'not a status list of this service',
    ],
    ['list 0', { statusListCredential: `${PREFIX}0` }, 'not a status list of this service'],
    ['a suspension list', { statusPurpose: 'suspension' }, 'statusPurpose must be revocation'],
  ])('should refuse an entry with %s, saying why', (_what, change, reason) => {
    const entry = typeof change === 'string' ? change : { ...statusEntry(listUrl, 5), ...change };
    expect(() => readStatusEntry(entry, PREFIX)).toThrow(StatusListError);
    expect(() => readStatusEntry(entry, PREFIX)).toThrow(reason);
  });
});
