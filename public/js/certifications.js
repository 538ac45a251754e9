// Forms that cannot be undone (revoking a certificate or a signing key) ask first, in the words of
// their data-confirm attribute.
(function () {
  'use strict';
  for (const form of document.querySelectorAll('form[data-confirm]')) {
    form.addEventListener('submit', (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  }
})();

// Credential checker: a chosen file fills the text box it names, ready to be checked.
(function () {
  'use strict';
  for (const input of document.querySelectorAll('input[type=file][data-fills]')) {
    input.addEventListener('change', async () => {
      const file = input.files && input.files[0];
      const target = document.getElementById(input.dataset.fills);
      if (file && target) target.value = await file.text();
    });
  }
})();
