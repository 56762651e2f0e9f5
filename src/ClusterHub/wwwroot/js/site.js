// Behaviour that pages declare in attributes, for every page: the Content-Security-Policy allows
// no inline script or event handler, so this file stands in for them.
(() => {
  // <select data-autosubmit>: choosing an option submits its form (the language switch).
  document.addEventListener('change', e => {
    if (e.target instanceof HTMLSelectElement && e.target.matches('[data-autosubmit]')) e.target.form.submit();
  });

  // <form data-confirm="text">: asks before the form is sent (bulk or irreversible financial actions).
  // "{0}" in the text stands for the value of the form's field named by data-confirm-field.
  document.addEventListener('submit', e => {
    const form = e.target;
    if (!(form instanceof HTMLFormElement) || !form.dataset.confirm) return;
    const field = form.dataset.confirmField ? form.elements.namedItem(form.dataset.confirmField) : null;
    const text = field ? form.dataset.confirm.replaceAll('{0}', field.value) : form.dataset.confirm;
    if (!window.confirm(text)) e.preventDefault();
  });
})();
