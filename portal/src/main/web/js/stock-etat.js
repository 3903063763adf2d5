// Stock d'État: the lots of State-stock vaccines and antivirals a PUI holds on a Thursday (product,
// lot, expiry, quantity; a lot past its expiry with units left is flagged expired, shown, never
// hidden), then what of it expires within 30, 60 and 90 days, and the earlier versions of that
// Thursday's declaration.
import { api, findOrNull } from './api.js';
import { clearField, clearMessages, markField, showErrors, showSummary } from './forms.js';
import { escapeHtml, showError, startPage } from './layout.js';
import { daysBetween, formatAuthor, formatDay, formatInstant, formatNumber, isoDay, lastThursday, parisToday, showSendFailure } from './format.js';
import { showHistory, table } from './historique.js';
import { choosePui, drafts, keepInAddress } from './pui.js';

const session = await startPage('stock-etat');
const main = document.getElementById('contenu');
let pui = null;
let date = null;
let products = []; // vaccines and antivirals of the catalogue, the products lots are declared of
let rowCount = 0; // ids of the rows added, never reused
let loading = 0;

const $ = (selector) => main.querySelector(selector);
const nameOf = (code) => products.find((p) => p.code === code)?.name ?? code;
const draftKey = () => `dispostock.brouillon.lots.${pui.finessEt}.${date}`;
const EXPIRES_WITHIN = {
  EXPIRED: '<span class="fr-badge fr-badge--sm fr-badge--error">Périmé</span>',
  30: '<span class="fr-badge fr-badge--sm fr-badge--warning">30 jours ou moins</span>',
  60: '<span class="fr-badge fr-badge--sm fr-badge--new">31 à 60 jours</span>',
  90: '<span class="fr-badge fr-badge--sm fr-badge--info">61 à 90 jours</span>',
  LATER: '<span class="fr-badge fr-badge--sm">Plus de 90 jours</span>',
};

/** A lot past its expiry on the Thursday, with units left: declared expired (the server requires it). */
function isExpired(row) {
  const expiry = row.querySelector('[data-field="expiry"]').value;
  const quantity = Number(row.querySelector('[data-field="quantity"]').value);
  return Boolean(expiry) && expiry < date && quantity > 0;
}

function showExpiredFlag(row) {
  row.querySelector('.etat-lot').innerHTML = isExpired(row) ? EXPIRES_WITHIN.EXPIRED : '';
}

/** A lot's row: five columns that fit a 1,280 px screen, the expired flag under its expiry date. */
function rowHtml(line) {
  const n = ++rowCount;
  const options = products.map((p) => `<option value="${escapeHtml(p.code)}"${p.code === line.productCode ? ' selected' : ''}>${escapeHtml(p.name)}</option>`).join('');
  const field = (label, control, below = '') => `<td><div class="fr-input-group fr-mb-0"><label class="fr-label fr-sr-only" for="${control.id}">${label}</label>${control.html}</div>${below}</td>`;
  return `
<tr data-row="${n}">
  ${field('Produit', { id: `produit-${n}`, html: `<select class="fr-select" id="produit-${n}" data-field="productCode"><option value="">Choisir</option>${options}</select>` })}
  ${field('Numéro de lot', { id: `lot-${n}`, html: `<input class="fr-input" id="lot-${n}" data-field="lot" maxlength="40" autocomplete="off" value="${escapeHtml(line.lot ?? '')}">` })}
  ${field('Date de péremption', { id: `peremption-${n}`, html: `<input class="fr-input" type="date" id="peremption-${n}" data-field="expiry" value="${escapeHtml(line.expiry ?? '')}">` },
    '<div class="etat-lot fr-mt-1v"></div>')}
  ${field('Quantité (unités)', { id: `quantite-${n}`, html: `<input class="fr-input" id="quantite-${n}" data-field="quantity" inputmode="numeric" autocomplete="off" value="${escapeHtml(line.quantity ?? '')}">` })}
  <td><button type="button" class="fr-btn fr-btn--tertiary fr-btn--sm" data-action="retirer">Retirer</button></td>
</tr>`;
}

/** Each row's labels and remove button name its lot by position, so that a screen reader tells rows apart. */
function renumber() {
  [...$('#lots tbody').rows].forEach((row, i) => {
    row.querySelectorAll('label').forEach((label) => {
      label.textContent = `${label.textContent.replace(/ du lot \d+.*$/, '')} du lot ${i + 1}`;
    });
    row.querySelector('[data-action="retirer"]').setAttribute('aria-label', `Retirer le lot ${i + 1}`);
  });
}

function addRow(line = {}) {
  $('#lots tbody').insertAdjacentHTML('beforeend', rowHtml(line));
  showExpiredFlag($('#lots tbody').lastElementChild);
  renumber();
}

function rowsOf() {
  return [...$('#lots tbody').rows].map((row) => Object.fromEntries([...row.querySelectorAll('[data-field]')]
    .map((f) => [f.dataset.field, f])));
}

function saveDraft() {
  const rows = rowsOf().map((r) => Object.fromEntries(Object.entries(r).map(([k, f]) => [k, f.value])));
  drafts.save(draftKey(), rows);
}

function problemOf(field, value) {
  if (field === 'quantity' && value.trim() !== '' && !/^\d+$/.test(value.trim())) {
    return value.trim().startsWith('-') ? 'doit être positif ou nul' : 'doit être un nombre entier d’unités (0 si le lot est épuisé)';
  }
  return null;
}

function lotsState(declared) {
  return declared
    ? `<span class="fr-badge fr-badge--success fr-mr-1w">Déclarés</span> Le ${escapeHtml(formatInstant(declared.declaredAt))} par ${escapeHtml(formatAuthor(declared.declaredBy))}.`
    : '<span class="fr-badge fr-badge--error fr-mr-1w">Non déclarés</span> Aucun lot déclaré pour ce jeudi.';
}

function showLots(current) {
  const draft = drafts.read(draftKey());
  const lines = draft ?? current?.lines ?? [];
  $('#lots-zone').innerHTML = `
<h2 id="lots-titre" class="fr-mt-4w">Lots détenus le jeudi ${escapeHtml(formatDay(date))}</h2>
<p id="etat-lots">${lotsState(current)}</p>
${draft ? '<div class="fr-alert fr-alert--info fr-alert--sm fr-mb-2w"><p>Vos saisies non envoyées pour ce jeudi ont été reprises. Elles restent dans cet onglet jusqu’à l’envoi.</p></div>' : ''}
<form id="formulaire-lots" novalidate aria-labelledby="lots-titre">
  <p class="fr-hint-text">Un lot épuisé se déclare avec la quantité 0. Un lot périmé qui reste en stock est signalé « Périmé » : il est déclaré comme tel pour être repris.</p>
  ${table(`Lots de vaccins et d’antiviraux du stock d’État détenus par ${pui.name}`,
    ['Produit', 'Lot', 'Péremption', 'Quantité<br>(unités)', 'Action'], [], { id: 'lots' })}
  <ul class="fr-btns-group fr-btns-group--inline-md">
    <li><button type="button" class="fr-btn fr-btn--secondary" id="ajouter-lot">Ajouter un lot</button></li>
    <li><button type="submit" class="fr-btn" id="envoyer-lots">Envoyer les lots</button></li>
  </ul>
</form>`;
  (lines.length ? lines : [{}]).forEach((l) => addRow(l));
  const form = $('#formulaire-lots');
  form.addEventListener('input', (event) => {
    showExpiredFlag(event.target.closest('tr'));
    saveDraft();
  });
  form.addEventListener('change', (event) => {
    const field = event.target;
    if (!field.dataset.field) return;
    showExpiredFlag(field.closest('tr'));
    clearField(field);
    const message = problemOf(field.dataset.field, field.value);
    if (message) markField(field, message);
  });
  form.addEventListener('click', (event) => {
    if (event.target.dataset.action !== 'retirer') return;
    const row = event.target.closest('tr');
    const next = row.nextElementSibling ?? row.previousElementSibling;
    row.remove();
    if (!next) addRow();
    renumber();
    saveDraft();
    ($('#lots tbody tr:last-child [data-field]')).focus();
  });
  $('#ajouter-lot').addEventListener('click', () => {
    addRow();
    saveDraft();
    $('#lots tbody tr:last-child [data-field]').focus();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(form);
  });
}

async function submit(form) {
  clearMessages(form);
  const rows = rowsOf();
  rows.forEach((r) => Object.values(r).forEach((f) => f.removeAttribute('data-pointer')));
  const sent = rows.filter((r) => Object.values(r).some((f) => f.value.trim() !== ''));
  const errors = [];
  sent.forEach((r, k) => Object.entries(r).forEach(([field, f]) => {
    f.dataset.pointer = `/lines/${k}/${field}`;
    const message = f.value.trim() === '' ? 'est à saisir' : problemOf(field, f.value);
    if (message) errors.push({ pointer: f.dataset.pointer, message });
  }));
  if (sent.length === 0) {
    showSummary(form, 'error', 'Aucun lot saisi', '<p>Saisissez au moins un lot ; un lot épuisé se déclare avec la quantité 0.</p>');
    return;
  }
  if (errors.length) {
    showErrors(form, errors, 'Les lots ne sont pas envoyés : des cases sont à corriger');
    return;
  }
  const button = $('#envoyer-lots');
  button.disabled = true;
  try {
    const lines = sent.map((r) => ({
      productCode: r.productCode.value,
      lot: r.lot.value.trim(),
      expiry: r.expiry.value,
      quantity: Number(r.quantity.value.trim()),
      expired: isExpired(r.lot.closest('tr')),
    }));
    const { data } = await api(`/v1/puis/${encodeURIComponent(pui.finessEt)}/state-stock/${date}`, { method: 'PUT', body: { lines } });
    drafts.drop(draftKey());
    $('#etat-lots').innerHTML = lotsState(data);
    const expired = data.lines.filter((l) => l.expired).length;
    showSummary(form, 'success', 'Lots enregistrés', `<p>${data.lines.length} lot${data.lines.length > 1 ? 's' : ''} enregistré${data.lines.length > 1 ? 's' : ''} le ${escapeHtml(formatInstant(data.declaredAt))}${expired ? `, dont ${expired} périmé${expired > 1 ? 's' : ''}` : ''}.</p>`);
    await Promise.all([showExpiry(), refreshHistory()]);
  } catch (error) {
    showSendFailure(form, error, 'Les lots n’ont pas été enregistrés : des cases sont à corriger',
      'Rien n’a été perdu : vos saisies restent dans cet onglet et seront reprises à votre retour.');
  } finally {
    button.disabled = false;
  }
}

async function showExpiry() {
  const zone = $('#peremptions');
  const { data } = await api(`/v1/state-stock/lots?date=${date}&finessEt=${encodeURIComponent(pui.finessEt)}`);
  const figure = (value, label) => `<div class="fr-col-6 fr-col-md-3"><p class="fr-h3 fr-mb-0">${formatNumber(value)}</p><p class="fr-text--sm">${label}</p></div>`;
  zone.innerHTML = `
<h2 id="peremptions-titre">Péremptions à 30, 60 et 90 jours</h2>
<p>Unités des lots déclarés le jeudi ${escapeHtml(formatDay(date))}, par date de péremption comptée depuis ce jeudi.</p>
${data.lots.length === 0 ? '<p>Aucun lot déclaré pour ce jeudi.</p>' : `
<div class="fr-grid-row fr-grid-row--gutters" id="chiffres-peremption">
  ${figure(data.expired, 'unités périmées')}
  ${figure(data.within30Days, 'unités périment dans 30 jours ou moins')}
  ${figure(data.within60Days, 'unités périment dans 60 jours ou moins')}
  ${figure(data.within90Days, 'unités périment dans 90 jours ou moins')}
</div>
${table('Lots par date de péremption', ['Produit', 'Lot', 'Péremption', 'Depuis ce jeudi', 'Unités', 'Échéance'],
    data.lots.map((l) => {
      const days = daysBetween(date, l.expiry);
      return [escapeHtml(nameOf(l.productCode)), escapeHtml(l.lot), escapeHtml(formatDay(l.expiry)),
        days < 0 ? `périmé depuis ${formatNumber(-days)} j` : `dans ${formatNumber(days)} j`, formatNumber(l.quantity),
        EXPIRES_WITHIN[l.expiresWithin]];
    }),
    { id: 'table-peremptions' })}`}`;
}

async function refreshHistory() {
  const current = await currentLots();
  if (!current) {
    $('#historique').innerHTML = '';
    return;
  }
  showHistory($('#historique'), {
    path: `/v1/puis/${encodeURIComponent(pui.finessEt)}/state-stock/${date}/history`,
    earlier: current.revisions ?? 0,
    linesTable: (lines, caption) => table(caption, ['Produit', 'Lot', 'Péremption', 'Quantité (unités)'],
      lines.map((l) => [escapeHtml(nameOf(l.productCode)), `${escapeHtml(l.lot)}${l.expired ? ` ${EXPIRES_WITHIN.EXPIRED}` : ''}`,
        escapeHtml(formatDay(l.expiry)), formatNumber(l.quantity)])),
  });
}

function currentLots() {
  return findOrNull(`/v1/puis/${encodeURIComponent(pui.finessEt)}/state-stock/${date}`);
}

async function load() {
  const mine = ++loading;
  keepInAddress({ jeudi: date });
  $('#erreur-page').innerHTML = '';
  $('#lots-zone').innerHTML = '<p>Chargement…</p>';
  try {
    const [catalogue, current] = await Promise.all([
      products.length ? products : api('/v1/state-stock/products').then((r) => r.data.filter((p) => p.kind !== 'DEVICE')),
      currentLots(),
    ]);
    if (mine !== loading) return;
    products = catalogue;
    showLots(current);
    await Promise.all([showExpiry(), refreshHistory()]);
  } catch (error) {
    if (mine !== loading) return;
    $('#lots-zone').innerHTML = '';
    showError($('#erreur-page'), error);
  }
}

if (session) {
  main.innerHTML = `
<div class="fr-container fr-my-6w">
  <h1>Stock d’État</h1>
  <p>Chaque jeudi, les lots de vaccins et d’antiviraux du stock stratégique de l’État détenus par la PUI : numéro de
    lot, date de péremption et quantité, pour être réapprovisionné à temps et ne rien laisser périmer.
    Les commandes se passent dans l’onglet <a href="commandes.html">Commandes</a>.</p>
  <div class="fr-grid-row fr-grid-row--gutters">
    <div class="fr-col-12 fr-col-md-8" id="choix-pui"><p>Chargement…</p></div>
    <div class="fr-col-12 fr-col-md-4">
      <div class="fr-input-group" id="groupe-jeudi">
        <label class="fr-label" for="jeudi">Jeudi <span class="fr-hint-text">Le jeudi dont on déclare le stock</span></label>
        <input class="fr-input" type="date" id="jeudi" name="jeudi">
      </div>
    </div>
  </div>
  <div id="erreur-page"></div>
  <div id="lots-zone"></div>
  <section id="peremptions" class="fr-mt-6w"></section>
  <section id="historique" class="fr-mt-6w"></section>
</div>`;
  const dateInput = $('#jeudi');
  const asked = new URLSearchParams(window.location.search).get('jeudi');
  date = /^\d{4}-\d{2}-\d{2}$/.test(asked ?? '') ? asked : lastThursday();
  dateInput.value = date;
  dateInput.max = isoDay(parisToday());
  dateInput.addEventListener('change', () => {
    clearField(dateInput);
    const day = dateInput.value;
    if (!day || day === date) return;
    if (new Date(`${day}T00:00:00Z`).getUTCDay() !== 4) {
      markField(dateInput, 'choisissez un jeudi : le stock d’État se déclare pour un jeudi');
      return;
    }
    date = day;
    load();
  });
  await choosePui(session, (chosen) => {
    pui = chosen;
    load();
  });
}
