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
