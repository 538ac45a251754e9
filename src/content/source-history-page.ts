import { DomainError } from '../common/domain-error';
import type { Response } from 'express';
import type { Viewer } from '../identity/viewer';
import { revisionParam, SourceChangesView, SourceRevisionView } from './source-history';

/** What an editor's versions service answers (exams, scenarios). */
export interface VersionHistory {
  overview(
    id: string,
    pick: (history: SourceRevisionView[]) => number | null | undefined,
  ): Promise<{ history: SourceRevisionView[]; shown: SourceChangesView | undefined }>;
  restore(viewer: Viewer, id: string, version: number, replaceDraft: boolean): Promise<unknown>;
}

/** One editor's history pages: where they render, and what its items are. */
export interface HistoryPages {
  versions: VersionHistory;
  /** The view: `exams/history`. */
  view: string;
  /** The editor page of an item: `/exams/authoring/<id>`. */
  editorUrl(id: string): string;
  readOnly(id: string): boolean;
  noVersion(message: string): Error;
}

/** GET …/:id/versions?show=: the history page. */
export async function renderHistory(
  pages: HistoryPages,
  id: string,
  show: unknown,
  response: Response,
): Promise<void> {
  response.render(pages.view, await historyModelOf(pages, id, show));
}

/**
 * POST …/:id/versions/:version/restore: back to the editor with a notice, or the history page
 * again with the refusal (a draft in progress and the box not ticked: 409 at `replaceDraft`).
 */
export async function restoreFromPage(
  pages: HistoryPages,
  viewer: Viewer,
  id: string,
  version: string,
  form: Record<string, unknown>,
  response: Response,
): Promise<void> {
  const wanted = revisionParam(version, false, pages.noVersion) ?? 0;
  try {
    await pages.versions.restore(viewer, id, wanted, form.replaceDraft === 'true');
    response.redirect(303, `${pages.editorUrl(id)}?restored=${wanted}`);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    response
      .status(error.status)
      .render(pages.view, await historyModelOf(pages, id, String(wanted), error));
  }
}

function historyModelOf(
  pages: HistoryPages,
  id: string,
  show: unknown,
  error?: DomainError,
): Promise<object> {
  return historyPageModel(pages.versions, {
    id,
    editorUrl: pages.editorUrl(id),
    show,
    readOnly: pages.readOnly(id),
    noVersion: pages.noVersion,
    error,
  });
}

/**
 * The model of an editor's history page (`views/<feature>/history.hbs`): the revision `show`
 * names (else the newest) with its changes, and a refused restore's error when there is one.
 */
export async function historyPageModel(
  versions: VersionHistory,
  input: {
    id: string;
    editorUrl: string;
    show: unknown;
    readOnly: boolean;
    noVersion: (message: string) => Error;
    error?: DomainError;
  },
): Promise<object> {
  const { history: revisions, shown } = await versions.overview(input.id, (history) =>
    shownRevision(input.show, history),
  );
  if (!shown) throw input.noVersion(`No version "${String(input.show)}"`);
  return {
    title: `History: ${revisions.find((revision) => revision.version !== null)?.title ?? revisions[0]?.title ?? input.id}`,
    id: input.id,
    editorUrl: input.editorUrl,
    history: sourceHistoryModel({
      editorUrl: input.editorUrl,
      revisions,
      shown,
      readOnly: input.readOnly,
      error: input.error?.message,
      errors: input.error?.errors,
    }),
  };
}

/** What the history partial (views/partials/source-history.hbs) shows. */
export interface SourceHistoryModel {
  /** The editor page of the exam or scenario: `/exams/authoring/<id>`. */
  editorUrl: string;
  revisions: (SourceRevisionView & { label: string; link: string; current: boolean })[];
  shown: SourceChangesView & { label: string; againstLabel: string | null };
  /** A published version shown while a draft exists: restoring it must replace the draft. */
  restore: { action: string; version: number; replacesDraft: boolean } | null;
  error?: string;
  errors?: Record<string, string>;
}

/**
 * The history page model, shared by the two editors: every revision (the draft first), one of
 * them with its changes, and the form that puts a published version back as the draft.
 */
export function sourceHistoryModel(input: {
  editorUrl: string;
  revisions: SourceRevisionView[];
  shown: SourceChangesView;
  readOnly: boolean;
  error?: string;
  errors?: { path: string; messages: string[] }[];
}): SourceHistoryModel {
  const { editorUrl, revisions, shown } = input;
  const label = (version: number | null): string =>
    version === null ? 'Draft' : `Version ${version}`;
  const hasDraft = revisions.some((revision) => revision.version === null);
  return {
    editorUrl,
    revisions: revisions.map((revision) => ({
      ...revision,
      label: label(revision.version),
      link: `${editorUrl}/versions?show=${revision.version ?? 'draft'}#changes`,
      current: revision.version === shown.revision.version,
    })),
    shown: {
      ...shown,
      label: label(shown.revision.version),
      againstLabel: shown.against === null ? null : label(shown.against),
    },
    restore:
      input.readOnly || shown.revision.version === null
        ? null
        : {
            action: `${editorUrl}/versions/${shown.revision.version}/restore`,
            version: shown.revision.version,
            replacesDraft: hasDraft,
          },
    ...(input.error ? { error: input.error } : {}),
    ...(input.errors
      ? {
          errors: Object.fromEntries(
            input.errors.map((error) => [error.path, error.messages.join('; ')]),
          ),
        }
      : {}),
  };
}

/** `?show=` of the history page: a version number, `draft`, or the newest revision when absent. */
export function shownRevision(
  show: unknown,
  revisions: readonly SourceRevisionView[],
): number | null | undefined {
  if (show === undefined || show === '') return revisions[0]?.version;
  if (show === 'draft') return null;
  return typeof show === 'string' && /^[1-9]\d{0,8}$/.test(show) ? Number(show) : undefined;
}
