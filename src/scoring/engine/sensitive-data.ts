// Detectors for data an agent must never read out. Pure string checks with exact spans.

export interface SensitiveHit {
  rule: 'card-number' | 'national-id' | 'secret-disclosed' | 'secret-requested';
  span: [number, number];
}

// A run of 13+ digits with single spaces or hyphens between groups.
const DIGIT_RUN = /\d(?:[ -]?\d){12,}/g;
const CN_RESIDENT_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const US_SSN = /(?<![\d-])(\d{3})-(\d{2})-(\d{4})(?![\d-])/g;
const UK_NINO =
  /(?<![A-Za-z0-9])[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D](?![A-Za-z0-9])/g;
const SECRET = String.raw`(?:password|passcode|pass code|pin(?: code| number)?|security code|cvv2?|cvc|one[- ]time (?:code|password|passcode)|otp|verification code)`;
const SECRET_DISCLOSED = new RegExp(
  String.raw`\b(?:your|the)\s+(?:[a-z-]+\s+){0,2}?${SECRET}\s*(?:(?:is|was|will be|is now|is set to|has been (?:set|changed|reset) to)\s*:?|:|=)\s*(["'“‘]?)([^\s"'”’]+)`,
  'gi',
);
const SECRET_REQUESTED = new RegExp(
  String.raw`\b(?:(?:tell|give|read|say|confirm|provide|share|spell|ask(?: you)? for|(?:i|we)(?:'ll|’ll| will| would)? (?:need|require))\b([^.?!\n]{0,30}?)\b|what(?:'s|’s| is)\s+)(?:your|the)\s+(?:[a-z-]+\s+){0,2}?${SECRET}\b`,
  'gi',
);
// Asking for some characters of a secret is an accepted identity check, and "confirm you have
// reset your password" asks for no secret.
const NOT_A_REQUEST =
  /\b(?:last|first|second|third|digits?|characters?|letters?|reset|change|changed|update|updated|create|created|set|chose|chosen|received?|forgot|forgotten|remember|keep|protect)\b/i;
// "Your PIN is 4 digits long" describes the secret without disclosing it.
const DESCRIBES_FORMAT = /^\s*(?:digits?|characters?|letters?|numbers?|long)\b/i;

/** Every sensitive number or secret in the text, in text order. */
export function findSensitiveData(text: string): SensitiveHit[] {
  const hits: SensitiveHit[] = [];
  if (/\d/.test(text)) {
    findCardNumbers(text, hits);
    for (const match of text.matchAll(CN_RESIDENT_ID)) {
      if (validChineseId(match[0])) hits.push(hit('national-id', match.index, match[0]));
    }
    for (const match of text.matchAll(US_SSN)) {
      const [whole, area, group, serial] = match;
      if (
        area !== '000' &&
        area !== '666' &&
        area[0] !== '9' &&
        group !== '00' &&
        serial !== '0000'
      ) {
        hits.push(hit('national-id', match.index, whole));
      }
    }
    for (const match of text.matchAll(UK_NINO))
      hits.push(hit('national-id', match.index, match[0]));
  }
  for (const match of text.matchAll(SECRET_DISCLOSED)) {
    const quoted = match[1] !== '';
    const value = match[2].replace(/[.,;:!?)]+$/, '');
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 16);
    if (value !== '' && (quoted || looksLikeSecret(value)) && !DESCRIBES_FORMAT.test(after)) {
      hits.push({
        rule: 'secret-disclosed',
        span: [match.index, match.index + match[0].length - (match[2].length - value.length)],
      });
    }
  }
  for (const match of text.matchAll(SECRET_REQUESTED)) {
    if (!NOT_A_REQUEST.test(match[1] ?? ''))
      hits.push(hit('secret-requested', match.index, match[0]));
  }
  hits.sort((a, b) => a.span[0] - b.span[0] || b.span[1] - a.span[1]);
  // An 18-digit ID can also pass as a card number: report each stretch of text once.
  const kept: SensitiveHit[] = [];
  for (const item of hits) {
    if (kept.length === 0 || item.span[0] >= kept[kept.length - 1].span[1]) kept.push(item);
  }
  return kept;
}

/** Luhn checksum over a string of digits. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

// Tries every window of whole digit groups 13–19 digits long, longest first, so a card number
// followed by another number ("4111 1111 1111 1111 12 months") is still found.
function findCardNumbers(text: string, hits: SensitiveHit[]): void {
  for (const run of text.matchAll(DIGIT_RUN)) {
    const groups = [...run[0].matchAll(/\d+/g)].map((group) => ({
      start: run.index + group.index,
      digits: group[0],
    }));
    let found = false;
    for (let from = 0; from < groups.length && !found; from += 1) {
      let digits = '';
      const windows: { to: number; digits: string }[] = [];
      for (let to = from; to < groups.length && digits.length < 19; to += 1) {
        digits += groups[to].digits;
        if (digits.length >= 13 && digits.length <= 19) windows.push({ to, digits });
      }
      for (const window of windows.reverse()) {
        if (!/^[2-6]/.test(window.digits) || !luhnValid(window.digits)) continue;
        const end = groups[window.to].start + groups[window.to].digits.length;
        hits.push({ rule: 'card-number', span: [groups[from].start, end] });
        found = true;
        break;
      }
    }
  }
}

// GB 11643-1999 check character (ISO 7064 MOD 11-2).
function validChineseId(id: string): boolean {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += (id.charCodeAt(i) - 48) * weights[i];
  return '10X98765432'[sum % 11] === id[17].toUpperCase();
}

// A value that reads like a secret: a digit, a symbol (not a hyphen: "case-sensitive"), or
// mixed case inside the word ("sunShine").
function looksLikeSecret(value: string): boolean {
  return /\d/.test(value) || /[^\p{L}\p{N}'’-]/u.test(value) || /\p{Ll}\p{Lu}/u.test(value);
}

function hit(rule: SensitiveHit['rule'], index: number, matched: string): SensitiveHit {
  return { rule, span: [index, index + matched.length] };
}
