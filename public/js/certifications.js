// Certificates list: asks for confirmation before a revocation is sent (it cannot be undone).
(function () {
  'use strict';
  for (const form of document.querySelectorAll('form[data-revoke-form]')) {
    form.addEventListener('submit', (event) => {
      if (!window.confirm('Revoke this certificate? Verification fails at once and this cannot be undone.'))
        event.preventDefault();
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
