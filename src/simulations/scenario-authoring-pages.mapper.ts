import { withdrawalModel } from '../activities/withdrawal-pages';
import type { FieldError } from '../common/domain-error';
import { errorsByPath } from '../common/validation';
import {
  AuthoredScenarioDetailView,
  AuthoredScenarioView,
  TryReplyView,
  ValidationView,
} from './dto/simulation-views.dto';
import { highlightSegments } from './engine';

/** What a new scenario starts from: short, valid, and showing every part of the format. */
export const STARTER_SOURCE = `id: my-new-scenario
version: 1
title: A customer who needs help with their account
summary: One line on who the customer is and what they want.
tags: [practice]
channel: chat                 # voice | chat
difficulty: easy              # easy | medium | hard
passMark: 60
persona:
  name: Alex Example
  situation: What happened before the contact.
  wants: What a good outcome is for them.
  mood: anxious               # calm | anxious | angry | dissatisfied | satisfied
  anger: 40
  account:
    - { label: Account, value: AC-104522 }
    - { label: Date of birth, value: 02/03/1990, sensitive: true }
start: opening
steps:
  - id: opening
    stage: opening
    customer:
      - "Hello? I need some help with my account, please."
    rubric: greeting-caller
    modelAnswer: "Good morning, you're through to Sam at Northwind. Thank you for getting in touch, I'm happy to help with your account today."
    branches:
      - when: { minOverall: 60 }
        next: resolved
        anger: -10
        reaction: "Thank you, that's kind."
      - next: lost
        anger: +10
        reaction: "Never mind, I'll try somewhere else."
    calibration:
      - { text: "Good morning, you're through to Sam at Northwind. Thank you for getting in touch, I'm happy to help with your account today.", branch: 0 }
      - { text: "What.", branch: 1 }
  - id: resolved
    outcome: resolved
    customer: "Great, thanks!"
  - id: lost
    outcome: lost
    customer: "(the customer leaves the chat)"
debrief:
  - Greet the customer, give your name and offer help before anything else.
`;

/** A content scenario's source filed under a new id, for "copy as new draft". */
export function copySource(source: string, fromId: string): string {
  const copyId = `${fromId}-copy`.slice(0, 80);
  return source.replace(/^id:.*$/m, `id: ${copyId}`).replace(/^version:.*$/m, 'version: 1');
}

export function listModel(items: AuthoredScenarioView[], notice?: string): object {
  return {
    title: 'Scenario editor',
    notice,
    authored: items.filter((item) => !item.readOnly),
    content: items.filter((item) => item.readOnly),
  };
}

export interface TryForm {
  stepId?: string;
  text?: string;
  anger?: string;
}

export interface EditorState {
  scenarioId: string | null;
  source: string;
  validation: ValidationView;
  detail?: AuthoredScenarioDetailView;
  readOnly?: boolean;
  notice?: string;
  error?: string;
  errors?: FieldError[];
  tryForm?: TryForm;
  tried?: TryReplyView;
  /** The reason typed in the withdraw form, shown again with its error. */
  withdrawReason?: string;
}

function tryModel(tried: TryReplyView, text: string): object {
  return {
    ...tried,
    score: Math.round(tried.report.overall),
    dimensions: Object.entries(tried.report.dimensions)
      .filter(([, value]) => value !== null)
      .map(([dimension, value]) => ({ dimension, score: Math.round(value as number) })),
    segments: highlightSegments(text, tried.report.evidence).map((segment) => ({
      ...segment,
      title: segment.notes.join('\n'),
    })),
    angerChange: tried.angerAfter - tried.angerBefore,
  };
}

/** The editor: source, validation issues by line, calibration, flow, try-a-reply and actions. */
export function editorModel(state: EditorState): object {
  const { validation, detail } = state;
  const flow = validation.flow;
  const dialogueSteps = (flow?.steps ?? []).filter((step) => step.kind === 'dialogue');
  const tryForm = state.tryForm ?? {};
  const sourceErrors = (state.errors ?? []).filter((error) => error.path.startsWith('source'));
  return {
    title: state.scenarioId ? `Editor · ${state.scenarioId}` : 'Editor · new scenario',
    scenarioId: state.scenarioId,
    source: state.source,
    readOnly: state.readOnly ?? false,
    detail,
    notice: state.notice,
    error: state.error,
    errors: errorsByPath(state.errors),
    sourceErrors,
    validation,
    failedChecks: validation.calibration.filter((check) => !check.ok),
    flow: flow && {
      ...flow,
      steps: flow.steps.map((step) => ({
        ...step,
        branches: step.branches.map((branch) => ({ ...branch, angerText: signed(branch.anger) })),
      })),
    },
    steps: dialogueSteps.map((step) => ({ id: step.id, selected: step.id === tryForm.stepId })),
    tryForm,
    tried: state.tried ? tryModel(state.tried, tryForm.text ?? '') : null,
    withdrawal:
      detail &&
      withdrawalModel(`/simulations/authoring/${encodeURIComponent(detail.scenarioId)}`, detail, {
        reason: state.withdrawReason,
        errors: state.errors,
      }),
  };
}

function signed(value: number): string {
  return value === 0 ? '±0' : value > 0 ? `+${value}` : String(value);
}
