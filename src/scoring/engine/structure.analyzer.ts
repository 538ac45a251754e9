import { DimensionResult, isSentenceStart, tokenEvidence } from './evidence';
import { PhraseIndex } from './phrase-pattern';
import { TokenizedText } from './tokens';
import { Evidence, Stage } from './types';

interface StructureElement {
  id: string;
  label: string;
  points: number;
  phrases: string[];
}

// What a call's opening and closing must contain (domain brief §4), with points summing to 100.
const ELEMENTS: Record<Exclude<Stage, 'middle'>, StructureElement[]> = {
  opening: [
    {
      id: 'greeting',
      label: 'a greeting',
      points: 35,
      phrases: [
        'hello|hi|hey|welcome|greetings',
        'good (morning|afternoon|evening|day)',
        '(thank|thanks) [you] for (calling|contacting|getting in touch|reaching out|holding)',
      ],
    },
    {
      id: 'identification',
      label: 'your name',
      points: 35,
      phrases: [
        "my name (is|'s)",
        "(you are|you're) (speaking|talking|through) (to|with)",
        "(you have|you've) reached",
        'this is * (speaking|from|at|with|here|in|on)',
        "(i am|i'm) * (from|at|with|in|on)",
      ],
    },
    {
      id: 'offer-help',
      label: 'an offer to help',
      points: 30,
      phrases: [
        '(how|what) (can|may|might) (i|we) (help|assist|do)',
        'how can (i|we) be of (help|assistance|service)',
        'how may i direct your call',
        "(i am|i'm|we are|we're) here to help",
        '(can|may) (i|we) help you',
      ],
    },
  ],
  closing: [
    {
      id: 'anything-else',
      label: 'asking whether anything else is needed',
      points: 40,
      phrases: [
        '(is|was) there anything (else|more)',
        'anything (else|more) (i|we) can',
        '(any|anything) (other|more|further) (questions|question|queries|query|help)',
        '(can|could|may) (i|we) help [you] with anything else',
      ],
    },
    {
      id: 'thanks',
      label: 'thanks',
      points: 30,
      phrases: [
        '(thank|thanks) [you] [so much|very much] for (calling|contacting|your|choosing|being|getting in touch|reaching out|holding|waiting)',
      ],
    },
    {
      id: 'farewell',
      label: 'a farewell',
      points: 30,
      phrases: [
        'have a (nice|good|great|lovely|wonderful|pleasant) (day|evening|weekend|afternoon|one)',
        'goodbye|bye',
        'take care',
        'enjoy (your|the) (day|evening|weekend|afternoon)',
        'all the best',
      ],
    },
  ],
};

const INDEXES = {
  opening: buildIndex(ELEMENTS.opening),
  closing: buildIndex(ELEMENTS.closing),
};

export interface StructureResult extends DimensionResult {
  /** Labels of the elements the stage asks for that the reply lacks. */
  missing: string[];
}

/** Checks the opening or closing elements a stage asks for; the middle of a call asks for none. */
export function analyseStructure(doc: TokenizedText, stage: Stage | undefined): StructureResult {
  if (stage === undefined || stage === 'middle') return { score: null, evidence: [], missing: [] };
  const elements = ELEMENTS[stage];
  const found = new Map<StructureElement, [number, number]>();
  for (const match of INDEXES[stage].match(doc)) {
    if (doc.quoted[match.first] === 1 || doc.negated[match.first] || found.has(match.payload))
      continue;
    found.set(match.payload, [match.first, match.last]);
  }
  const identification = elements.find((element) => element.id === 'identification');
  if (identification !== undefined && !found.has(identification)) {
    const named = findNameIntroduction(doc);
    if (named !== null) found.set(identification, named);
  }
  const evidence: Evidence[] = [];
  let score = 0;
  for (const element of elements) {
    const range = found.get(element);
    if (range === undefined) continue;
    score += element.points;
    evidence.push(tokenEvidence(doc, 'structure', element.id, range[0], range[1], element.points));
  }
  evidence.sort((a, b) => a.span[0] - b.span[0]);
  const missing = elements.filter((element) => !found.has(element)).map((element) => element.label);
  return { score, evidence, missing };
}

// "Anna speaking." / "Hello, Anna here." / "This is Anna." at the start of a sentence or clause.
function findNameIntroduction(doc: TokenizedText): [number, number] | null {
  for (let i = 0; i + 1 < doc.count; i += 1) {
    const next = doc.normals[i + 1];
    const clauseStart = isSentenceStart(doc, i) || doc.types[i - 1] === 'punctuation';
    if (clauseStart && isCapitalised(doc, i) && (next === 'speaking' || next === 'here')) {
      return [i, i + 1];
    }
    if (
      isSentenceStart(doc, i) &&
      doc.normals[i] === 'this' &&
      next === 'is' &&
      isCapitalised(doc, i + 2)
    ) {
      return [i, i + 2];
    }
  }
  return null;
}

function isCapitalised(doc: TokenizedText, index: number): boolean {
  if (index >= doc.count || doc.isWord[index] === 0) return false;
  const first = doc.values[index].charAt(0);
  return first !== first.toLowerCase() && doc.pos[index] === 'PROPN';
}

function buildIndex(elements: StructureElement[]): PhraseIndex<StructureElement> {
  const index = new PhraseIndex<StructureElement>(false);
  for (const element of elements) {
    for (const phrase of element.phrases) {
      const problem = index.add(phrase, element);
      if (problem !== null) throw new Error(`structure element ${element.id}: ${problem}`);
    }
  }
  return index;
}
