// Dépannages et péremptions, a section of the stock picture (stock.js): for its item, week and
// region, the PUIs at risk of a stock-out within 14 days and, for the one asked, the PUIs that could
// lend it (GET /v1/puis/{finessEt}/insights/lenders); and the State-stock units that will expire
// unused, with the PUIs nearby that would use them in time (GET /v1/insights/expiry). Proposals of
// the insights: a person calls the pharmacies and decides.
import { api } from './api.js';
import { badge, captionedTable, regionName } from './autorites.js';
import { formatDay, formatNumber, formatWeek, lastThursday, mondayOf } from './format.js';
import { escapeHtml, showError } from './layout.js';

const HORIZON = 14;
const days = (v) => (v === null ? 'sans consommation' : `${formatNumber(Math.round(v * 10) / 10)} j`);

/** The Thursday of the week (the lots' day), or the last one when that Thursday has not come yet. */
function thursdayOf(week) {
  const thursday = new Date(`${mondayOf(week)}T12:00:00Z`);
  thursday.setUTCDate(thursday.getUTCDate() + 3);
  const day = thursday.toISOString().slice(0, 10);
  const last = lastThursday();
  return day <= last ? day : last;
}

async function lenders(detail, finessEt, name, itemId, week) {
  detail.innerHTML = '<p>Recherche des PUI qui peuvent dépanner…</p>';
  try {
    const l = (await api(`/v1/puis/${encodeURIComponent(finessEt)}/insights/lenders?${new URLSearchParams({ itemId, week })}`)).data;
    const rows = l.lenders.map((p) => [`${escapeHtml(p.name)} <span class="fr-text--xs">(${escapeHtml(p.finessEt)})</span>`,
      p.sameRegion ? 'même région' : escapeHtml(regionName(p.region)), `${formatNumber(p.km)} km`, formatNumber(p.stock),
      formatNumber(p.spare), `<strong>${formatNumber(p.proposed)}</strong>`]);
    detail.innerHTML = `
<h4 id="depannage-titre" tabindex="-1">Dépannage de ${escapeHtml(name)}</h4>
<p>${l.need === 0 ? `Son stock et les livraisons attendues couvrent ${l.safetyDays} jours : pas de dépannage nécessaire.`
    : `Il lui manque <strong>${formatNumber(l.need)}</strong> unités pour couvrir ${l.safetyDays} jours à ${formatNumber(l.adjustedDailyConsumption)} par jour
 (stock ${formatNumber(l.stock)}, ${formatNumber(l.incoming)} en cours de livraison). Chaque PUI proposée garde ${l.safetyDays} jours de sa propre consommation ;
 les distances sont à vol d’oiseau entre les sites FINESS.`}</p>
${l.need === 0 ? '' : captionedTable('preteurs', `PUI qui peuvent prêter : celles de la région d’abord, puis les plus proches (${formatNumber(l.lenders.length)})`,
    ['PUI', 'Région', 'Distance', 'Stock', 'Peut prêter', 'Quantité proposée'], rows)}
<p class="fr-text--sm">Une proposition : appelez les pharmacies avant tout transfert.</p>`;
    detail.querySelector('#depannage-titre').focus();
  } catch (error) {
    showError(detail, error);
  }
}

async function atRisk(container, { itemId, week, region, names }) {
  let risks;
  try {
    risks = (await api(`/v1/insights/risks?${new URLSearchParams({ region, week, horizon: String(HORIZON), itemId })}`)).data;
  } catch (error) {
    // a week no run has assessed yet: no list at all, rather than an empty one that would read as no risk
    if (error.kind === 'not-found') {
      container.innerHTML = `<p id="risques-non-calcules">Les risques de rupture ne sont pas encore calculés pour la ${escapeHtml(formatWeek(week))} :
 ils le sont chaque lundi après les déclarations.</p>`;
    } else {
      showError(container, error);
    }
    return;
  }
  const name = (finessEt) => names.get(finessEt) ?? finessEt;
  container.innerHTML = `
${captionedTable('risques-rupture', `PUI à risque de rupture sous ${HORIZON} jours (${formatNumber(risks.length)})`,
    ['PUI', 'Stock', 'Consommation ajustée / jour', 'Couverture', 'Rupture possible', 'Dépannage'],
    risks.map((r) => [`${escapeHtml(name(r.finessEt))} <span class="fr-text--xs">(${escapeHtml(r.finessEt)})</span>`,
      formatNumber(r.stock), formatNumber(r.adjustedDailyConsumption), days(r.coverageDays),
      badge(r.withinDays <= 7 ? 'error' : 'warning', `sous ${r.withinDays} jours`),
      `<button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" data-pui="${escapeHtml(r.finessEt)}">Qui peut dépanner ?<span class="fr-sr-only"> ${escapeHtml(name(r.finessEt))}</span></button>`]))}
<div id="depannage" aria-live="polite"></div>`;
  const detail = container.querySelector('#depannage');
  container.querySelectorAll('[data-pui]').forEach((button) => button.addEventListener('click',
    () => lenders(detail, button.dataset.pui, name(button.dataset.pui), itemId, week)));
}

/** The PUIs nearby that would use some of a lot's expiring units in time, or 'aucune'. */
const takersOf = (lot) => (lot.takers.length
  ? `<ul class="fr-raw-list">${lot.takers.map((t) => `<li>${escapeHtml(t.name)} : ${formatNumber(t.couldUse)} à ${formatNumber(t.km)} km</li>`).join('')}</ul>`
  : 'aucune');

async function expiring(container, { week, region }) {
  const date = thursdayOf(week);
  let e;
  try {
    e = (await api(`/v1/insights/expiry?${new URLSearchParams({ week, date, ...(region ? { region } : {}) })}`)).data;
  } catch (error) {
    showError(container, error);
    return;
  }
  // a lot whose use is unknown (fewer than two Thursdays declared) is shown as such, never as all expiring
  const known = (l) => l.dailyUse !== null && l.dailyUse !== undefined;
  const lots = e.puis.flatMap((p) => p.lots.filter((l) => l.expiring > 0 || !known(l)).map((l) => [
    `${escapeHtml(p.name)} <span class="fr-text--xs">(${escapeHtml(p.finessEt)})</span>`, escapeHtml(l.productCode), escapeHtml(l.lot),
    escapeHtml(formatDay(l.expiry)), formatNumber(l.quantity),
    known(l) ? formatNumber(Math.round(l.dailyUse * 10) / 10) : 'usage inconnu',
    known(l) ? formatNumber(l.used) : '—', known(l) ? `<strong>${formatNumber(l.expiring)}</strong>` : '—',
    known(l) ? takersOf(l) : '—']));
  container.innerHTML = `
<p id="peremption-total">Lots déclarés le ${escapeHtml(formatDay(e.date))} : <strong>${formatNumber(e.units)}</strong> unités,
 dont <strong>${formatNumber(e.expiring)}</strong> périmeront sans être utilisées au rythme d’utilisation de chaque PUI
 (premier périmé, premier utilisé), mesuré sur ses déclarations du jeudi et les livraisons reçues des 8 dernières semaines${e.unknownUse
    ? ` ; <strong>${formatNumber(e.unknownUse)}</strong> unités d’usage inconnu (moins de deux jeudis déclarés en 8 semaines), comptées à part` : ''}.
 Pour chaque lot, les PUI de la région qui en utiliseraient à temps, les plus proches d’abord.</p>
${region ? '' : captionedTable('peremption-regions', 'Par région', ['Région', 'Unités déclarées', 'Périmeront sans être utilisées', 'Usage inconnu'],
    e.regions.map((r) => [escapeHtml(regionName(r.region)), formatNumber(r.units), formatNumber(r.expiring), formatNumber(r.unknownUse)]))}
<div class="fr-mt-2w"></div>
${captionedTable('peremption-lots', `Lots qui périmeront en partie sans être utilisés, ou d’usage inconnu (${formatNumber(lots.length)})`,
    ['PUI', 'Produit', 'Lot', 'Péremption', 'Quantité', 'Utilisées par jour', 'Utilisées à temps', 'Périmeront', 'Utilisables à temps par'], lots)}`;
}

/**
 * Fills `container` for the stock picture's choice: `names` maps the region's PUIs' FINESS to their
 * names (the at-risk list shows them); without a region, the nation's expiry risk only.
 */
export async function helpSection(container, { itemId, week, region, names }) {
  container.innerHTML = `
<h3 class="fr-mt-4w">Dépannages et péremptions</h3>
<p class="fr-text--sm">Propositions calculées sur les déclarations de la semaine : une personne décide.</p>
${region ? '<h4>Dépannages entre PUI</h4><div id="entraide-risques"><p>Chargement…</p></div>' : ''}
<h4>Stock d’État : unités qui périmeront sans être utilisées</h4><div id="entraide-peremptions"><p>Chargement…</p></div>`;
  await Promise.all([
    region ? atRisk(container.querySelector('#entraide-risques'), { itemId, week, region, names }) : null,
    expiring(container.querySelector('#entraide-peremptions'), { week, region }),
  ]);
}
