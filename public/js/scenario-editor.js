// Scenario editor: checks the YAML as the trainer types (POST /api/simulations/authoring/validate,
// debounced), lists each problem with a button that moves the cursor to its line, redraws the
// flow preview, tries a reply against a step, saves the draft and publishes it through the
// authoring API. Without this script the same form posts to the page with the button pressed.
(function () {
  'use strict';
  const form = document.getElementById('editor-form');
  if (!form) return;
  const API = '/api/simulations/authoring';
  const source = document.getElementById('source');
  const summary = document.getElementById('validation-summary');
  const issuesList = document.getElementById('issues');
  const calibrationList = document.getElementById('calibration');
  const flowBox = document.getElementById('flow');
  const stepSelect = document.getElementById('try-step');
  const tryResult = document.getElementById('try-result');
  const actionStatus = document.getElementById('action-status');
  const problems = document.getElementById('publish-problems');
  const send = (method, url, body) => window.academy.send(method, url, body);
  const { el, lineButton, jumpToLines, issueItems, checkAsTyped } = window.academy.yamlEditor;

  jumpToLines(source);

  function renderIssues(issues) {
    issuesList.replaceChildren(...issueItems(issues));
  }

  function renderCalibration(checks) {
    document.getElementById('calibration-count').textContent = String(checks.length);
    calibrationList.replaceChildren(
      ...checks.map((check) => {
        const item = el('li', null, check.ok ? 'found' : 'missed');
        item.append(`${check.ok ? '✓' : '✗'} `, el('code', check.stepId));
        item.append(
          ` “${check.text}” expected ${check.expected}, took branch ${check.branchIndex} → ${check.next} (score ${check.overall})`,
        );
        return item;
      }),
    );
    if (checks.some((check) => !check.ok)) document.getElementById('calibration-box').open = true;
  }

  function badge(text, className) {
    return el('span', text, `badge ${className || ''}`);
  }

  function renderFlow(flow) {
    if (!flow) {
      flowBox.replaceChildren(el('p', 'The flow appears once the scenario parses.', 'muted'));
      return;
    }
    const intro = el('p', null, 'muted small');
    intro.append(
      'Starts at ',
      el('code', flow.start),
      `; demands a manager at anger ${flow.escalateAt}, hangs up at ${flow.hangUpAt}; at most ${flow.maxTurns} replies.`,
    );
    const list = el('ol', null, 'flow-steps');
    for (const step of flow.steps) {
      const item = el('li', null, `flow-step ${step.kind}`);
      item.id = `flow-${step.id}`;
      item.append(el('strong', step.id));
      if (step.start) item.append(' ', badge('start'));
      if (step.outcome) item.append(' ', badge(`outcome: ${step.outcome}`, 'outcome'));
      if (step.jump) item.append(' ', badge(`${step.jump} jump`, 'warn'));
      if (step.stage)
        item.append(' ', el('span', `${step.stage} · rubric ${step.rubric}`, 'muted small'));
      item.append(el('p', `“${step.customer[0] || ''}”`, 'small customer-says'));
      if (step.branches.length) {
        const branches = el('ul', null, 'flow-branches');
        for (const branch of step.branches) {
          const line = el('li', `${branch.condition} → `);
          const link = el('a', branch.next);
          link.href = `#flow-${branch.next}`;
          line.append(
            link,
            `, anger ${branch.anger === 0 ? '±0' : branch.anger > 0 ? `+${branch.anger}` : branch.anger}`,
          );
          if (branch.reaction) line.append(' ', el('span', `“${branch.reaction}”`, 'muted'));
          branches.append(line);
        }
        item.append(branches);
      }
      list.append(item);
    }
    flowBox.replaceChildren(intro, list);
  }

  function renderSteps(flow) {
    if (!flow) return;
    const chosen = stepSelect.value;
    const ids = flow.steps.filter((step) => step.kind === 'dialogue').map((step) => step.id);
    stepSelect.replaceChildren(
      ...ids.map((id) => {
        const option = el('option', id);
        option.value = id;
        option.selected = id === chosen;
        return option;
      }),
    );
  }

  function renderValidation(view) {
    summary.textContent = view.valid
      ? 'No problems; every calibration example takes its branch.'
      : `${view.issues.length} problem(s).`;
    summary.className = view.valid ? 'ok' : 'problems';
    renderIssues(view.issues);
    renderCalibration(view.calibration);
    renderFlow(view.flow);
    renderSteps(view.flow);
  }

  const validate = checkAsTyped(
    source,
    summary,
    (text) => send('POST', `${API}/validate`, { source: text }),
    renderValidation,
  );

  function showProblems(error) {
    const details = (error.data && error.data.errors) || [];
    problems.replaceChildren(el('p', error.message));
    if (details.length) {
      const list = el('ul');
      for (const detail of details) {
        const item = el('li');
        for (const message of detail.messages) {
          const match = /^line (\d+): (.*)$/.exec(message);
          if (match) item.append(lineButton(Number(match[1])), ` ${match[2]} `);
          else item.append(`${message} `);
        }
        item.append(el('code', detail.path, 'small'));
        list.append(item);
      }
      problems.append(list);
    }
    problems.hidden = false;
  }

  // A new scenario, once saved, is that scenario: its heading, tab title and history link.
  function showSaved(detail) {
    const heading = document.querySelector('h1');
    heading.replaceChildren(`${detail.title} `, el('code', detail.scenarioId, 'small'));
    if (!document.querySelector('[data-testid="history-link"]')) {
      const link = el('a', 'Versions and changes');
      link.href = `/simulations/authoring/${encodeURIComponent(detail.scenarioId)}/versions`;
      link.dataset.testid = 'history-link';
      const versions = el('p', null, 'muted small');
      versions.append(link);
      heading.after(versions);
    }
    document.title = document.title.replace(/^Editor · .*? ·/, `Editor · ${detail.scenarioId} ·`);
  }

  async function save() {
    const detail = await send('PUT', `${API}/drafts`, {
      source: source.value,
      editing: form.dataset.scenarioId || null,
    });
    if (form.dataset.scenarioId !== detail.scenarioId) showSaved(detail);
    form.dataset.scenarioId = detail.scenarioId;
    const path = `/simulations/authoring/${encodeURIComponent(detail.scenarioId)}`;
    if (location.pathname !== path) history.replaceState(null, '', path);
    renderValidation(detail.validation);
    return detail;
  }

  async function act(intent) {
    problems.hidden = true;
    actionStatus.textContent = intent === 'publish' ? 'Publishing…' : 'Saving…';
    try {
      const saved = await save();
      const time = new Date().toLocaleTimeString();
      if (intent === 'save') {
        actionStatus.textContent = `Draft saved at ${time}`;
        return;
      }
      const published = await send(
        'POST',
        `${API}/${encodeURIComponent(saved.scenarioId)}/publish`,
      );
      actionStatus.textContent = `Published as version ${published.publishedVersion} at ${time}`;
    } catch (error) {
      actionStatus.textContent = '';
      showProblems(error);
    }
  }

  function highlight(container, text, evidence) {
    const cuts = new Set([0, text.length]);
    evidence.forEach((e) => {
      cuts.add(e.span[0]);
      cuts.add(e.span[1]);
    });
    const points = [...cuts].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
    for (let i = 0; i < points.length - 1; i++) {
      const [start, end] = [points[i], points[i + 1]];
      const covering = evidence.filter(
        (e) => e.span[0] <= start && e.span[1] >= end && e.span[1] > e.span[0],
      );
      const piece = text.slice(start, end);
      if (!covering.length) {
        container.append(piece);
        continue;
      }
      const total = covering.reduce((sum, e) => sum + e.effect, 0);
      const mark = el('mark', piece, total < 0 ? 'hurt' : 'helped');
      mark.title = covering
        .map((e) => `${e.dimension}: ${e.rule} (${e.effect > 0 ? '+' : ''}${e.effect})`)
        .join('\n');
      container.append(mark);
    }
  }

  async function tryReply() {
    const text = document.getElementById('try-text').value;
    const angerField = document.getElementById('try-anger').value;
    const body = { source: source.value, stepId: stepSelect.value, text };
    if (angerField !== '') body.anger = Number(angerField);
    tryResult.replaceChildren(el('p', 'Scoring…', 'muted'));
    try {
      const result = await send('POST', `${API}/try`, body);
      const head = el('p');
      head.append(
        el('strong', `Branch ${result.branchIndex}`),
        ` (${result.condition}) → `,
        el('code', result.next),
      );
      if (result.trigger) head.append(` (${result.trigger})`);
      head.append(
        ` · score ${Math.round(result.report.overall)} · anger ${result.angerBefore} → ${result.angerAfter} (${result.moodAfter})`,
      );
      const parts = [head];
      if (result.reaction) parts.push(el('p', `Customer: “${result.reaction}”`, 'small'));
      const reply = el('p', null, 'highlighted');
      highlight(reply, text, result.report.evidence);
      parts.push(reply);
      const dimensions = el('ul', null, 'small');
      for (const [name, value] of Object.entries(result.report.dimensions))
        if (value !== null) dimensions.append(el('li', `${name} ${Math.round(value)}`));
      parts.push(dimensions);
      if (result.report.violations.length) {
        const violations = el('ul');
        result.report.violations.forEach((v) => violations.append(el('li', v.message, 'missed')));
        parts.push(violations);
      }
      tryResult.replaceChildren(...parts);
    } catch (error) {
      const details = (error.data && error.data.errors) || [];
      tryResult.replaceChildren(
        el(
          'p',
          [error.message, ...details.map((d) => `${d.path}: ${d.messages.join('; ')}`)].join(' — '),
          'alert',
        ),
      );
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const intent = event.submitter ? event.submitter.value : 'validate';
    if (intent === 'try') void tryReply();
    else if (intent === 'save' || intent === 'publish') void act(intent);
    else void validate();
  });
})();
