// What the two YAML editors (scenarios, exams) share: building elements, a "line N" button that
// moves the cursor to that line of the text, and checking the text as the trainer types.
(function () {
  'use strict';

  function el(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function lineButton(line) {
    const button = el('button', `line ${line}`, 'line-link');
    button.type = 'button';
    button.dataset.line = String(line);
    return button;
  }

  // Selects line `line` (1-based) of the textarea and scrolls it into view.
  function goToLine(source, line) {
    const lines = source.value.split('\n');
    const target = Math.min(Math.max(1, line), lines.length);
    let start = 0;
    for (let i = 0; i < target - 1; i++) start += lines[i].length + 1;
    source.focus();
    source.setSelectionRange(start, start + lines[target - 1].length);
    const lineHeight = parseFloat(getComputedStyle(source).lineHeight) || 20;
    source.scrollTop = Math.max(0, (target - 3) * lineHeight);
  }

  // Every "line N" button on the page moves the cursor in `source`.
  function jumpToLines(source) {
    document.addEventListener('click', (event) => {
      const button = event.target.closest('.line-link');
      if (button) goToLine(source, Number(button.dataset.line));
    });
  }

  // The problems as list items: a line button, the field path, the message.
  function issueItems(issues) {
    return issues.map((issue) => {
      const item = el('li');
      if (issue.line) item.append(lineButton(issue.line), ' ');
      if (issue.path) item.append(el('code', issue.path), ': ');
      item.append(issue.message);
      return item;
    });
  }

  // Checks the text 400 ms after the last keystroke; a stale answer is dropped.
  function checkAsTyped(source, summary, check, render) {
    let timer = null;
    let sequence = 0;
    async function run() {
      const mine = ++sequence;
      clearTimeout(timer);
      summary.textContent = 'Checking…';
      try {
        const view = await check(source.value);
        if (mine === sequence) render(view);
      } catch (error) {
        if (mine === sequence) summary.textContent = `Could not check: ${error.message}`;
      }
    }
    source.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(run, 400);
    });
    return run;
  }

  window.academy.yamlEditor = { el, lineButton, goToLine, jumpToLines, issueItems, checkAsTyped };
})();
