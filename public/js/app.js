// Shared helpers for the pages' small scripts: JSON requests with the CSRF header.
(function () {
  'use strict';
  const token = () => document.querySelector('meta[name="csrf-token"]')?.getAttribute('content') ?? '';
  window.academy = {
    async send(method, url, body) {
      const response = await fetch(url, {
        method,
        credentials: 'same-origin',
        headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': token() },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const data = await response.json().catch(() => ({}));
      if (!response.ok) throw Object.assign(new Error(data.message || response.statusText), { status: response.status, data });
      return data;
    },
  };
})();
