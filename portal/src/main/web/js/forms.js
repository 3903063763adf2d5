// Form messages, DSFR patterns: an error summary at the top of the form (focused, so that keyboard
// and screen-reader users land on it) linking to each field in error, and the message under each
// field. Fields name the JSON pointer the API uses for them: <input data-pointer="/email">.
// A field may carry its own French message (data-error), shown instead of the API's (which is
// written for developers, in English: messages.js puts it in French otherwise). DSFR's .fr-error-text overrides the `hidden` attribute, so messages are
// added and removed, never hidden.
import { escapeHtml, showError } from './layout.js';
import { errorsInFrench } from './messages.js';

const SUMMARY = 'resume-du-formulaire';

/** The field the API's JSON pointer names, if the form has it. */
export function fieldFor(form, pointer) {
  return [...form.querySelectorAll('[data-pointer]')].find((f) => f.dataset.pointer === pointer) ?? null;
}

function labelOf(field) {
  const label = field.id ? field.form?.querySelector(`label[for="${field.id}"]`) ?? document.querySelector(`label[for="${field.id}"]`) : null;
  return label ? label.firstChild.textContent.trim() : field.getAttribute('aria-label') ?? '';
}

/** Removes one field's message and error marks (e.g. an inline check that now passes). */
export function clearField(field) {
  document.getElementById(`${field.id}-erreur`)?.remove();
  field.closest('.fr-input-group--error')?.classList.remove('fr-input-group--error');
  field.classList.remove('fr-input--error', 'fr-select--error');
  field.removeAttribute('aria-invalid');
  const describedBy = (field.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && !id.endsWith('-erreur'));
  if (describedBy.length) field.setAttribute('aria-describedby', describedBy.join(' '));
  else field.removeAttribute('aria-describedby');
}

/** Removes the summary and every field message. */
export function clearMessages(form) {
  form.querySelector(`#${SUMMARY}`)?.remove();
  form.querySelectorAll('.fr-input--error, .fr-select--error').forEach(clearField);
  form.querySelectorAll('.fr-error-text[data-message]').forEach((m) => m.remove());
  form.querySelectorAll('.fr-input-group--error').forEach((g) => g.classList.remove('fr-input-group--error'));
}

/** Shows a message under one field (the API's, or an inline check's) and marks it invalid. */
export function markField(field, message) {
  const messageId = `${field.id}-erreur`;
  field.classList.add(field.tagName === 'SELECT' ? 'fr-select--error' : 'fr-input--error');
  field.setAttribute('aria-invalid', 'true');
  field.setAttribute('aria-describedby', [field.getAttribute('aria-describedby'), messageId].filter(Boolean).join(' '));
  field.closest('.fr-input-group, .fr-select-group')?.classList.add('fr-input-group--error');
  field.insertAdjacentHTML('afterend', `<p class="fr-error-text" id="${messageId}" data-message>${escapeHtml(message)}</p>`);
}

/**
 * Shows a message at the top of the form and moves the focus there.
 *
 * @param {'error'|'warning'|'success'|'info'} type
 * @param {string} title
 * @param {string} [html] trusted HTML (escape what comes from elsewhere)
 */
export function showSummary(form, type, title, html = '') {
  form.querySelector(`#${SUMMARY}`)?.remove();
  form.insertAdjacentHTML('afterbegin', `
<div id="${SUMMARY}" class="fr-alert fr-alert--${type} fr-mb-4w" tabindex="-1" role="${type === 'error' || type === 'warning' ? 'alert' : 'status'}">
  <h2 class="fr-alert__title">${escapeHtml(title)}</h2>${html}
</div>`);
  const summary = form.querySelector(`#${SUMMARY}`);
  summary.focus();
  return summary;
}

/**
 * The server's (or the page's own) validation errors: each one under its field when the form has
 * it, all of them in the summary, with links to the fields.
 *
 * @param {{pointer: string, message: string}[]} errors
 */
export function showErrors(form, errors, title = 'Certaines informations sont à corriger') {
  clearMessages(form);
  const items = errors.map(({ pointer, message }) => {
    const field = fieldFor(form, pointer);
    if (!field) return `<li>${escapeHtml(message)}</li>`;
    const shown = field.dataset.error || message;
    markField(field, shown);
    return `<li><a href="#${field.id}">${escapeHtml(labelOf(field))} : ${escapeHtml(shown)}</a></li>`;
  });
  const summary = showSummary(form, 'error', title, `<ul>${items.join('')}</ul>`);
  summary.querySelectorAll('a[href^="#"]').forEach((a) => a.addEventListener('click', (event) => {
    event.preventDefault();
    document.getElementById(a.getAttribute('href').slice(1))?.focus();
  }));
}

/**
 * Any failure of the API call a form made (an ApiError): validation errors on their fields, anything
 * else (unreachable, session expired, conflict...) explained at the top of the form.
 */
export function showFailure(form, error) {
  if (error.kind === 'invalid' && error.problem?.errors?.length) {
    showErrors(form, errorsInFrench(error.problem.errors));
    return;
  }
  clearMessages(form);
  const box = document.createElement('div');
  box.id = SUMMARY;
  box.className = 'fr-mb-4w';
  box.tabIndex = -1;
  form.prepend(box);
  showError(box, error);
  box.focus();
}
