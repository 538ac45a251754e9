import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedFixture } from '../../../test/support/shared-dir';
import { gradeResponse } from '../engine/item.grader';
import { QuestionDefinition } from '../engine/question.types';
import { importGift, parseGiftBlocks } from './gift-import';

// Third-party fixtures, read in place (../shared/fixtures/README.md).
const FIXTURES = sharedFixture('gift');
const PEGJS = join(FIXTURES, 'gift-pegjs');
const MOODLE = join(FIXTURES, 'moodle');
const read = (file: string): string => readFileSync(file, 'utf8');
const pegjsCases = readdirSync(PEGJS).filter((name) => name.endsWith('.gift'));
const noScorer = (): never => {
  throw new Error('no free text here');
};

function byTitle(questions: QuestionDefinition[], title: string): QuestionDefinition {
  const found = questions.find((question) => question.title === title);
  if (!found) throw new Error(`no question titled ${title}`);
  return found;
}

describe(importGift.name, () => {
  it('should find the 51 gift-pegjs cases', () => {
    expect(pegjsCases).toHaveLength(51);
  });

  describe.each(pegjsCases)('gift-pegjs case %s', (name) => {
    const source = read(join(PEGJS, name));
    const expected = JSON.parse(read(join(PEGJS, name.replace(/\.gift$/, '.json')))) as Record<
      string,
      unknown
    >[];

    it('should read block by block exactly what gift-pegjs reads from the whole file', () => {
      const blocks = parseGiftBlocks(source);
      expect(blocks.filter((block) => block.error)).toEqual([]);
      // Comments (ids, tags) and $CATEGORY lines are read by the block splitter, as Moodle does.
      const actual = blocks.map(({ block, question }) => ({
        ...question,
        id: block.id,
        tags: block.tags.length ? block.tags : null,
      }));
      const questions = expected.filter((question) => question.type !== 'Category');
      expect(JSON.parse(JSON.stringify(actual))).toEqual(questions);
      const category = expected.find((question) => question.type === 'Category');
      const appended = importGift(`${source}\n\nQ?{T}`, { bankId: 'b' }).questions.at(-1);
      expect(appended?.category).toBe(
        category ? String(category.title).replace('$course$/top/', '') : 'b',
      );
    });

    it('should import every question with no per-question error', () => {
      const result = importGift(source, { bankId: 'case' });
      const gradable = expected.filter(
        (question) => !['Category', 'Description'].includes(String(question.type)),
      );
      expect(result.issues).toEqual([]);
      expect(result.questions.map((question) => question.prompt)).toEqual(
        gradable.map((question) => (question.stem as { text: string }).text.trim()),
      );
    });
  });

  it('should keep Moodle\'s order of true/false feedback: first "#" for a wrong answer, second for a right one', () => {
    const [falseBoth, trueOne, trueSecond] = importGift(read(join(PEGJS, 'TFTwoFeedback.gift')), {
      bankId: 'tf',
    }).questions;
    expect(falseBoth).toMatchObject({
      answer: false,
      feedbackTrue: 'feedback for true',
      feedbackFalse: 'feedback for false',
    });
    // {TRUE#x}: x is shown to someone who answered false (gift-pegjs names it trueFeedback).
    expect(trueOne).toMatchObject({
      answer: true,
      feedbackTrue: null,
      feedbackFalse: 'feedback for true',
    });
    expect(trueSecond).toMatchObject({
      answer: true,
      feedbackTrue: 'feedback for false',
      feedbackFalse: null,
    });
  });

  it("should import every question of Moodle's own fixture, one-line numerical included", () => {
    const result = importGift(read(join(MOODLE, 'questions.gift.txt')), { bankId: 'moodle' });
    expect(result.issues).toEqual([]);
    expect(result.questions.map((question) => question.type)).toEqual([
      'freetext',
      'matching',
      'single',
      'multiple',
      'numerical',
      'short',
      'truefalse',
      'truefalse',
      'truefalse',
    ]);
    expect(byTitle(result.questions, 'Q5')).toMatchObject({
      answers: [
        { value: 3, tolerance: 2, fraction: 1, feedback: null },
        { any: true, fraction: 0, feedback: 'Completely wrong' },
      ],
    });
    expect(byTitle(result.questions, 'Q1')).toMatchObject({
      answer: false,
      feedbackTrue: '42 is the Ultimate Answer.',
      feedbackFalse: 'You gave the right answer.',
      generalFeedback: "This is, of course, a Hitchiker's Guide to the Galaxy reference.",
    });
    expect(byTitle(result.questions, 'Moodle activities')).toMatchObject({
      format: 'html',
      distractors: ['Chat'],
    });
    expect(byTitle(result.questions, 'colours')).toMatchObject({
      type: 'multiple',
      choices: [{ fraction: 0.5 }, { fraction: -1 }, { fraction: 0.5 }, { fraction: -1 }],
    });
  });

  it("should import all 43 of Moodle's reference examples and what Moodle's exporter writes", () => {
    const examples = importGift(read(join(MOODLE, 'examples.txt')), { bankId: 'examples' });
    expect(examples.issues).toEqual([]);
    expect(examples.questions).toHaveLength(43);
    const exported = importGift(
      read(join(MOODLE, 'giftformat_test_export_expectations.gift.txt')),
      { bankId: 'export' },
    );
    expect(exported.issues).toEqual([]);
    expect(exported.questions).toHaveLength(8);
    expect(exported.questions[7]).toMatchObject({ type: 'freetext', prompt: 'A \\ B \\\\ C' });
  });

  it('should put questions in the $CATEGORY that precedes them', () => {
    const result = importGift(read(join(MOODLE, 'questions_in_category.gift.txt')), {
      bankId: 'cat',
    });
    expect(new Set(result.questions.map((question) => question.category))).toEqual(
      new Set(['Default for New Features']),
    );
  });

  it('should grade on weights: three options of 33.33333 % make a full mark', () => {
    const [question] = importGift(read(join(PEGJS, 'multipleAnswersFloat.gift')), {
      bankId: 'w',
    }).questions;
    expect(gradeResponse(question, { choices: [0, 1, 3] }, noScorer).fraction).toBeCloseTo(
      0.9999999,
      7,
    );
    expect(gradeResponse(question, { choices: [0, 1, 2] }, noScorer).fraction).toBe(0);
  });

  it('should read ids and tags from comments', () => {
    const [question] = importGift(read(join(PEGJS, 'tag_id_and_two_tags.gift')), {
      bankId: 't',
    }).questions;
    expect(question).toMatchObject({
      id: '393',
      tags: ['fred', 'barney-wilma'],
      type: 'freetext',
      review: 'required',
    });
  });

  it('should ignore a leading byte order mark instead of reading it as a description', () => {
    const result = importGift('\uFEFF// a comment\n::Q::Sky is blue?{T}\n', { bankId: 'bom' });
    expect(result).toEqual({
      questions: [expect.objectContaining({ type: 'truefalse', answer: true })],
      issues: [],
      skipped: [],
    });
  });

  it('should import {True} as a short answer, as Moodle does, where gift-pegjs throws', () => {
    const [question] = importGift('Say it.{True}\n\nCapital of France?{Paris}', {
      bankId: 's',
    }).questions;
    expect(question).toMatchObject({ type: 'short', answers: [{ text: 'True', fraction: 1 }] });
  });

  it('should report one bad question with its line and keep the others', () => {
    const source =
      'Good one?{T}\n\n// broken\n::Bad::Which?{~a =b\n\n::Worse::Pick{~%50%a ~b}\n\nAlso good?{=yes}\n';
    const result = importGift(source, { bankId: 'mixed' });
    expect(result.questions.map((question) => question.prompt)).toEqual([
      'Good one?',
      'Also good?',
    ]);
    expect(result.issues).toEqual([
      { line: 4, title: 'Bad', reason: expect.stringMatching(/^GIFT: /) },
      {
        line: 6,
        title: 'Worse',
        path: 'choices',
        reason: 'the positive fractions must add up to 1 (they add up to 0.5)',
      },
    ]);
    expect(result.questions.map((question) => question.id)).toEqual(['mixed-001', 'mixed-004']);
  });
});
