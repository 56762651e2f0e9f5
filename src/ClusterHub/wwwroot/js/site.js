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

  // <button data-add-row="#tbody">: appends a blank copy of the table body's last row (a form's repeated rows, such as a
  // consortium, post their fields as parallel lists, so the copy needs no renumbering). A select returns to its
  // <option data-default>, or to its first option.
  document.addEventListener('click', e => {
    const button = e.target instanceof Element ? e.target.closest('button[data-add-row]') : null;
    if (!button) return;
    const body = document.querySelector(button.dataset.addRow);
    const last = body?.lastElementChild;
    if (!last) return;
    const row = last.cloneNode(true);
    row.querySelectorAll('input, textarea').forEach(x => { x.value = ''; });
    row.querySelectorAll('select').forEach(x => { x.selectedIndex = x.querySelector('option[data-default]')?.index ?? 0; });
    row.querySelectorAll('.field-error').forEach(x => { x.textContent = ''; });
    body.appendChild(row);
    row.querySelector('select, input')?.focus();
  });
})();
