// Médicaments suivis: the items PUIs declare, with their UCD codes (typed as UCD7 or UCD13 and
// checked as typed, with the UCD13 each one is stored as), their CIS codes (which link them to the
// shortages the medicines agency declares, shown with each item), national level 1 or regional, the dates
// their tracking starts and ends, and the history of each. The national operator keeps every item;
// an ARS the regional items of its region; an OMEDIT reads its region's. Ending a tracking is a
// date, never a deletion: the item, its declarations and its history stay.
import { api } from './api.js';
import { clearField, clearMessages, showErrors, showFailure, showSummary } from './forms.js';
import { escapeHtml, pageBody, showError, startPage } from './layout.js';
import { errorsInFrench } from './messages.js';
import { formatDay, isoDay, parisToday } from './format.js';
import { table } from './historique.js';
import { REGIONS, auditTrail, isNational, regionName } from './autorites.js';

const today = isoDay(parisToday());
let items = [];
let user;

/** EAN-13 check digit of 12 digits (weights 1 and 3 from the left), as the API checks it. */
function checkDigit(twelve) {
  const sum = [...twelve].reduce((s, d, i) => s + Number(d) * (i % 2 ? 3 : 1), 0);
  return String((10 - (sum % 10)) % 10);
}

/** One typed UCD code: {ucd13, form} when it is one, {problem} otherwise. */
function checkUcd(typed) {
  const v = typed.trim();
  const fromUcd7 = (ucd7, form) => ({ ucd13: `34008${ucd7}${checkDigit(`34008${ucd7}`)}`, form });
  if (/^\d{7}$/.test(v)) return fromUcd7(v, 'UCD7');
  if (/^000000\d{7}$/.test(v)) return fromUcd7(v.slice(6), 'UCD7 du SNDS');
  if (/^\d{13}$/.test(v)) {
    if (!v.startsWith('34008')) return { problem: `${v} n’est pas un UCD13 : un UCD13 commence par 34008 (un code commençant par 34009 est un CIP13 de présentation)` };
    if (checkDigit(v.slice(0, 12)) !== v[12]) return { problem: `${v} : la clé de contrôle (dernier chiffre) devrait être ${checkDigit(v.slice(0, 12))}` };
    return { ucd13: v, form: 'UCD13' };
  }
  return { problem: `« ${v} » n’est pas un code UCD : 7 chiffres (UCD7) ou 13 chiffres commençant par 34008 (UCD13)` };
}

const typedLines = (field) => field.value.split('\n').map((l) => l.trim()).filter(Boolean);
const typedUcds = (form) => typedLines(form.elements.ucds);

/** The typed CIS codes that are not 8 digits, as problems by line. */
const cisProblems = (form) => typedLines(form.elements.cis).map((c, i) => (/^\d{8}$/.test(c) ? null
  : `ligne ${i + 1} : « ${c} » n’est pas un code CIS (8 chiffres)`)).filter(Boolean);

const KINDS = {
  SHORTAGE: 'Rupture de stock', TENSION: 'Tension d’approvisionnement', DISCONTINUED: 'Arrêt de commercialisation', AVAILABLE_AGAIN: 'Remise à disposition',
};

/** The agency's statuses of the item's CIS codes, as last imported. */
async function showSupplyStatuses(m, zone) {
  if (!m.cis.length) {
    zone.innerHTML = '<p class="fr-text--sm">Aucun code CIS : les ruptures et tensions déclarées à l’ANSM ne peuvent pas être rapprochées.</p>';
    return;
  }
  try {
    const { data } = await api(`/v1/medicines/${encodeURIComponent(m.itemId)}/supply-statuses`);
    zone.innerHTML = data.length ? `<ul>${data.map((s) => `<li>CIS ${escapeHtml(s.cis)}${s.cip13 ? ` (présentation ${escapeHtml(s.cip13)})` : ''} :
      ${escapeHtml(KINDS[s.kind] ?? s.kind)} depuis le ${escapeHtml(formatDay(s.since))}${s.availableAgainOn ? `, remis à disposition le ${escapeHtml(formatDay(s.availableAgainOn))}` : ''},
      mis à jour le ${escapeHtml(formatDay(s.updatedOn))}${s.url ? ` — <a href="${escapeHtml(s.url)}" target="_blank" rel="noopener" title="Page de l’ANSM - nouvelle fenêtre">page de l’ANSM</a>` : ''}</li>`).join('')}</ul>`
      : '<p class="fr-text--sm">Aucune rupture ni tension déclarée à l’ANSM pour ses codes CIS.</p>';
  } catch (error) {
    showError(zone, error);
  }
}

/** Shows, line by line, what each typed code is; returns the problems. */
function showUcdCheck(form) {
  const checks = typedUcds(form).map(checkUcd);
  form.querySelector('#ucds-verification').innerHTML = checks.length ? `<ul class="fr-mb-0">${checks.map((c, i) => `<li>Ligne ${i + 1} : ${c.problem
    ? `<span class="fr-error-text fr-mt-0">${escapeHtml(c.problem)}</span>`
    : `${escapeHtml(c.form)}, enregistré comme UCD13 ${escapeHtml(c.ucd13)}`}</li>`).join('')}</ul>` : '';
  return checks.map((c, i) => (c.problem ? `ligne ${i + 1} : ${c.problem}` : null)).filter(Boolean);
}

const level = (m) => (m.priority.level === 'NATIONAL' ? 'National (niveau 1)' : `Régional : ${m.priority.regions.map(regionName).join(', ')}`);
const keeps = (m) => isNational(user) || (user.roles.includes('ARS') && m.priority.level === 'REGIONAL'
  && m.priority.regions.length === 1 && m.priority.regions[0] === user.region);
/** Tracking as of today: its end date is the last day PUIs declare it. */
function state(m) {
  if (m.trackingStart > today) return 'À venir';
  if (!m.trackingEnd) return 'En cours';
  return m.trackingEnd < today ? 'Terminé' : `En cours, dernier jour le ${formatDay(m.trackingEnd)}`;
}

/** By name, as users look for a medicine. */
const byLabel = (a, b) => a.label.localeCompare(b.label, 'fr');

/** Name, UCD codes and CIS codes in one cell, wrapping (the id stays out: users know a medicine by its name and codes). */
const described = (m) => `${escapeHtml(m.label)}<br><span class="fr-text--xs">UCD13 : ${m.ucds.map(escapeHtml).join(', ')}${m.cis.length
  ? `<br>CIS : ${m.cis.map(escapeHtml).join(', ')}` : ''}</span>`;

function showList() {
  const rows = items.map((m) => [
    described(m),
    escapeHtml(level(m)),
    `${escapeHtml(state(m))}<br>du ${escapeHtml(formatDay(m.trackingStart))}${m.trackingEnd ? ` au ${escapeHtml(formatDay(m.trackingEnd))}` : ''}`,
    keeps(m) ? `<button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" data-edit="${escapeHtml(m.itemId)}">Modifier<span class="fr-sr-only"> ${escapeHtml(m.label)}</span></button>
      <button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary fr-mt-1w" data-history="${escapeHtml(m.itemId)}">Historique<span class="fr-sr-only"> de ${escapeHtml(m.label)}</span></button>` : 'Consultation',
  ]);
  const zone = document.getElementById('liste');
  zone.innerHTML = table('Médicaments suivis', ['Médicament et ses codes', 'Niveau', 'Suivi', 'Actions'], rows, { rowHeaders: true, id: 'table-medicaments' });
  // cells wrap (DSFR keeps them on one line by default): the table fits the page, names and buttons in view
  zone.querySelector('#table-medicaments').classList.add('fr-table--multiline');
  zone.querySelectorAll('[data-edit]').forEach((b) => b.addEventListener('click', () => showForm(items.find((m) => m.itemId === b.dataset.edit))));
  zone.querySelectorAll('[data-history]').forEach((b) => b.addEventListener('click', () => showHistory(items.find((m) => m.itemId === b.dataset.history))));
}

async function showHistory(m) {
  const zone = document.getElementById('edition');
  zone.innerHTML = '<p>Chargement…</p>';
  try {
    const { data } = await api(`/v1/medicines/${encodeURIComponent(m.itemId)}/audit`);
    zone.innerHTML = `<h2 id="edition-titre" tabindex="-1">Historique de ${escapeHtml(m.label)}</h2>${auditTrail(data, `Historique de ${m.label}`)}`;
    zone.querySelector('#edition-titre').focus();
  } catch (error) {
    showError(zone, error);
  }
}

function input(id, label, pointer, { type = 'text', hint = '', value = '' } = {}) {
  return `<div class="fr-input-group">
  <label class="fr-label" for="${id}">${label}${hint ? `<span class="fr-hint-text">${hint}</span>` : ''}</label>
  <input class="fr-input" type="${type}" id="${id}" name="${id}" data-pointer="${pointer}" value="${escapeHtml(value)}">
</div>`;
}

function levelFields(m) {
  if (!isNational(user)) {
    return `<p>Niveau : régional, ${escapeHtml(regionName(user.region))} (une ARS suit des médicaments de sa région).</p>`;
  }
  const regional = m?.priority.level === 'REGIONAL';
  const regions = Object.keys(REGIONS).sort().map((code) => `<div class="fr-checkbox-group fr-checkbox-group--sm">
    <input type="checkbox" id="region-${code}" name="regions" value="${code}"${m?.priority.regions.includes(code) ? ' checked' : ''}>
    <label class="fr-label" for="region-${code}">${escapeHtml(regionName(code))}</label></div>`).join('');
  return `<fieldset class="fr-fieldset" id="niveau" aria-labelledby="niveau-legende">
  <legend class="fr-fieldset__legend" id="niveau-legende">Niveau de priorité</legend>
  <div class="fr-fieldset__element"><div class="fr-radio-group"><input type="radio" id="niveau-national" name="niveau" value="NATIONAL"${regional ? '' : ' checked'}>
    <label class="fr-label" for="niveau-national">National (niveau 1) : toutes les PUI le déclarent</label></div></div>
  <div class="fr-fieldset__element"><div class="fr-radio-group"><input type="radio" id="niveau-regional" name="niveau" value="REGIONAL"${regional ? ' checked' : ''}>
    <label class="fr-label" for="niveau-regional">Régional : les PUI des régions cochées le déclarent</label></div></div>
</fieldset>
<fieldset class="fr-fieldset" id="regions" aria-labelledby="regions-legende">
  <legend class="fr-fieldset__legend" id="regions-legende">Régions (médicament régional)</legend>
  <div class="fr-fieldset__element">${regions}</div>
</fieldset>`;
}

function read(form, m) {
  const v = (id) => form.elements[id].value.trim() || null;
  const national = isNational(user);
  const levelChosen = national ? form.elements.niveau.value : 'REGIONAL';
  return {
    itemId: m?.itemId ?? v('identifiant'), label: v('libelle'),
    ucds: typedUcds(form),
    cis: typedLines(form.elements.cis),
    priority: { level: levelChosen, regions: national ? [...form.querySelectorAll('input[name="regions"]:checked')].map((c) => c.value) : [user.region] },
    trackingStart: v('debut'), trackingEnd: v('fin'),
  };
}

/** The API's messages in French; it points at /ucds/N or /cis/N, the form has one field for each list: the message says the line. */
const atCodeFields = (errors) => errorsInFrench(errors).map((e) => {
  const m = /^\/(ucds|cis)\/(\d+)$/.exec(e.pointer);
  return m ? { pointer: `/${m[1]}`, message: `ligne ${Number(m[2]) + 1} : ${e.message}` } : e;
});

/** The list with this item in it (added, or in place of its earlier version), by name. */
const withItem = (list, item) => list.filter((x) => x.itemId !== item.itemId).concat(item).sort(byLabel);

function showForm(m) {
  const zone = document.getElementById('edition');
  const etag = m ? `"${m.version}"` : null;
  zone.innerHTML = `
<h2 id="edition-titre" tabindex="-1">${m ? `Modifier ${escapeHtml(m.label)}` : 'Suivre un nouveau médicament'}</h2>
<form id="formulaire-medicament" novalidate>
  ${m ? `<p class="fr-text--sm">Identifiant technique (fichiers et API) : ${escapeHtml(m.itemId)}</p>` : input('identifiant', 'Identifiant', 'itemId', { hint: '1 à 64 lettres, chiffres, « . », « _ » ou « - », par exemple amoxicilline-inj-1g' })}
  ${input('libelle', 'Libellé', '/label', { value: m?.label ?? '' })}
  <div class="fr-input-group">
    <label class="fr-label" for="ucds">Codes UCD, un par ligne<span class="fr-hint-text">UCD7 (7 chiffres) ou UCD13 (13 chiffres commençant par 34008) ; chacun est vérifié pendant la saisie</span></label>
    <textarea class="fr-input" id="ucds" name="ucds" rows="4" data-pointer="/ucds">${escapeHtml((m?.ucds ?? []).join('\n'))}</textarea>
    <div id="ucds-verification" class="fr-mt-1w" aria-live="polite"></div>
  </div>
  <div class="fr-input-group">
    <label class="fr-label" for="cis">Codes CIS, un par ligne (facultatif)<span class="fr-hint-text">Code de la spécialité dans la base de données publique des médicaments (8 chiffres) : il relie le médicament aux ruptures et tensions déclarées à l’ANSM</span></label>
    <textarea class="fr-input" id="cis" name="cis" rows="3" data-pointer="/cis">${escapeHtml((m?.cis ?? []).join('\n'))}</textarea>
  </div>
  ${m ? '<h3 class="fr-h6 fr-mb-1w">Ruptures et tensions déclarées à l’ANSM</h3><div id="disponibilite"><p>Chargement…</p></div>' : ''}
  ${levelFields(m)}
  ${input('debut', 'Début du suivi', '/trackingStart', { type: 'date', value: m?.trackingStart ?? today })}
  ${input('fin', 'Fin du suivi (facultatif)', '/trackingEnd', { type: 'date', value: m?.trackingEnd ?? '', hint: 'Dernier jour où les PUI le déclarent. Mettre fin au suivi ne supprime rien : le médicament, ses déclarations et son historique restent.' })}
  <ul class="fr-btns-group fr-btns-group--inline fr-mt-2w">
    <li><button type="submit" class="fr-btn" id="enregistrer">Enregistrer</button></li>
    ${m && !m.trackingEnd ? '<li><button type="button" class="fr-btn fr-btn--secondary" id="fin-du-suivi">Mettre fin au suivi aujourd’hui</button></li>' : ''}
  </ul>
</form>`;
  const form = zone.querySelector('form');
  zone.querySelector('#edition-titre').focus();
  showUcdCheck(form);
  if (m) showSupplyStatuses(m, zone.querySelector('#disponibilite'));
  form.elements.ucds.addEventListener('input', () => {
    clearField(form.elements.ucds);
    showUcdCheck(form);
  });
  form.querySelector('#fin-du-suivi')?.addEventListener('click', () => {
    form.elements.fin.value = today;
    form.requestSubmit();
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearMessages(form);
    const problems = showUcdCheck(form).map((message) => ({ pointer: '/ucds', message }))
      .concat(cisProblems(form).map((message) => ({ pointer: '/cis', message })));
    if (problems.length) {
      showErrors(form, problems, 'Des codes sont à corriger');
      return;
    }
    const body = read(form, m);
    const button = form.querySelector('#enregistrer');
    button.disabled = true;
    try {
      const saved = await api(`/v1/medicines/${encodeURIComponent(body.itemId ?? '')}`, { method: 'PUT', body, headers: etag ? { 'If-Match': etag } : {} });
      m = saved.data;
      items = withItem(items, m);
      showList();
      showForm(m); // the saved item, its version, and what can be done with it now (end its tracking)
      showSummary(document.getElementById('formulaire-medicament'), 'success', `${m.label} enregistré`, m.trackingEnd && m.trackingEnd <= today
        ? `<p>Fin du suivi enregistrée : le ${escapeHtml(formatDay(m.trackingEnd))} est le dernier jour où les PUI le déclarent. Rien n’est supprimé : le médicament, ses déclarations et son historique restent consultables.</p>`
        : '<p>Les PUI concernées le déclarent à partir du début du suivi.</p>');
    } catch (error) {
      if (error.kind === 'invalid' && error.problem?.errors?.length) {
        showErrors(form, atCodeFields(error.problem.errors));
      } else if (error.kind === 'precondition-failed') {
        // someone saved it meanwhile, or a new item's id is taken (perhaps by this very save, its answer
        // lost): the form shows what is saved, never overwrites it silently
        const fresh = (await api(`/v1/medicines/${encodeURIComponent(body.itemId)}`)).data;
        items = withItem(items, fresh);
        showList();
        showForm(fresh);
        showSummary(document.getElementById('formulaire-medicament'), 'warning', m
          ? 'Quelqu’un a modifié ce médicament pendant que vous le consultiez' : 'Un médicament porte déjà cet identifiant', m
          ? '<p>Vos modifications n’ont pas été enregistrées. Le formulaire montre maintenant les valeurs enregistrées : reportez-y vos changements puis enregistrez.</p>'
          : '<p>Le formulaire le montre tel qu’il est enregistré (votre envoi précédent l’a peut-être créé, sa réponse s’étant perdue) : vérifiez-le, et modifiez-le si besoin.</p>');
      } else {
        showFailure(form, error);
      }
    } finally {
      button.disabled = false;
    }
  });
}

const session = await startPage('medicaments');
if (session) {
  user = session.user;
  const content = pageBody('Médicaments suivis');
  const mayAdd = isNational(user) || user.roles.includes('ARS');
  content.innerHTML = `
<p>${isNational(user) ? 'Tous les médicaments suivis, nationaux et régionaux.' : `Les médicaments que déclarent les PUI de la région ${escapeHtml(regionName(user.region))} : nationaux (niveau 1) et régionaux.`}</p>
${mayAdd ? '<button type="button" class="fr-btn fr-mb-4w" id="nouveau">Suivre un nouveau médicament</button>' : ''}
<div id="edition" class="fr-mb-6w"></div>
<div id="liste"><p>Chargement…</p></div>`;
  content.querySelector('#nouveau')?.addEventListener('click', () => showForm(null));
  try {
    items = (await api(isNational(user) ? '/v1/medicines' : `/v1/medicines?region=${encodeURIComponent(user.region)}`)).data.sort(byLabel);
    showList();
  } catch (error) {
    showError(document.getElementById('liste'), error);
  }
}
