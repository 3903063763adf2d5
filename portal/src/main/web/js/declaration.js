// Déclaration hebdomadaire: for one PUI and one ISO week, the stock on hand (whole units) and the
// average daily consumption (up to 3 decimals) of each item it must declare, typed in the grid or
// sent as a CSV file. A missing line is not a zero: empty rows are named before anything is sent.
// The server's 422 lands on the exact cells. The grid is kept in the tab (sessionStorage) until it
// is sent, so that an expired session or an unreachable API loses nothing.
import { api, downloadFile, findOrNull } from './api.js';
import { clearField, clearMessages, markField, showErrors, showSummary } from './forms.js';
import { escapeHtml, showError, startPage } from './layout.js';
import { downloadCsv, formatAuthor, formatDay, formatInstant, formatNumber, formatWeek, inFrench, isoDay, isoWeekOf, mondayOf, parisToday, quotedCsv, showSendFailure } from './format.js';
import { showHistory, table } from './historique.js';
import { choosePui, drafts, keepInAddress } from './pui.js';

const FIELDS = { stock: 'stock', averageDailyConsumption: 'consommation moyenne journalière', itemId: 'médicament' };
const session = await startPage('declaration');
const main = document.getElementById('contenu');
let pui = null;
let week = null;
let items = []; // the items the PUI must declare that week, in the grid's order
let loading = 0; // the latest load: an older one that answers late is dropped

const $ = (selector) => main.querySelector(selector);
const labelOf = (itemId) => items.find((i) => i.itemId === itemId)?.label ?? itemId;
const draftKey = () => `dispostock.brouillon.declaration.${pui.finessEt}.${week}`;

/** What is wrong with a cell as typed, or null; an empty cell is not checked here (a missing line). */
function problemOf(field, raw) {
  const value = raw.trim();
  if (value === '') return null;
  if (value.startsWith('-')) return 'doit être positif ou nul';
  if (field === 'stock') {
    if (/^\d+$/.test(value)) return null;
    return /^\d+[.,]\d+$/.test(value) ? 'doit être un nombre entier d’unités' : 'doit être un nombre (0 s’il n’y a pas de stock)';
  }
  if (!/^\d+([.,]\d+)?$/.test(value)) return 'doit être un nombre, par exemple 2,5 (0 si rien n’est consommé)';
  return /[.,]\d{4,}$/.test(value) ? 'a au plus 3 décimales' : null;
}

function saveDraft() {
  drafts.save(draftKey(), Object.fromEntries(items.map((item, i) => [item.itemId, [$(`#stock-${i}`).value, $(`#cmj-${i}`).value]])));
}

function showState(current) {
  const monday = mondayOf(week);
  const state = $('#etat');
  if (!current) {
    const late = isoDay(parisToday()) > monday;
    state.innerHTML = `
<p><span class="fr-badge fr-badge--error fr-mr-1w">Non déclarée</span>${late ? '<span class="fr-badge fr-badge--warning">En retard</span>' : ''}</p>
<p>Déclaration attendue le lundi ${formatDay(monday)}${late ? ' : envoyée maintenant, elle sera marquée en retard' : ''}.</p>`;
    return;
  }
  const missing = current.missingItems ?? [];
  state.innerHTML = `
<p>${missing.length ? '<span class="fr-badge fr-badge--warning fr-mr-1w">Incomplète</span>' : '<span class="fr-badge fr-badge--success fr-mr-1w">Déclarée</span>'}${current.late ? '<span class="fr-badge fr-badge--warning">En retard</span>' : ''}</p>
<p>Envoyée le ${escapeHtml(formatInstant(current.declaredAt))} par ${escapeHtml(formatAuthor(current.declaredBy))}.</p>
${missing.length ? `<p>${missing.length} médicament${missing.length > 1 ? 's' : ''} manquant${missing.length > 1 ? 's' : ''} :</p><ul id="manquants">${missing.map((id) => `<li>${escapeHtml(labelOf(id))}</li>`).join('')}</ul>` : ''}`;
}

function markMissing(missingItems) {
  items.forEach((item, i) => {
    $(`#etat-${i}`).innerHTML = missingItems.includes(item.itemId) ? '<span class="fr-badge fr-badge--sm fr-badge--warning">Manquant</span>' : '';
  });
}

function showGrid(current) {
  const draft = drafts.read(draftKey());
  const declared = Object.fromEntries((current?.lines ?? []).map((l) => [l.itemId, [String(l.stock), String(l.averageDailyConsumption).replace('.', ',')]]));
  const values = draft ?? declared;
  const lastWeek = (item) => (item.lastWeek
    ? `${formatNumber(item.lastWeek.stock)} u<br>${formatNumber(item.lastWeek.averageDailyConsumption)} u/j`
    : '<span class="fr-text--xs">non déclarée</span>');
  const cell = (id, field, label, value) => `
<div class="fr-input-group fr-mb-0">
  <label class="fr-label fr-sr-only" for="${id}">${escapeHtml(label)}</label>
  <input class="fr-input" id="${id}" data-field="${field}" inputmode="${field === 'stock' ? 'numeric' : 'decimal'}" autocomplete="off" value="${escapeHtml(value ?? '')}">
</div>`;
  const rows = items.map((item, i) => {
    const [stock, cmj] = values[item.itemId] ?? ['', ''];
    return [
      `${escapeHtml(item.label)}${item.ucds?.length ? `<br><span class="fr-text--xs fr-text--regular">UCD13 : ${item.ucds.map(escapeHtml).join(', ')}</span>` : ''}`,
      lastWeek(item),
      cell(`stock-${i}`, 'stock', `Stock de ${item.label} (unités)`, stock),
      cell(`cmj-${i}`, 'averageDailyConsumption', `Consommation moyenne journalière de ${item.label} (unités par jour)`, cmj),
      `<span id="etat-${i}"></span>`,
    ];
  });
  $('#grille').innerHTML = `
<h2 id="grille-titre" class="fr-mt-4w">Stock de la ${escapeHtml(formatWeek(week))}</h2>
<p id="autres-facons">Vous préférez un fichier ? Plus bas sur cette page :
  <a class="fr-link" href="#xlsx-titre">déclarer avec un tableur (xlsx)</a> ou
  <a class="fr-link" href="#csv-titre">par fichier CSV</a>.</p>
${draft ? '<div class="fr-alert fr-alert--info fr-alert--sm fr-mb-2w" id="saisies-reprises"><p>Vos saisies non envoyées pour cette PUI et cette semaine ont été reprises. Elles restent dans cet onglet jusqu’à l’envoi.</p></div>' : ''}
<form id="declaration" novalidate aria-labelledby="grille-titre">
  ${table(`${items.length} médicaments à déclarer pour ${pui.name}, ${formatWeek(week)}`,
    ['Médicament', 'Semaine précédente', 'Stock (unités)', 'CMJ (unités/jour)', 'État'], rows, { rowHeaders: true, id: 'table-declaration', multiline: true })}
  <button type="submit" class="fr-btn" id="envoyer">Envoyer la déclaration</button>
</form>`;
  if (current && !draft) markMissing(current.missingItems ?? []);
  const form = $('#declaration');
  form.addEventListener('input', saveDraft);
  form.addEventListener('change', (event) => {
    const field = event.target;
    if (!field.dataset.field) return;
    clearField(field);
    const message = problemOf(field.dataset.field, field.value);
    if (message) markField(field, message);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit(form, false);
  });
}

function submit(form, incompleteConfirmed) {
  clearMessages(form);
  const rows = items.map((item, i) => ({ item, i, stock: $(`#stock-${i}`), cmj: $(`#cmj-${i}`) }));
  const filled = rows.filter((r) => r.stock.value.trim() !== '' || r.cmj.value.trim() !== '');
  const empty = rows.filter((r) => !filled.includes(r));
  // the pointers the server names the cells with: /lines/k is the k-th line sent
  rows.forEach((r) => [r.stock, r.cmj].forEach((f) => f.removeAttribute('data-pointer')));
  const errors = [];
  filled.forEach((r, k) => [r.stock, r.cmj].forEach((f) => {
    f.dataset.pointer = `/lines/${k}/${f.dataset.field}`;
    const message = f.value.trim() === ''
      ? (f === r.stock ? 'est à saisir (0 s’il n’y a pas de stock)' : 'est à saisir (0 si rien n’est consommé)')
      : problemOf(f.dataset.field, f.value);
    if (message) errors.push({ pointer: f.dataset.pointer, message });
  }));
  if (errors.length) {
    showErrors(form, errors, 'La déclaration n’est pas envoyée : des cases sont à corriger');
    return;
  }
  if (filled.length === 0) {
    showSummary(form, 'error', 'Aucune valeur saisie', '<p>Saisissez le stock et la consommation de chaque médicament (0 s’il n’y en a pas).</p>');
    return;
  }
  if (empty.length && !incompleteConfirmed) {
    empty.forEach((r) => { $(`#etat-${r.i}`).innerHTML = '<span class="fr-badge fr-badge--sm fr-badge--warning">Vide</span>'; });
    const summary = showSummary(form, 'warning', `${empty.length} médicament${empty.length > 1 ? 's' : ''} sans valeur`, `
<p>Une case vide n’est pas un zéro : saisissez 0 pour un stock nul. Sans ces médicaments, la déclaration sera enregistrée comme incomplète.</p>
<ul>${empty.map((r) => `<li><a href="#stock-${r.i}">${escapeHtml(r.item.label)}</a></li>`).join('')}</ul>
<button type="button" class="fr-btn fr-btn--secondary fr-mt-2w" id="envoyer-incomplete">Envoyer sans ces médicaments</button>`);
    summary.querySelectorAll('a[href^="#"]').forEach((a) => a.addEventListener('click', (event) => {
      event.preventDefault();
      $(a.getAttribute('href')).focus();
    }));
    summary.querySelector('#envoyer-incomplete').addEventListener('click', () => submit(form, true));
    return;
  }
  send(form, filled);
}

async function send(form, filled) {
  const button = $('#envoyer');
  button.disabled = true;
  button.textContent = 'Envoi en cours…';
  const lines = filled.map((r) => ({
    itemId: r.item.itemId,
    stock: Number(r.stock.value.trim()),
    averageDailyConsumption: Number(r.cmj.value.trim().replace(',', '.')),
  }));
  try {
    const { data } = await api(`/v1/puis/${encodeURIComponent(pui.finessEt)}/declarations/${week}`, { method: 'PUT', body: { lines } });
    drafts.drop(draftKey());
    $('#saisies-reprises')?.remove(); // they are sent: nothing is kept any more
    markMissing(data.missingItems);
    const missing = data.missingItems.length;
    showSummary(form, 'success', missing ? 'Déclaration enregistrée, incomplète' : 'Déclaration enregistrée', `
<p>Enregistrée le ${escapeHtml(formatInstant(data.declaredAt))}${data.late ? ', en retard' : ''} : ${data.lines.length} médicament${data.lines.length > 1 ? 's' : ''} déclaré${data.lines.length > 1 ? 's' : ''}${missing ? `, ${missing} manquant${missing > 1 ? 's' : ''}` : ''}.</p>`);
    await refreshState();
  } catch (error) {
    showSendFailure(form, error, 'La déclaration n’a pas été enregistrée : des cases sont à corriger',
      'Rien n’a été perdu : vos saisies restent dans cet onglet et seront reprises à votre retour.');
  } finally {
    button.disabled = false;
    button.textContent = 'Envoyer la déclaration';
  }
}

/** What a file sent (CSV or xlsx) declared, under the grid reloaded with it. */
const savedFile = (data) => `
<p>${data.lines.length} médicament${data.lines.length > 1 ? 's' : ''} déclaré${data.lines.length > 1 ? 's' : ''} le ${escapeHtml(formatInstant(data.declaredAt))}${data.late ? ', en retard' : ''}${data.missingItems.length ? ` ; ${data.missingItems.length} manquant${data.missingItems.length > 1 ? 's' : ''}` : ''}. La grille ci-dessus montre les chiffres enregistrés.</p>`;

/** The week as an xlsx template of the API, filled in a spreadsheet program and sent back whole. */
function showXlsx() {
  const xlsx = $('#xlsx');
  const path = `/v1/puis/${encodeURIComponent(pui.finessEt)}/declarations/${week}/spreadsheet`;
  xlsx.innerHTML = `
<h2 id="xlsx-titre">Déclarer avec un tableur (Excel, LibreOffice)</h2>
<p>Téléchargez le classeur de cette PUI et de cette semaine : chaque médicament attendu avec ses codes UCD et les
  chiffres de la semaine précédente. Remplissez les cellules jaunes (colonnes <code>stock</code> et
  <code>averageDailyConsumption</code>) ; la feuille « Consignes » rappelle les règles. Déposez ensuite le classeur :
  toutes les lignes sont enregistrées, ou aucune, et une ligne laissée vide reste à déclarer.</p>
<button type="button" class="fr-btn fr-btn--secondary" id="modele-xlsx">Télécharger le classeur (xlsx)</button>
<form id="formulaire-xlsx" class="fr-mt-3w" novalidate aria-labelledby="xlsx-titre">
  <div class="fr-upload-group">
    <label class="fr-label" for="fichier-xlsx">Classeur rempli <span class="fr-hint-text">Format xlsx, 1 Mo au plus : le classeur téléchargé ci-dessus</span></label>
    <input class="fr-upload" type="file" id="fichier-xlsx" name="fichier-xlsx" accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" data-pointer="">
  </div>
  <button type="submit" class="fr-btn fr-mt-2w" id="envoyer-xlsx">Envoyer le classeur</button>
</form>`;
  xlsx.querySelector('#modele-xlsx').addEventListener('click', async () => {
    try {
      await downloadFile(path, `declaration-${pui.finessEt}-${week}.xlsx`);
    } catch (error) {
      showError($('#erreur-page'), error);
    }
  });
  onFileSent(xlsx.querySelector('#formulaire-xlsx'), {
    input: '#fichier-xlsx', button: '#envoyer-xlsx', missing: 'choisissez le classeur xlsx rempli', list: 'erreurs-xlsx',
    saved: 'Classeur enregistré', refused: 'Le classeur n’a pas été enregistré : aucune ligne n’est enregistrée',
    send: (file) => api(path, { method: 'PUT', body: file, headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } }),
    // each message names its sheet, row and column ("sheet 'Déclaration', row 7, column F: …")
    describe: ({ message }) => inFrench(message),
  });
}

/**
 * A form sending one file (CSV or xlsx) as the week's declaration: no file is said before anything is sent; once
 * saved, the grid is reloaded with what the file declared; refused, every problem is listed (`describe`).
 */
function onFileSent(form, { input, button, missing, list, saved, refused, send, describe }) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearMessages(form);
    const file = form.querySelector(input).files[0];
    if (!file) {
      showErrors(form, [{ pointer: '', message: missing }]);
      return;
    }
    const sending = form.querySelector(button);
    sending.disabled = true;
    try {
      const { data } = await send(file);
      drafts.drop(draftKey());
      await load();
      showSummary($(`#${form.id}`), 'success', saved, savedFile(data));
    } catch (error) {
      if (error.kind === 'invalid') {
        showSummary(form, 'error', refused, `
<ul id="${list}">${error.problem.errors.map((e) => `<li>${escapeHtml(describe(e))}</li>`).join('')}</ul>`);
      } else {
        showError($('#erreur-page'), error);
      }
    } finally {
      sending.disabled = false;
    }
  });
}

function showCsv() {
  const csv = $('#csv');
  csv.innerHTML = `
<h2 id="csv-titre">Déclarer par fichier CSV</h2>
<p>Depuis un tableur ou le logiciel de gestion de stock : téléchargez le modèle de cette PUI et de cette semaine,
  remplissez les colonnes <code>stock</code> et <code>averageDailyConsumption</code> (séparateur point-virgule, virgule
  décimale acceptée ; la colonne <code>libelle</code> n’est pas lue), puis déposez le fichier. Toutes les lignes sont
  enregistrées, ou aucune.</p>
<button type="button" class="fr-btn fr-btn--secondary" id="modele">Télécharger le modèle CSV</button>
<form id="formulaire-csv" class="fr-mt-3w" novalidate aria-labelledby="csv-titre">
  <div class="fr-upload-group">
    <label class="fr-label" for="fichier">Fichier rempli <span class="fr-hint-text">Format CSV, en-tête itemId;stock;averageDailyConsumption</span></label>
    <input class="fr-upload" type="file" id="fichier" name="fichier" accept=".csv,text/csv" data-pointer="">
  </div>
  <button type="submit" class="fr-btn fr-mt-2w" id="envoyer-csv">Envoyer le fichier</button>
</form>`;
  csv.querySelector('#modele').addEventListener('click', () => {
    downloadCsv(`declaration-${pui.finessEt}-${week}.csv`,
      ['itemId;stock;averageDailyConsumption;libelle', ...items.map((i) => `${i.itemId};;;${quotedCsv(i.label)}`)]);
  });
  // the server numbers the file's non-blank lines after the header: /lines/N is the N-th of them
  let lineOf = (n) => n + 2;
  onFileSent(csv.querySelector('#formulaire-csv'), {
    input: '#fichier', button: '#envoyer-csv', missing: 'choisissez le fichier CSV rempli', list: 'erreurs-csv',
    saved: 'Fichier enregistré', refused: 'Le fichier n’a pas été enregistré : aucune ligne n’est enregistrée',
    send: async (file) => {
      const text = await file.text();
      const fileLines = text.split(/\r?\n/).map((line, i) => ({ line, number: i + 1 })).slice(1).filter((l) => l.line.trim() !== '');
      lineOf = (n) => fileLines[n]?.number ?? n + 2;
      return api(`/v1/puis/${encodeURIComponent(pui.finessEt)}/declarations/${week}`,
        { method: 'PUT', body: text, headers: { 'Content-Type': 'text/csv' } });
    },
    describe: ({ pointer, message }) => {
      const at = /^\/lines\/(\d+)(?:\/(\w+))?$/.exec(pointer);
      return `${at ? `Ligne ${lineOf(Number(at[1]))} du fichier${at[2] ? `, ${FIELDS[at[2]] ?? at[2]}` : ''} : ` : ''}${inFrench(message)}`;
    },
  });
}

function showHistoryOf(current) {
  const history = $('#historique');
  if (!current) {
    history.innerHTML = '';
    return;
  }
  showHistory(history, {
    path: `/v1/puis/${encodeURIComponent(pui.finessEt)}/declarations/${week}/history`,
    earlier: current.revisions ?? 0,
    linesTable: (lines, caption) => table(caption, ['Médicament', 'Stock (unités)', 'CMJ (unités/jour)'],
      lines.map((l) => [escapeHtml(labelOf(l.itemId)), formatNumber(l.stock), formatNumber(l.averageDailyConsumption)]), { rowHeaders: true }),
  });
}

function currentDeclaration() {
  return findOrNull(`/v1/puis/${encodeURIComponent(pui.finessEt)}/declarations/${week}`);
}

async function refreshState() {
  const current = await currentDeclaration();
  showState(current);
  showHistoryOf(current);
}

async function load() {
  const mine = ++loading;
  keepInAddress({ semaine: week });
  $('#erreur-page').innerHTML = '';
  $('#grille').innerHTML = '<p>Chargement…</p>';
  try {
    if (week > isoWeekOf(parisToday())) {
      $('#etat').innerHTML = '';
      $('#grille').innerHTML = '<div class="fr-alert fr-alert--info"><p>Cette semaine n’a pas encore commencé : elle se déclare à partir de son lundi.</p></div>';
      $('#xlsx').innerHTML = '';
      $('#csv').innerHTML = '';
      $('#historique').innerHTML = '';
      return;
    }
    const [expected, current] = await Promise.all([
      api(`/v1/puis/${encodeURIComponent(pui.finessEt)}/declarations/${week}/expected`).then((r) => r.data),
      currentDeclaration(),
    ]);
    if (mine !== loading) return;
    items = expected.items;
    showState(current);
    showGrid(current);
    showXlsx();
    showCsv();
    showHistoryOf(current);
  } catch (error) {
    if (mine !== loading) return;
    $('#grille').innerHTML = '';
    showError($('#erreur-page'), error);
  }
}

if (session) {
  main.innerHTML = `
<div class="fr-container fr-my-6w">
  <h1>Déclaration hebdomadaire</h1>
  <p>Chaque lundi, pour chaque médicament suivi : le stock disponible (en unités) et la consommation moyenne
    journalière (CMJ, en unités par jour, 3 décimales au plus). Un stock nul se déclare <strong>0</strong> :
    une case vide n’est pas un zéro.</p>
  <div class="fr-grid-row fr-grid-row--gutters">
    <div class="fr-col-12 fr-col-md-8" id="choix-pui"><p>Chargement…</p></div>
    <div class="fr-col-12 fr-col-md-4">
      <div class="fr-input-group">
        <label class="fr-label" for="semaine">Semaine <span class="fr-hint-text">Du lundi au dimanche</span></label>
        <input class="fr-input" type="week" id="semaine" name="semaine">
      </div>
    </div>
  </div>
  <div id="erreur-page"></div>
  <div id="etat" class="fr-mt-2w"></div>
  <div id="grille"></div>
  <section id="xlsx" class="fr-mt-6w"></section>
  <section id="csv" class="fr-mt-6w"></section>
  <section id="historique" class="fr-mt-6w"></section>
</div>`;
  const weekInput = $('#semaine');
  const asked = new URLSearchParams(window.location.search).get('semaine');
  week = /^\d{4}-W\d{2}$/.test(asked ?? '') ? asked : isoWeekOf(parisToday());
  weekInput.value = week;
  weekInput.max = isoWeekOf(parisToday());
  weekInput.addEventListener('change', () => {
    if (/^\d{4}-W\d{2}$/.test(weekInput.value) && weekInput.value !== week) {
      week = weekInput.value;
      load();
    }
  });
  await choosePui(session, (chosen) => {
    pui = chosen;
    load();
  });
}
