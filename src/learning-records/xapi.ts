import { LearningRecord } from './learning-record.entity';

// IRIs this platform mints itself (activities, the "assigned" verb, extensions, the account home
// page). One constant so a deployment that publishes an xAPI profile can change it in one place.
export const ACADEMY_IRI = 'https://agent-academy.org/xapi';

/** Verbs the platform records; ADL's where one exists (adlnet.gov/expapi/verbs, see the ADL profile). */
export const VERBS = {
  assigned: `${ACADEMY_IRI}/verbs/assigned`,
  registered: 'http://adlnet.gov/expapi/verbs/registered',
  attempted: 'http://adlnet.gov/expapi/verbs/attempted',
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  /** A certificate issued, as the Open Badges xAPI recipe records a badge earned. */
  earned: 'https://openbadgespec.org/xapi/verbs/earned',
} as const;

export type VerbName = keyof typeof VERBS;

export const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  question: 'http://adlnet.gov/expapi/activities/question',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
  simulation: 'http://adlnet.gov/expapi/activities/simulation',
  badge: 'http://activitystrea.ms/schema/1.0/badge',
  recipe: 'http://id.tincanapi.com/activitytype/recipe',
} as const;

/** Recipes a statement follows, named in its `category` context activities. */
export const RECIPES = {
  openBadges: 'https://openbadgespec.org/xapi/recipe/base/0_0_2',
} as const;

export const EXTENSIONS = {
  dueDate: `${ACADEMY_IRI}/extensions/due-date`,
  contentHash: `${ACADEMY_IRI}/extensions/content-hash`,
  courseVersion: `${ACADEMY_IRI}/extensions/course-version`,
  /** A role-play session's mean score per scoring dimension: `{ compliance: 100, … }`. */
  dimensionMeans: `${ACADEMY_IRI}/extensions/dimension-means`,
  /** The Open Badges 2.0 assertion of a certificate earned: `{ "@id": assertion URL }`. */
  badgeAssertion: 'https://openbadgespec.org/xapi/extensions/badgeassertion',
  certificateCycle: `${ACADEMY_IRI}/extensions/certificate-cycle`,
} as const;

/** The IRI of a platform activity: `…/activities/course/service-principles`. */
export function activityIri(type: string, ...path: string[]): string {
  return `${ACADEMY_IRI}/activities/${[type, ...path].map(encodeURIComponent).join('/')}`;
}

export interface XapiScore {
  scaled?: number;
  raw?: number;
  min?: number;
  max?: number;
}

/** Stored as written: the xAPI result object (duration as ISO 8601, e.g. PT95S). */
export interface XapiResult {
  score?: XapiScore;
  success?: boolean;
  completion?: boolean;
  response?: string;
  duration?: string;
  extensions?: Record<string, unknown>;
}

export interface ActivityRef {
  id: string;
  type: string;
  name?: string;
}

/**
 * What is stored of the xAPI context. People other than the actor (the instructor who assigned
 * a course) are stored by user id and become Agents when the statement is built.
 */
export interface LearningRecordContext {
  /** The enrolment (or attempt) id: every statement of one try at an activity shares it. */
  registration?: string;
  /** Version of the activity the event happened on (the course version). */
  revision?: string;
  instructorId?: string;
  parent?: ActivityRef[];
  grouping?: ActivityRef[];
  /** The recipe or profile the statement follows. */
  category?: ActivityRef[];
  extensions?: Record<string, unknown>;
}

export interface XapiAgent {
  objectType: 'Agent';
  name?: string;
  account: { homePage: string; name: string };
}

export interface XapiActivity {
  objectType: 'Activity';
  id: string;
  definition?: { type?: string; name?: Record<string, string> };
}

export interface XapiStatement {
  id: string;
  actor: XapiAgent;
  verb: { id: string; display: Record<string, string> };
  object: XapiActivity;
  result?: XapiResult;
  context?: {
    registration?: string;
    revision?: string;
    platform: string;
    instructor?: XapiAgent;
    contextActivities?: {
      parent?: XapiActivity[];
      grouping?: XapiActivity[];
      category?: XapiActivity[];
    };
    extensions?: Record<string, unknown>;
  };
  timestamp: string;
}

export function agentFor(actor: { id: string; displayName?: string }): XapiAgent {
  return {
    objectType: 'Agent',
    ...(actor.displayName ? { name: actor.displayName } : {}),
    account: { homePage: ACADEMY_IRI, name: actor.id },
  };
}

function activity(ref: ActivityRef): XapiActivity {
  const definition = {
    ...(ref.type ? { type: ref.type } : {}),
    ...(ref.name ? { name: { 'en-US': ref.name } } : {}),
  };
  return {
    objectType: 'Activity',
    id: ref.id,
    ...(Object.keys(definition).length ? { definition } : {}),
  };
}

function verbDisplay(verb: string): string {
  const known = Object.entries(VERBS).find(([, iri]) => iri === verb);
  return known ? known[0] : (verb.split('/').pop() ?? verb);
}

/** A stored learning record as the xAPI 1.0.3 statement it stands for (no field is dropped). */
export function toXapiStatement(
  record: LearningRecord,
  actor: { id: string; displayName?: string },
): XapiStatement {
  const statement: XapiStatement = {
    id: record.id,
    actor: agentFor(actor),
    verb: { id: record.verb, display: { 'en-US': verbDisplay(record.verb) } },
    object: activity({ id: record.objectId, type: record.objectType, name: record.objectName }),
    timestamp: record.occurredAt.toISOString(),
  };
  if (record.result) statement.result = record.result;
  const context = record.context ?? {};
  const contextActivities = {
    ...(context.parent?.length ? { parent: context.parent.map(activity) } : {}),
    ...(context.grouping?.length ? { grouping: context.grouping.map(activity) } : {}),
    ...(context.category?.length ? { category: context.category.map(activity) } : {}),
  };
  statement.context = {
    platform: 'Agent Academy',
    ...(context.registration ? { registration: context.registration } : {}),
    ...(context.revision ? { revision: context.revision } : {}),
    ...(context.instructorId ? { instructor: agentFor({ id: context.instructorId }) } : {}),
    ...(Object.keys(contextActivities).length ? { contextActivities } : {}),
    ...(context.extensions && Object.keys(context.extensions).length
      ? { extensions: context.extensions }
      : {}),
  };
  return statement;
}

/** ISO 8601 duration of whole seconds, as xAPI results carry it. */
export function isoDuration(seconds: number): string {
  return `PT${Math.max(0, Math.round(seconds))}S`;
}
