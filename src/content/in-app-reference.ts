/** What a content file may name: a course, an exam or a role-play scenario. */
export type ReferencedKind = 'exam' | 'scenario';

const FOLDERS: Record<ReferencedKind, string> = { exam: 'exams', scenario: 'scenarios' };
const EDITORS: Record<ReferencedKind, string> = {
  exam: 'exam editor',
  scenario: 'scenario editor',
};

/**
 * The content check of a reference from a programme or position to an exam or scenario: one of
 * content/ must exist; one marked `writtenInApp` is left to the running service (it is written
 * in an editor and lives in the database), and must not be one of content/, which would make the
 * mark a mistake. Null when the reference is fine.
 */
export function inAppReferenceIssue(
  kind: ReferencedKind,
  id: string,
  writtenInApp: boolean | undefined,
  inContent: ReadonlySet<string>,
): string | null {
  const folder = `content/${FOLDERS[kind]}`;
  if (writtenInApp)
    return inContent.has(id)
      ? `"${id}" is in ${folder}: drop writtenInApp, which marks one written in the app's ${EDITORS[kind]}`
      : null;
  return inContent.has(id)
    ? null
    : `no ${kind} "${id}" in ${folder} (one written in the app's ${EDITORS[kind]} needs writtenInApp: true)`;
}
