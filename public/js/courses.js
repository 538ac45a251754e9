// Lesson reader: answers the knowledge check in place with immediate feedback, enables
// "Mark lesson complete" once every question is right, and reports reading time.
(function () {
  'use strict';
  const article = document.querySelector('article.lesson');
  if (!article || article.dataset.tracking !== 'on') return;
  const base = `/api/courses/${encodeURIComponent(article.dataset.course)}/lessons/${encodeURIComponent(article.dataset.lesson)}`;

  const HEARTBEAT_SECONDS = 30;
  let last = Date.now();
  setInterval(() => {
    if (document.visibilityState !== 'visible') {
      last = Date.now();
      return;
    }
    const seconds = Math.min(300, Math.round((Date.now() - last) / 1000));
    last = Date.now();
    if (seconds > 0) window.academy.send('POST', `${base}/heartbeat`, { seconds }).catch(() => undefined);
  }, HEARTBEAT_SECONDS * 1000);

  const form = article.querySelector('form[data-check-form]');
  const complete = article.querySelector('[data-complete]');
  const hint = article.querySelector('[data-complete-hint]');
  if (!form) return;

  const element = (tag, text) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const showResult = (fieldset, result) => {
    const box = fieldset.querySelector('[data-feedback]');
    box.replaceChildren();
    fieldset.classList.toggle('right', result.correct);
    fieldset.classList.toggle('wrong', !result.correct);
    box.append(element('p', result.correct ? 'Correct.' : 'Not quite.'));
    box.lastChild.className = 'verdict';
    const list = element('ul');
    for (const item of result.feedback) {
      const line = element('li');
      line.append(element('strong', item.text), `: ${item.feedback}`);
      list.append(line);
    }
    box.append(list);
    if (result.hint) box.append(element('p', result.hint));
  };

  // A rejected check names questions (`answers.<id>`) or the whole check (`answers`): their
  // choices are marked invalid and described by the message, as the page does without script.
  // Every answer from the server first clears the marks and messages of the last one.
  const clearProblems = () => {
    form.querySelector('#check-error')?.remove();
    for (const message of form.querySelectorAll('[data-feedback] .field-error')) message.remove();
    for (const fieldset of form.querySelectorAll('fieldset[data-question]')) {
      fieldset.removeAttribute('aria-describedby');
      for (const input of fieldset.querySelectorAll('input')) input.removeAttribute('aria-invalid');
    }
  };

  const showProblem = (message, problems) => {
    const alert = element('p', message);
    alert.id = 'check-error';
    alert.className = 'alert';
    alert.dataset.testid = 'check-error';
    alert.setAttribute('role', 'alert');
    form.prepend(alert);
    const paths = problems.map((problem) => problem.path);
    for (const fieldset of form.querySelectorAll('fieldset[data-question]')) {
      if (!paths.includes('answers') && !paths.includes(`answers.${fieldset.dataset.question}`)) continue;
      fieldset.setAttribute('aria-describedby', alert.id);
      for (const input of fieldset.querySelectorAll('input')) input.setAttribute('aria-invalid', 'true');
    }
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const answers = {};
    for (const fieldset of form.querySelectorAll('fieldset[data-question]')) {
      const picked = [...fieldset.querySelectorAll('input:checked')].map((input) => Number(input.value));
      if (picked.length) answers[fieldset.dataset.question] = picked;
    }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const data = await window.academy.send('POST', `${base}/check`, { answers });
      clearProblems();
      for (const result of data.results) {
        const fieldset = form.querySelector(`fieldset[data-question="${CSS.escape(result.questionId)}"]`);
        if (fieldset) showResult(fieldset, result);
      }
      if (complete) complete.disabled = !data.allCorrect;
      if (hint) hint.hidden = data.allCorrect;
    } catch (error) {
      const problems = (error.data && error.data.errors) || [];
      const message = problems.length ? problems.map((p) => p.messages.join('; ')).join(' · ') : error.message;
      clearProblems();
      showProblem(message === 'answer at least one question' ? 'Pick an answer first.' : message, problems);
    } finally {
      button.disabled = false;
    }
  });
})();
