// What the authorities' screens share (completude, stock, campagnes, relances): the regions, the
// week they look at (the API's calendar, Paris time), the region an account is confined to, badges.
import { api } from './api.js';
import { escapeHtml } from './layout.js';

/** The 18 regions, INSEE codes (the API's `region`). */
export const REGIONS = [
  ['84', 'Auvergne-Rhône-Alpes'], ['27', 'Bourgogne-Franche-Comté'], ['53', 'Bretagne'], ['24', 'Centre-Val de Loire'],
  ['94', 'Corse'], ['44', 'Grand Est'], ['32', 'Hauts-de-France'], ['11', 'Île-de-France'], ['28', 'Normandie'],
  ['75', 'Nouvelle-Aquitaine'], ['76', 'Occitanie'], ['52', 'Pays de la Loire'], ['93', 'Provence-Alpes-Côte d’Azur'],
  ['01', 'Guadeloupe'], ['02', 'Martinique'], ['03', 'Guyane'], ['04', 'La Réunion'], ['06', 'Mayotte'],
];
export const regionName = (code) => REGIONS.find(([c]) => c === code)?.[1] ?? code;

/** The region an ARS or OMEDIT account reads (its own), or null for the national operator. */
export const ownRegion = (user) => (user.roles.includes('NATIONAL') ? null : user.region ?? null);

/** This week, as the API counts it (Paris). */
export async function currentWeek() {
  return (await api('/v1/state-stock/calendar')).data.week;
}

/**
 * The week and region a page shows, from its address (`?semaine=&region=`): this week by default,
 * and an ARS's or OMEDIT's own region whatever the address says.
 */
export async function weekAndRegion(user, params) {
  return { week: params.get('semaine') || await currentWeek(), region: ownRegion(user) ?? (params.get('region') || null) };
}

export const badge = (type, text) => `<p class="fr-badge fr-badge--${type} fr-badge--sm fr-badge--no-icon">${escapeHtml(text)}</p>`;

/** A select of the regions (id `region`), "France entière" first; `label` is trusted HTML. */
export function regionSelect(label, selected, attributes) {
  return `<div class="fr-select-group"><label class="fr-label" for="region">${label}</label>
  <select class="fr-select" id="region" ${attributes}><option value="">France entière</option>
  ${REGIONS.map(([c, n]) => `<option value="${c}"${c === selected ? ' selected' : ''}>${escapeHtml(n)}</option>`).join('')}</select></div>`;
}

/** A week input with its hint (ISO week: what the API takes), and a region select for the national operator. */
export function scopeFields(user, week, region) {
  const own = ownRegion(user);
  const regionField = own
    ? `<p class="fr-mb-2w">Région : <strong>${escapeHtml(regionName(own))}</strong></p>`
    : regionSelect('Région', region, 'name="region"');
  return `
<div class="fr-input-group"><label class="fr-label" for="semaine">Semaine <span class="fr-hint-text">Semaine ISO, par exemple 2026-W49</span></label>
  <input class="fr-input" id="semaine" name="semaine" pattern="[0-9]{4}-W[0-9]{2}" value="${escapeHtml(week)}" required></div>
${regionField}`;
}

/**
 * A DSFR table with a visible caption (what the table is), row headers in the first column; its
 * container takes the keyboard focus, so that a table wider than the screen scrolls from the keyboard.
 */
export function captionedTable(id, caption, headers, rows) {
  return `
<div class="fr-table fr-table--sm" id="${id}"><div class="fr-table__wrapper"><div class="fr-table__container" tabindex="0"><div class="fr-table__content">
  <table>
    <caption>${escapeHtml(caption)}</caption>
    <thead><tr>${headers.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
    <tbody>${rows.map((cells) => `<tr>${cells.map((c, i) => (i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`).join('')
      || `<tr><td colspan="${headers.length}">Aucune ligne.</td></tr>`}</tbody>
  </table>
</div></div></div></div>`;
}
