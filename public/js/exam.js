// Taking an exam: one question at a time with a navigation bar, autosave of every answer,
// a timer that follows the server's clock, and a two-step submit. The server decides the
// deadline; this page only shows it.
(function () {
  'use strict';
  const root = document.querySelector('.exam-take');
  if (!root) return;
  const attemptId = root.dataset.attempt;
  const deadline = Date.parse(root.dataset.deadline);
  const clockOffset = Date.parse(root.dataset.serverNow) - Date.now();
  const questions = [...root.querySelectorAll('section.question')];
  const navLinks = [...root.querySelectorAll('.question-nav a')];
  const status = document.getElementById('save-status');
  const resultUrl = `/exams/attempts/${attemptId}/result`;
  let current = 0;
  let submitting = false;

  // Navigation: show one question, mark it in the bar.
  function show(index) {
    current = Math.max(0, Math.min(questions.length - 1, index));
    questions.forEach((section, i) => { section.hidden = i !== current; });
    navLinks.forEach((link, i) => (i === current ? link.setAttribute('aria-current', 'step') : link.removeAttribute('aria-current')));
  }
  navLinks.forEach((link, i) => link.addEventListener('click', (event) => { event.preventDefault(); show(i); }));
  questions.forEach((section, i) => {
    section.querySelector('.prev').addEventListener('click', () => show(i - 1));
    section.querySelector('.next').addEventListener('click', () => show(i + 1));
  });
  const fromHash = questions.findIndex((section) => `#${section.id}` === location.hash);
  show(fromHash >= 0 ? fromHash : 0);

  // The response object the API expects, by question type.
  function responseOf(section) {
    const fields = [...section.querySelectorAll('[name]')];
    switch (section.dataset.type) {
      case 'single': {
        const checked = fields.find((field) => field.checked);
        return { choice: checked ? Number(checked.value) : null };
      }
      case 'multiple':
        return { choices: fields.filter((field) => field.checked).map((field) => Number(field.value)) };
      case 'truefalse': {
        const checked = fields.find((field) => field.checked);
        return { answer: checked ? checked.value === 'true' : null };
      }
      case 'matching':
        return { matches: fields.map((field) => field.value || null) };
      default:
        return { text: fields[0].value };
    }
  }

  const saving = new Map();
  function setStatus(text, error) {
    status.textContent = text;
    status.classList.toggle('error', Boolean(error));
  }

  // One save in flight per question; a change made meanwhile is saved right after.
  async function save(section) {
    const slot = section.dataset.slot;
    const state = saving.get(slot) ?? { running: null, again: false };
    saving.set(slot, state);
    if (state.running) { state.again = true; return state.running; }
    setStatus('Saving…');
    state.running = (async () => {
      do {
        state.again = false;
        try {
          const result = await window.academy.send('PUT', `/api/exams/attempts/${attemptId}/slots/${slot}`, { response: responseOf(section) });
          const link = navLinks.find((candidate) => candidate.dataset.slot === slot);
          if (link) link.className = `state-${result.state === 'complete' ? 'answered' : result.state === 'invalid' ? 'invalid' : 'notanswered'}`;
          const time = result.savedAt ? new Date(result.savedAt).toLocaleTimeString() : '';
          section.querySelector('.saved').textContent = result.savedAt ? `Saved at ${time}` : '';
          setStatus(`All answers saved${time ? ` (${time})` : ''}`);
        } catch (error) {
          if (error.status === 409) { location.href = resultUrl; return; }
          setStatus(`Not saved: ${error.message}`, true);
        }
      } while (state.again);
    })();
    try { await state.running; } finally { state.running = null; }
  }

  const timers = new Map();
  questions.forEach((section) => {
    section.addEventListener('change', () => void save(section));
    section.addEventListener('input', (event) => {
      if (!event.target.matches('input[type=text], textarea')) return;
      clearTimeout(timers.get(section));
      timers.set(section, setTimeout(() => void save(section), 800));
    });
  });

  async function flush() {
    for (const [section, timer] of timers) { clearTimeout(timer); await save(section); }
    timers.clear();
    await Promise.all([...saving.values()].map((state) => state.running));
  }

  async function submit() {
    if (submitting) return;
    submitting = true;
    try {
      if (Date.now() + clockOffset < deadline) await flush();
      await window.academy.send('POST', `/api/exams/attempts/${attemptId}/submit`, {});
      location.href = resultUrl;
    } catch (error) {
      submitting = false;
      if (error.status === 409) { location.href = resultUrl; return; }
      const box = document.getElementById('submit-error');
      box.textContent = error.message;
      box.hidden = false;
    }
  }

  const confirmBox = document.getElementById('confirm-submit');
  document.getElementById('submit-attempt').addEventListener('click', () => {
    const open = navLinks.filter((link) => !link.classList.contains('state-answered')).length;
    document.getElementById('unanswered-note').textContent = open
      ? `${open} question(s) are not fully answered. Submit anyway? You cannot change your answers afterwards.`
      : 'Submit your answers? You cannot change them afterwards.';
    confirmBox.hidden = false;
  });
  document.getElementById('cancel-submit').addEventListener('click', () => { confirmBox.hidden = true; });
  document.getElementById('confirm-submit-button').addEventListener('click', () => void submit());

  // Timer: the server's deadline on the server's clock; at zero the saved answers are submitted.
  const timeLeft = document.getElementById('time-left');
  function tick() {
    const seconds = Math.max(0, Math.floor((deadline - (Date.now() + clockOffset)) / 1000));
    const hours = Math.floor(seconds / 3600);
    const minutes = String(Math.floor((seconds % 3600) / 60)).padStart(hours ? 2 : 1, '0');
    timeLeft.textContent = `${hours ? `${hours}:` : ''}${minutes}:${String(seconds % 60).padStart(2, '0')}`;
    timeLeft.parentElement.classList.toggle('low', seconds < 60);
    if (seconds === 0) void submit();
    else setTimeout(tick, 1000 - ((Date.now() + clockOffset) % 1000));
  }
  tick();
})();
