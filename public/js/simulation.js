// Role-play page: sends each reply to POST /api/simulations/sessions/:id/turns and adds the
// reply, the customer's reaction and next line to the conversation without a reload. The form
// still posts to the page's own route when this script does not run. The hidden turnIndex goes
// with every reply, so a repeated submit is answered from the stored turn, never stored twice.
(function () {
  'use strict';
  const root = document.querySelector('.roleplay');
  const form = document.getElementById('reply-form');
  if (!root || !form) return;
  const sessionId = root.dataset.session;
  const customer = root.dataset.customer;
  const transcript = document.getElementById('transcript');
  const transcriptLog = document.getElementById('transcript-log');
  const textBox = form.elements.text;
  const turnIndex = form.elements.turnIndex;
  const button = document.getElementById('send-reply');
  const status = document.getElementById('reply-status');
  const errorBox = document.getElementById('reply-error');
  let sending = false;

  function addLine(speaker, who, text) {
    const item = document.createElement('li');
    item.className = `line ${speaker}`;
    const name = document.createElement('span');
    name.className = 'speaker';
    name.textContent = who;
    const colon = document.createElement('span');
    colon.className = 'visually-hidden';
    colon.textContent = ': ';
    name.append(colon);
    const body = document.createElement('span');
    body.className = 'text';
    body.textContent = text;
    item.append(name, body);
    transcript.append(item);
    transcriptLog.scrollTop = transcriptLog.scrollHeight;
  }

  function showMood(mood) {
    const label = document.getElementById('mood-label');
    label.textContent = mood.label;
    label.className = `badge ${{ calm: 'good', satisfied: 'good', anxious: 'warn', dissatisfied: 'warn', angry: 'bad' }[mood.label] || ''}`;
    document.getElementById('anger-text').textContent = `anger ${mood.anger} of 100`;
    const meter = document.getElementById('anger-meter');
    meter.value = mood.anger;
    meter.textContent = `${mood.anger} of 100`;
  }

  // A message about the reply itself marks the box invalid and is read with its hint; any
  // other message (a lost connection, say) only shows. The page's own message, from a post
  // without this script, is out of date at the next send.
  function showError(message, aboutReply) {
    errorBox.textContent = message;
    errorBox.hidden = !message;
    document.getElementById('reply-text-error')?.remove();
    if (message && aboutReply) textBox.setAttribute('aria-invalid', 'true');
    else textBox.removeAttribute('aria-invalid');
    textBox.setAttribute('aria-describedby', message && aboutReply ? 'reply-hint reply-error' : 'reply-hint');
  }

  const OUTCOMES = {
    resolved: 'Resolved',
    'escalated-properly': 'Escalated properly',
    'escalated-badly': 'Escalated badly',
    lost: 'Customer lost',
  };

  function finish(turn) {
    form.hidden = true;
    const ended = document.getElementById('conversation-ended');
    document.getElementById('ended-outcome').textContent = turn.outcome
      ? `Outcome: ${OUTCOMES[turn.outcome] || turn.outcome}.`
      : '';
    ended.hidden = false;
    document.getElementById('debrief-link').focus();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (sending) return;
    const reply = textBox.value;
    if (!reply.trim()) {
      showError('Write a reply first', true);
      textBox.focus();
      return;
    }
    sending = true;
    button.disabled = true;
    showError('');
    status.textContent = 'Sending…';
    try {
      const turn = await window.academy.send(
        'POST',
        `/api/simulations/sessions/${sessionId}/turns`,
        {
          turnIndex: Number(turnIndex.value),
          text: reply,
        },
      );
      // Stored by an earlier submit this page never heard back from: show the server's copy.
      if (turn.replayed) {
        location.reload();
        return;
      }
      addLine('agent', 'You', reply);
      if (turn.reaction) addLine('customer', customer, turn.reaction);
      addLine('customer', customer, turn.customerLine);
      showMood(turn.mood);
      turnIndex.value = String(turn.nextTurnIndex);
      textBox.value = '';
      status.textContent = '';
      if (turn.finished) finish(turn);
      else textBox.focus();
    } catch (error) {
      status.textContent = '';
      // Finished, expired or out of step: the page as the server has it says what to do next.
      if (error.status === 409) {
        location.reload();
        return;
      }
      const details = (error.data && error.data.errors) || [];
      const aboutReply = error.status === 413 || details.some((detail) => detail.path === 'text');
      showError([error.message, ...details.map((d) => d.messages.join('; '))].join(' — '), aboutReply);
    } finally {
      sending = false;
      button.disabled = false;
    }
  });

  textBox.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
})();
