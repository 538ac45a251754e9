import { Dimension, Rubric } from './types';

/**
 * The built-in rubric used when an input names none. `content/rubrics/default.yaml` describes the
 * same rubric (plus its calibration examples).
 */
export const DEFAULT_RUBRIC: Rubric = {
  id: 'default',
  title: 'Any customer reply',
  description:
    'General standard for a reply at any point of a call: courteous, caring, safe and plain.',
  weights: { politeness: 30, empathy: 20, compliance: 25, structure: 10, clarity: 15 },
  passMark: 70,
  violationCap: 40,
  concepts: [],
  forbidden: [
    {
      id: 'not-my-department',
      phrases: [
        'not my (department|job|area|responsibility)',
        "(that is|that's|it is|it's) not (our|my) problem",
      ],
      message:
        'Whoever takes the contact owns it: hand over formally instead of sending the customer away.',
    },
    {
      id: 'blame-customer',
      phrases: ['your [own] fault'],
      message: 'Never blame the customer; explain what happened and what you will do.',
    },
  ],
  jargon: [
    'MSISDN',
    'ICCID',
    'IMEI',
    'APN',
    'CRM',
    'SLA',
    'KYC',
    'AHT',
    'FCR',
    'backend|back-end',
    'provisioning|provisioned',
    'escalation matrix',
    'ticket ID',
    'L2|L3',
  ],
  maxSentenceWords: 30,
  tips: {},
  calibration: [],
};

/** Coaching lines used when a rubric has no tip for a dimension. */
export const DEFAULT_TIPS: Record<Dimension, string> = {
  politeness:
    'Soften requests ("could you…", "please"), thank the customer, and avoid blunt openers and commands.',
  empathy:
    'Name the customer\'s feeling or situation before you solve it: "I understand how frustrating that is."',
  keywords: 'Cover every step the procedure requires.',
  compliance:
    "Never read out card numbers, IDs, passwords or PINs, and don't promise outcomes you can't guarantee.",
  structure: 'Follow the call script for this stage.',
  clarity: 'Keep sentences short and swap jargon for plain words.',
};
