// Filter selects marked data-autosubmit submit their form on change (the Show button stays for
// keyboards and for browsers without JavaScript).
document.querySelectorAll('select[data-autosubmit]').forEach((select) => {
  select.addEventListener('change', () => select.form && select.form.submit());
});
