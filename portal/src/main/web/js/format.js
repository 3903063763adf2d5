// Dates, numbers and the API's messages (messages.js) as a French pharmacist reads them, and the calendar of
// Dispostock (ISO weeks, Thursdays) counted in Paris's day, as the API counts it.
import { showErrors, showFailure } from './forms.js';
import { errorsInFrench } from './messages.js';

export { inFrench } from './messages.js';

const DAY_MS = 86_400_000;

const PARIS_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Today as Dispostock counts it: in Paris, as the API does, wherever the user is (a pharmacist in
 * La Réunion at 2 a.m. is still in Paris's yesterday); at noon, so that the browser's own day getters
 * read Paris's day.
 */
export function parisToday() {
  return new Date(`${PARIS_DAY.format(new Date())}T12:00:00`);
}

/** 'YYYY-MM-DD' of a Date, in the browser's day. */
export function isoDay(date) {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The ISO week ('2026-W49') a day falls in. */
export function isoWeekOf(date) {
  const d = new Date(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()));
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7)); // the week's Thursday decides its year
  const year = d.getUTCFullYear();
  return `${year}-W${String(Math.ceil(((d - Date.UTC(year, 0, 1)) / DAY_MS + 1) / 7)).padStart(2, '0')}`;
}

/** The Monday ('YYYY-MM-DD') an ISO week starts on. */
export function mondayOf(week) {
  const [year, number] = week.split('-W').map(Number);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * DAY_MS + (number - 1) * 7 * DAY_MS);
  return monday.toISOString().slice(0, 10);
}

/** The last Thursday on or before the day (the day lots are declared for). */
export function lastThursday(date = parisToday()) {
  const d = new Date(date.getFullYear(), date.getMonth(), date.getDate());
  d.setDate(d.getDate() - ((d.getDay() + 3) % 7));
  return isoDay(d);
}

/** Whole days from one 'YYYY-MM-DD' to another. */
export function daysBetween(from, to) {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

const INSTANT = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
const DAY = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 3 });

/** A formatter's parts as French writes them: Intl says '1 novembre', French the first day of a month '1er novembre'. */
const inFrenchOrder = (parts) => parts.map((p) => (p.type === 'day' && p.value === '1' ? '1er' : p.value)).join('');
/** A date of `formatter` (a fr-FR Intl.DateTimeFormat), the first day of a month as '1er'. */
export const frenchDate = (formatter, date) => inFrenchOrder(formatter.formatToParts(date));

/** '7 décembre 2026 à 09:12' (Paris time) of an instant. */
export const formatInstant = (instant) => frenchDate(INSTANT, new Date(instant));
/** '7 décembre 2026', '1er décembre 2026' of a 'YYYY-MM-DD'. */
export const formatDay = (day) => frenchDate(DAY, new Date(`${day}T00:00:00Z`));
const DAYS = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
/** 'semaine 48 (23–29 novembre 2026)' of an ISO week '2026-W48'. */
export function formatWeek(week) {
  const monday = new Date(`${mondayOf(week)}T00:00:00Z`);
  return `semaine ${Number(week.slice(-2))} (${inFrenchOrder(DAYS.formatRangeToParts(monday, new Date(monday.getTime() + 6 * DAY_MS)))})`;
}
/** '1 234,5' */
export const formatNumber = (n) => NUMBER.format(n);
/**
 * A count with its words, singular or plural as French has it (0 and 1 singular, from 2 plural): '1 site créé',
 * '3 sites créés' of (n, 'site créé', 'sites créés'); never '(s)'.
 */
export const counted = (n, one, many) => `${formatNumber(n)} ${Math.abs(n) >= 2 ? many : one}`;
/**
 * Who sent a version or made an order's step, as a reader knows them: the API writes 'subject <e-mail>' (the subject is the
 * identity platform's opaque id, or the e-mail itself locally): the e-mail when there is one.
 */
export const formatAuthor = (declaredBy) => /<([^<>]+)>$/.exec(declaredBy ?? '')?.[1] ?? declaredBy;

/**
 * A form's sending failed: the API's 422 on the fields (in French, under `title`), anything else
 * (unreachable, session expired…) at the top of the form with `kept`, what the user has not lost.
 */
export function showSendFailure(form, error, title, kept) {
  if (error.kind === 'invalid' && error.problem?.errors?.length) {
    showErrors(form, errorsInFrench(error.problem.errors), title);
    return;
  }
  showFailure(form, error);
  form.querySelector('#resume-du-formulaire').insertAdjacentHTML('beforeend', `<p class="fr-mt-1w">${kept}</p>`);
}

/** Offers a file made in the page, or answered by the API, to save under `filename`. */
export function offerDownload(filename, blob) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** Offers a CSV file (UTF-8 with BOM, so that spreadsheet software reads the accents; CRLF lines) to download. */
export function downloadCsv(filename, lines) {
  offerDownload(filename, new Blob(['\uFEFF', lines.join('\r\n'), '\r\n'], { type: 'text/csv;charset=utf-8' }));
}

/**
 * A CSV cell between quotes (a name may hold the separator); a text a spreadsheet would run as a formula
 * (starting with =, +, -, @, a tab or a carriage return) gets an apostrophe first, as the API's exports do.
 */
export const quotedCsv = (text) => {
  const plain = String(text ?? '');
  return `"${(/^[=+\-@\t\r]/.test(plain) ? `'${plain}` : plain).replace(/"/g, '""')}"`;
};
