import { statementValidator } from '../../test/support/xapi-schema';
import { LearningRecord } from './learning-record.entity';
import {
  activityIri,
  ACTIVITY_TYPES,
  EXTENSIONS,
  isoDuration,
  toXapiStatement,
  VERBS,
} from './xapi';

function record(overrides: Partial<LearningRecord> = {}): LearningRecord {
  return Object.assign(new LearningRecord(), {
    id: '5b2d1c0e-7c1b-4a53-9a43-0a8d6f0f4e11',
    userId: '0d6f3b8e-2d7e-4d8e-9b55-6e0c7d1c2a10',
    verb: VERBS.completed,
    objectId: activityIri('course', 'service-principles', 'lesson', 'the-three-nos'),
    objectType: ACTIVITY_TYPES.lesson,
    objectName: 'The three nos',
    registration: '9a1c7d52-3f7e-4c39-8a55-1b7d0c2e6f33',
    result: {
      score: { scaled: 0.6667, raw: 2, min: 0, max: 3 },
      success: true,
      completion: true,
      duration: isoDuration(754),
    },
    context: {
      registration: '9a1c7d52-3f7e-4c39-8a55-1b7d0c2e6f33',
      revision: '2',
      instructorId: '3e0a1b2c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
      parent: [
        {
          id: activityIri('course', 'service-principles'),
          type: ACTIVITY_TYPES.course,
          name: 'Service principles',
        },
      ],
      extensions: { [EXTENSIONS.contentHash]: 'ab'.repeat(32) },
    },
    occurredAt: new Date('2026-11-23T09:30:00.000Z'),
    storedAt: new Date('2026-11-23T09:30:00.000Z'),
    ...overrides,
  });
}

describe(toXapiStatement.name, () => {
  const validate = statementValidator();

  it('should map every stored field onto the statement', () => {
    const statement = toXapiStatement(record(), {
      id: record().userId,
      displayName: 'Tara Trainee',
    });
    expect(statement).toEqual({
      id: '5b2d1c0e-7c1b-4a53-9a43-0a8d6f0f4e11',
      actor: {
        objectType: 'Agent',
        name: 'Tara Trainee',
        account: { homePage: 'https://agent-academy.org/xapi', name: record().userId },
      },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
      object: {
        objectType: 'Activity',
        id: 'https://agent-academy.org/xapi/activities/course/service-principles/lesson/the-three-nos',
        definition: {
          type: 'http://adlnet.gov/expapi/activities/lesson',
          name: { 'en-US': 'The three nos' },
        },
      },
      result: {
        score: { scaled: 0.6667, raw: 2, min: 0, max: 3 },
        success: true,
        completion: true,
        duration: 'PT754S',
      },
      context: {
        platform: 'Agent Academy',
        registration: '9a1c7d52-3f7e-4c39-8a55-1b7d0c2e6f33',
        revision: '2',
        instructor: {
          objectType: 'Agent',
          account: {
            homePage: 'https://agent-academy.org/xapi',
            name: '3e0a1b2c-4d5e-4f60-8a7b-9c0d1e2f3a4b',
          },
        },
        contextActivities: {
          parent: [
            {
              objectType: 'Activity',
              id: 'https://agent-academy.org/xapi/activities/course/service-principles',
              definition: {
                type: 'http://adlnet.gov/expapi/activities/course',
                name: { 'en-US': 'Service principles' },
              },
            },
          ],
        },
        extensions: { 'https://agent-academy.org/xapi/extensions/content-hash': 'ab'.repeat(32) },
      },
      timestamp: '2026-11-23T09:30:00.000Z',
    });
  });

  it('should produce statements the xAPI statement schema accepts', () => {
    const full = toXapiStatement(record(), { id: record().userId, displayName: 'Tara Trainee' });
    const bare = toXapiStatement(record({ result: null, context: null, verb: VERBS.assigned }), {
      id: record().userId,
    });
    expect(validate(full)).toEqual([]);
    expect(validate(bare)).toEqual([]);
    // The validator is not a rubber stamp.
    expect(validate({ ...full, verb: { id: 'not an iri' } })).not.toEqual([]);
  });

  it('should name verbs it does not know by the last part of their IRI', () => {
    const statement = toXapiStatement(record({ verb: 'http://example.com/verbs/practised' }), {
      id: 'u',
    });
    expect(statement.verb.display).toEqual({ 'en-US': 'practised' });
  });
});
