// Exam editor: checks the YAML as the trainer types (POST /api/exams/authoring/validate), lists
// each problem with a button that moves the cursor to its line, and redraws what each section
// can draw. Saving, publishing and previewing stay plain form posts.
(function () {
  'use strict';
  const form = document.getElementById('exam-editor-form');
  if (!form) return;
  const { el, jumpToLines, issueItems, checkAsTyped } = window.academy.yamlEditor;
  const source = document.getElementById('source');
  const summary = document.getElementById('validation-summary');
  const issuesList = document.getElementById('issues');
  const sectionsBox = document.getElementById('section-checks');
  const readOnly = form.dataset.readOnly === 'true';

  function renderSections(sections) {
    if (!sections.length) {
      sectionsBox.replaceChildren();
      return;
    }
    const table = el('table', null, 'table');
    table.dataset.testid = 'section-checks';
    table.append(el('caption', 'What each section can draw'));
    const head = el('tr');
    for (const title of ['Section', 'Draws', 'Questions that match']) {
      const cell = el('th', title);
      cell.scope = 'col';
      head.append(cell);
    }
    const thead = el('thead');
    thead.append(head);
    table.append(thead);
    const body = el('tbody');
    for (const section of sections) {
      const row = el('tr');
      row.append(el('td', section.title), el('td', String(section.draw)));
      const matching = el('td');
      matching.append(
        section.matching < section.draw
          ? el('strong', String(section.matching), 'short-draw')
          : String(section.matching),
      );
      row.append(matching);
      body.append(row);
    }
    table.append(body);
    sectionsBox.replaceChildren(table);
  }

  function render(view) {
    summary.textContent = view.valid
      ? 'No problems; the banks can fill every section.'
      : `${view.issues.length} problem(s).`;
    summary.className = view.valid ? 'ok' : 'problems';
    issuesList.replaceChildren(...issueItems(view.issues));
    renderSections(view.sections);
  }

  jumpToLines(source);
  if (readOnly) return;
  checkAsTyped(
    source,
    summary,
    (text) => window.academy.send('POST', '/api/exams/authoring/validate', { source: text }),
    render,
  );
})();
