// Scoring workbench: sends the form to POST /api/scoring/score and shows the report,
// highlighting each evidence span in the reply (green helped, red hurt).
(function () {
  'use strict';
  const form = document.getElementById('score-form');
  const report = document.getElementById('score-report');
  const errorBox = document.getElementById('score-error');

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  // Splits the text at every span boundary; each piece takes the sign of the effects covering it.
  function highlight(container, text, evidence) {
    container.replaceChildren();
    const cuts = new Set([0, text.length]);
    evidence.forEach((e) => { cuts.add(e.span[0]); cuts.add(e.span[1]); });
    const points = [...cuts].sort((a, b) => a - b);
    for (let i = 0; i < points.length - 1; i++) {
      const [start, end] = [points[i], points[i + 1]];
      const covering = evidence.filter((e) => e.span[0] <= start && e.span[1] >= end && e.span[1] > e.span[0]);
      const piece = text.slice(start, end);
      if (covering.length === 0) { container.append(piece); continue; }
      const total = covering.reduce((sum, e) => sum + e.effect, 0);
      const mark = el('mark', piece, total < 0 ? 'hurt' : 'helped');
      mark.title = covering.map((e) => `${e.dimension}: ${e.rule} (${e.effect > 0 ? '+' : ''}${e.effect})`).join('\n');
      container.append(mark);
    }
  }

  function list(id, items, render) {
    const target = document.getElementById(id);
    target.replaceChildren(...(items.length ? items.map(render) : [el('li', 'none', 'muted')]));
  }

  function show(text, data) {
    report.hidden = false;
    document.getElementById('overall').textContent = String(data.overall);
    const verdict = document.getElementById('verdict');
    verdict.textContent = data.passed ? 'pass' : 'below the pass mark';
    verdict.className = `badge ${data.passed ? 'good' : 'bad'}`;
    highlight(document.getElementById('highlighted'), text, data.evidence);
    const rows = Object.entries(data.dimensions).map(([name, value]) => {
      const row = el('tr');
      row.append(el('td', name), el('td', value === null ? 'not used' : String(value)));
      return row;
    });
    document.querySelector('#dimensions tbody').replaceChildren(...rows);
    list('violations', data.violations, (v) => el('li', `${v.message} — “${v.text}”`));
    list('concepts', data.concepts, (c) => el('li', `${c.found ? '✓' : '✗'} ${c.label}`, c.found ? 'found' : 'missed'));
    list('tips', data.tips, (t) => el('li', t));
    const evidenceRows = data.evidence.map((e) => {
      const row = el('tr');
      row.append(el('td', e.dimension), el('td', e.rule), el('td', e.text), el('td', (e.effect > 0 ? '+' : '') + e.effect));
      return row;
    });
    document.querySelector('#evidence tbody').replaceChildren(...evidenceRows);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const fields = new FormData(form);
    const body = { text: fields.get('text'), rubricId: fields.get('rubricId') };
    if (fields.get('stage')) body.stage = fields.get('stage');
    if (fields.get('customerLine')) body.customerLine = fields.get('customerLine');
    errorBox.hidden = true;
    try {
      show(body.text, await window.academy.send('POST', '/api/scoring/score', body));
    } catch (error) {
      errorBox.hidden = false;
      const details = (error.data && error.data.errors) || [];
      errorBox.textContent = [error.message, ...details.map((d) => `${d.path}: ${d.messages.join('; ')}`)].join(' — ');
    }
  });

  document.querySelectorAll('.try-example').forEach((button) => {
    button.addEventListener('click', () => {
      form.elements.rubricId.value = button.dataset.rubric;
      form.elements.stage.value = button.dataset.stage || '';
      form.elements.text.value = button.dataset.text;
      form.requestSubmit();
    });
  });
})();
