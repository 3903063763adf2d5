// Indicateurs: the T0/M6/M12 indicators of a period (ISO weeks, the last 52 by default) for the nation and
// each region in scope, with the same figures as a CSV file of the API; then the territorial disparities of
// the last computed week: the regions and départements whose median coverage falls under the nation's, and on
// which items. A decision aid: each figure says how it is made, a person decides. The period and the region
// are in the address (a GET form), so that a view can be reloaded or sent to a colleague.
import { api, downloadFile } from './api.js';
import { badge, currentWeek, ownRegion, regionName, regionSelect, weekHint } from './autorites.js';
import { formatNumber, formatWeek, isoWeekOf, mondayOf } from './format.js';
import { table } from './historique.js';
import { escapeHtml, pageBody, showError, startPage } from './layout.js';
import { showFailure } from './forms.js';
import { detailInFrench } from './messages.js';

const PERIOD_WEEKS = 52;
const HORIZONS = [7, 14, 28];

/** The ISO week `count` weeks before `week`. */
function weeksBefore(week, count) {
  const day = new Date(`${mondayOf(week)}T12:00:00`);
  day.setDate(day.getDate() - 7 * count);
  return isoWeekOf(day);
}

// a figure keeps its unit on its line (no-break space) when the table's cells wrap
const percent = (share) => (share === null || share === undefined ? '—' : `${formatNumber(Math.round(share * 1000) / 10)} %`);
const days = (n) => (n === null || n === undefined ? '—' : `${formatNumber(Math.round(n * 10) / 10)} j`);
const areaName = (code) => (code ? regionName(code) : 'France entière');

/**
 * An answer other than the figures, as a DSFR alert in the section: no computation yet (404), or what
 * api.js says of the others (403, 429, 5xx, unreachable). The indicators' period refused (422) is
 * shown on the period form, each field to correct under it (forms.js).
 */
function showUnavailable(container, error, form = null) {
  if (error.kind === 'not-found') {
    container.innerHTML = `
<div class="fr-alert fr-alert--info">
  <h3 class="fr-alert__title">${escapeHtml(detailInFrench(error.problem?.detail) || 'Aucun calcul n’a encore été fait.')}</h3>
  <p>Les indicateurs et les disparités sont calculés chaque lundi à 15 h, après les déclarations de la semaine,
    et chaque jeudi à 18 h, après les lots du stock d’État. Revenez après le prochain calcul.</p>
</div>`;
  } else if (form && error.kind === 'invalid') {
    container.innerHTML = '<p>Corrigez la période ci-dessus pour afficher les indicateurs.</p>';
    showFailure(form, error);
  } else {
    showError(container, error);
  }
}

const weekInput = (id, pointer, label, value) => `
<div class="fr-input-group"><label class="fr-label" for="${id}">${label} <span class="fr-hint-text">${escapeHtml(weekHint(value))}</span></label>
  <input class="fr-input" id="${id}" name="${id}" data-pointer="${pointer}" pattern="[0-9]{4}-W[0-9]{2}" value="${escapeHtml(value)}" required></div>`;

function periodForm(user, { from, to, region }) {
  const own = ownRegion(user);
  const regionField = own
    ? `<p class="fr-mb-2w">Région : <strong>${escapeHtml(regionName(own))}</strong></p>`
    : regionSelect('Région', region, 'name="region" data-pointer="region"', 'France entière et toutes les régions');
  return `
<form method="get" action="indicateurs.html" class="fr-mb-4w" id="choix">
  <fieldset class="fr-fieldset"><legend class="fr-fieldset__legend">Période et territoire</legend>
    <div class="fr-fieldset__element fr-fieldset__element--inline">${weekInput('du', 'from', 'Première semaine', from)}</div>
    <div class="fr-fieldset__element fr-fieldset__element--inline">${weekInput('au', 'to', 'Dernière semaine', to)}</div>
    <div class="fr-fieldset__element">${regionField}</div>
    <div class="fr-fieldset__element"><button type="submit" class="fr-btn">Afficher</button></div>
  </fieldset>
</form>`;
}

/** An alerts' horizon: how many were raised, and of those whose horizon has passed, how many a stock-out followed. */
function alertsCell(alerts) {
  if (!alerts) return '—';
  const measured = alerts.evaluated
    ? `précision ${percent(alerts.precision)} (${formatNumber(alerts.followedByStockOut)} sur ${formatNumber(alerts.evaluated)})`
    : 'aucune évaluée';
  return `${formatNumber(alerts.raised)}<br><span class="fr-hint-text">${measured}</span>`;
}

function figuresRow(f) {
  const alerts = HORIZONS.map((h) => alertsCell(f.alerts.find((a) => a.withinDays === h)));
  return [escapeHtml(areaName(f.region)), formatNumber(f.weeks),
    `${percent(f.completeness)} (${formatNumber(f.declarations)} / ${formatNumber(f.expectedDeclarations)})`,
    `${percent(f.lateness)} (${formatNumber(f.lateDeclarations)})`,
    `${percent(f.zeroStockShare)} (${formatNumber(f.zeroStockWeeks)} / ${formatNumber(f.puiItemWeeks)})`,
    days(f.medianCoverageDays), ...alerts, formatNumber(f.expiredUnits)];
}

async function showIndicators(container, { from, to, region }) {
  const scope = { from, to, ...(region ? { region } : {}) };
  const { data } = await api(`/v1/insights/indicators?${new URLSearchParams(scope)}`);
  const areas = [...(data.nation ? [data.nation] : []), ...data.regions];
  const computed = areas.some((f) => f.weeks > 0);
  container.innerHTML = `
<p>Du début de la ${escapeHtml(formatWeek(data.from))} à la fin de la ${escapeHtml(formatWeek(data.to))}.</p>
${computed ? '' : `<div class="fr-alert fr-alert--info fr-mb-2w" id="periode-vide"><p>Aucune semaine de cette période n’a encore été calculée :
  les chiffres ci-dessous sont vides.</p></div>`}
<ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
  <li><button type="button" class="fr-btn fr-btn--secondary" id="indicateurs-csv">Télécharger en CSV</button></li>
</ul>
<div id="erreur-csv"></div>
${table(`Indicateurs de la ${formatWeek(data.from)} à la ${formatWeek(data.to)}`, ['Territoire', 'Semaines calculées', 'Complétude', 'En retard',
    'À stock nul', 'Couverture médiane', ...HORIZONS.map((h) => `Alertes à ${h} j`), 'Stock d’État périmé (unités)'], areas.map(figuresRow), { id: 'indicateurs', rowHeaders: true, whenEmpty: 'Aucun territoire.', multiline: true })}
<p class="fr-text--sm fr-mt-2w">Complétude : déclarations reçues sur déclarations attendues (les PUI du territoire, chaque semaine calculée).
  En retard : part des déclarations faites après leur lundi. À stock nul : part des semaines PUI × médicament déclarées à stock nul.
  Couverture médiane : jours de stock médians des PUI × médicaments, au plus 365. Alertes « rupture sous 7, 14 ou 28 jours » levées ;
  leur précision est la part de celles dont l’horizon est passé qui ont été suivies d’un stock nul déclaré un lundi (une rupture
  entre deux lundis n’est pas vue : c’est un minimum).</p>`;
  const file = `indicateurs-${from}-${to}${region ? `-${region}` : ''}.csv`;
  container.querySelector('#indicateurs-csv').addEventListener('click', () =>
    downloadFile(`/v1/insights/indicators?${new URLSearchParams({ ...scope, format: 'csv' })}`, file)
      .catch((error) => showError(container.querySelector('#erreur-csv'), error)));
}

/** The tracked items by id (label, UCD codes), for the disparities' rows; none when the register does not answer. */
async function trackedItems(region) {
  try {
    const { data } = await api(region ? `/v1/medicines?${new URLSearchParams({ region })}` : '/v1/medicines');
    return new Map(data.map((m) => [m.itemId, m]));
  } catch {
    return new Map();
  }
}

/** A tracked item as its users name it: its label and UCD codes; its id only when the register does not know it. */
function itemCell(items, id) {
  if (!id) return 'Tous les médicaments';
  const m = items.get(id);
  if (!m) return escapeHtml(id);
  return `${escapeHtml(m.label)}${m.ucds?.length ? `<br><span class="fr-hint-text">UCD13 : ${m.ucds.map(escapeHtml).join(', ')}</span>` : ''}`;
}

const LEVELS = { REGION: 'Région', DEPARTEMENT: 'Département' };

/** Whether a place falls behind the nation: over every item (a shortfall without item), on how many items. */
function situation(place) {
  if (!place.behind.length) return badge('success', 'Au niveau');
  const items = place.behind.filter((s) => s.itemId).length;
  return badge('warning', items ? `En retard sur ${items} médicament${items > 1 ? 's' : ''}` : 'En retard');
}

async function showDisparities(container, region) {
  const [{ data }, items] = await Promise.all([
    api(`/v1/insights/disparities?${new URLSearchParams(region ? { region } : {})}`), trackedItems(region)]);
  const item = (id) => itemCell(items, id);
  const place = (p) => `${escapeHtml(p.name)} (${escapeHtml(p.code)})`;
  const places = data.places.map((p) => [place(p), LEVELS[p.level] ?? escapeHtml(p.level), days(p.medianCoverageDays), formatNumber(p.puiItems),
    situation(p)]);
  const shortfalls = data.places.flatMap((p) => p.behind.map((s) => [place(p), item(s.itemId), days(s.medianCoverageDays),
    days(s.nationalMedianDays), days(s.daysBelow), percent(s.share), formatNumber(s.puiItems)]));
  container.innerHTML = `
<p>Semaine calculée la plus récente : <strong>${escapeHtml(formatWeek(data.week))}</strong>. Couverture médiane en France :
  <strong>${days(data.nation.medianCoverageDays)}</strong> (${formatNumber(data.nation.puiItems)} PUI × médicaments). Un territoire est en retard
  sur un médicament quand sa couverture médiane est inférieure à ${percent(data.behindShare)} de celle de la France pour ce médicament.</p>
<h3 class="fr-mt-4w" id="en-retard-titre">Territoires en retard et médicaments concernés</h3>
${table('Territoires en retard sur la médiane nationale, par médicament', ['Territoire', 'Médicament', 'Couverture médiane',
    'Médiane nationale', 'Écart', 'Part de la médiane nationale', 'PUI × médicaments'], shortfalls,
    { id: 'en-retard', rowHeaders: true, multiline: true, whenEmpty: 'Aucun territoire de votre ressort n’est en retard sur la médiane nationale cette semaine.' })}
<h3 class="fr-mt-4w" id="territoires-titre">Couverture médiane de chaque territoire</h3>
${table('Couverture médiane de chaque région et département', ['Territoire', 'Niveau', 'Couverture médiane', 'PUI × médicaments', 'Situation'],
    places, { id: 'territoires', rowHeaders: true, whenEmpty: 'Aucun territoire calculé cette semaine.' })}`;
}

const session = await startPage('indicateurs');
if (session) {
  const body = pageBody('Indicateurs et disparités territoriales');
  const params = new URLSearchParams(window.location.search);
  const region = ownRegion(session.user) ?? (params.get('region') || null);
  body.innerHTML = `
<p>Une aide à la décision : chaque chiffre est calculé par des règles documentées, sans apprentissage ; une personne décide.</p>
<div id="periode"><p>Chargement…</p></div>
<section aria-labelledby="indicateurs-titre" class="fr-mt-4w">
  <h2 id="indicateurs-titre">Indicateurs T0, M6 et M12</h2>
  <p id="jalons">T0, M6 et M12 sont les trois relevés que demande l’appel à projets : T0 sur une période de référence avant
    la mise en service de l’outil, M6 et M12 sur les périodes six et douze mois après ; choisissez chacune ci-dessus
    (première et dernière semaine) pour en obtenir les chiffres et les comparer.</p>
  <div id="resultat-indicateurs" aria-live="polite"><p>Chargement…</p></div>
</section>
<section aria-labelledby="disparites-titre" class="fr-mt-6w">
  <h2 id="disparites-titre">Disparités territoriales</h2>
  <div id="resultat-disparites" aria-live="polite"><p>Chargement…</p></div>
</section>`;
  const indicators = body.querySelector('#resultat-indicateurs');
  const disparities = body.querySelector('#resultat-disparites');
  const period = (async () => {
    const asked = params.get('au');
    // an address edited by hand: a week that is not one would break the date arithmetic, so this week
    const to = /^\d{4}-W\d{2}$/.test(asked ?? '') ? asked : await currentWeek();
    const chosen = { from: params.get('du') || weeksBefore(to, PERIOD_WEEKS - 1), to, region };
    body.querySelector('#periode').innerHTML = periodForm(session.user, chosen);
    await showIndicators(indicators, chosen);
  })();
  await Promise.all([
    period.catch((error) => {
      // without this week (the calendar did not answer) there is no default period to offer
      const form = body.querySelector('#choix');
      if (!form) body.querySelector('#periode').replaceChildren();
      showUnavailable(indicators, error, form);
    }),
    showDisparities(disparities, region).catch((error) => showUnavailable(disparities, error)),
  ]);
}
