// What the authorities' screens share: the regions by INSEE code, the region a screen works on (an
// ARS's or OMEDIT's own; the national operator chooses it, kept in the address as ?region=), the week
// they look at (the API's calendar, Paris time), a register item's audit trail, badges and tables.
import { api } from './api.js';
import { badge as layoutBadge, escapeHtml } from './layout.js';
import { formatAuthor, formatDay, formatInstant, formatWeek } from './format.js';
import { table } from './historique.js';

export const REGIONS = {
  '01': 'Guadeloupe', '02': 'Martinique', '03': 'Guyane', '04': 'La Réunion', '06': 'Mayotte',
  11: 'Île-de-France', 24: 'Centre-Val de Loire', 27: 'Bourgogne-Franche-Comté', 28: 'Normandie',
  32: 'Hauts-de-France', 44: 'Grand Est', 52: 'Pays de la Loire', 53: 'Bretagne', 75: 'Nouvelle-Aquitaine',
  76: 'Occitanie', 84: 'Auvergne-Rhône-Alpes', 93: 'Provence-Alpes-Côte d’Azur', 94: 'Corse',
};

/** 'Auvergne-Rhône-Alpes (84)' */
/** A region's name alone, where brackets follow (a count, a heading's own); its code when unknown. */
export const regionLabel = (code) => REGIONS[code] ?? String(code ?? '');
export const regionName = (code) => (REGIONS[code] ? `${REGIONS[code]} (${code})` : regionLabel(code));

export const isNational = (user) => user.roles.includes('NATIONAL');

/** The region an ARS or OMEDIT account reads (its own), or null for the national operator. */
export const ownRegion = (user) => (isNational(user) ? null : user.region ?? null);

/** The region the screen shows: the account's own, or for the national operator the one in the address (null: none chosen). */
export function workingRegion(user) {
  if (!isNational(user)) return user.region ?? null;
  const asked = new URLSearchParams(window.location.search).get('region');
  return Object.hasOwn(REGIONS, asked ?? '') ? asked : null;
}

/**
 * For the national operator, a form choosing the region (a GET of this page with ?region=); for
 * the others, the region they work on, said.
 */
export function regionChoice(user, region) {
  if (!isNational(user)) return `<p>Région : <strong>${escapeHtml(regionName(region))}</strong></p>`;
  return `
<form class="fr-mb-4w" method="get" id="choix-region">
  ${regionSelect('Région', region, 'name="region" required', 'Choisissez une région')}
  <button class="fr-btn fr-btn--secondary" type="submit">Afficher</button>
</form>`;
}

/** The French of the registers' enumerated values, as the screens show them elsewhere. */
const VALUES = { OPEN: 'ouvert', CLOSED: 'fermé', NATIONAL: 'national', REGIONAL: 'régional' };
/** Coordinates to the metre (6 decimals), so that a small move is not shown as no change. */
const PRECISE = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 6 });
/**
 * A field's value as a reader says it: lists and addresses as comma lists, regions by name, dates and
 * instants in French, numbers with a decimal comma, yes/no; nothing (null, empty) as '—'.
 */
function shown(value, field) {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length ? value.map((v) => shown(v, field)).join(', ') : '—';
  if (typeof value === 'object') return shown(Object.values(value).filter((v) => v !== null && v !== ''), field);
  if (typeof value === 'number') return PRECISE.format(value);
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (field === 'region' || field === 'regions') return regionName(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDay(value);
  if (/^\d{4}-\d{2}-\d{2}T/.test(value)) return formatInstant(value);
  return VALUES[value] ?? String(value);
}
const ACTIONS = { CREATE: 'Création', UPDATE: 'Modification', IMPORT: 'Import FINESS' };
const FIELDS = {
  itemId: 'Identifiant', label: 'Libellé', ucds: 'Codes UCD', level: 'Niveau', regions: 'Régions', trackingStart: 'Début du suivi',
  trackingEnd: 'Fin du suivi', name: 'Nom', finessEj: 'FINESS juridique', finessEt: 'FINESS géographique', region: 'Région',
  departement: 'Département', category: 'Catégorie', categoryLabel: 'Libellé de catégorie', status: 'Statut', address: 'Adresse',
  postalCode: 'Code postal', city: 'Commune', email: 'E-mail', phone: 'Téléphone', title: 'Titre', body: 'Texte',
  validFrom: 'Affichée à partir du', validTo: 'Jusqu’au', ipe: 'IPE', cis: 'Codes CIS', latitude: 'Latitude',
  longitude: 'Longitude', line1: 'Adresse', line2: 'Complément d’adresse', id: 'Identifiant',
};

/** An item's audit trail (GET …/audit): when, who, and each field that changed, newest first. */
export function auditTrail(entries, caption) {
  if (!entries.length) return '<p>Aucune modification enregistrée.</p>';
  const rows = [...entries].reverse().map((e) => {
    const before = e.before ?? {};
    const after = e.after ?? {};
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
      .filter((k) => k !== 'version' && shown(before[k], k) !== shown(after[k], k))
      .map((k) => `<li><strong>${escapeHtml(FIELDS[k] ?? k)}</strong> : ${e.before ? `${escapeHtml(shown(before[k], k))} → ` : ''}${escapeHtml(shown(after[k], k))}</li>`);
    return `<tr><td>${escapeHtml(formatInstant(e.at))}</td><td>${escapeHtml(formatAuthor(e.by))}</td><td>${escapeHtml(ACTIONS[e.action] ?? e.action)}</td>
      <td>${fields.length ? `<ul class="fr-mb-0">${fields.join('')}</ul>` : '—'}</td></tr>`;
  });
  return `
<div class="fr-table fr-table--sm"><div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
  <table>
    <caption>${escapeHtml(caption)}</caption>
    <thead><tr><th scope="col">Quand</th><th scope="col">Qui</th><th scope="col">Action</th><th scope="col">Ce qui a changé</th></tr></thead>
    <tbody>${rows.join('')}</tbody>
  </table>
</div></div></div></div>`;
}

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

export const badge = (type, text) => layoutBadge(type, text, { small: true });

/**
 * A select of the regions (id `region`) by name, `none` first (by default "France entière", the
 * empty value); `label` is trusted HTML.
 */
export function regionSelect(label, selected, attributes, none = 'France entière') {
  const options = Object.keys(REGIONS).sort((a, b) => REGIONS[a].localeCompare(REGIONS[b], 'fr'))
    .map((c) => `<option value="${c}"${c === selected ? ' selected' : ''}>${escapeHtml(REGIONS[c])}</option>`).join('');
  return `<div class="fr-select-group"><label class="fr-label" for="region">${label}</label>
  <select class="fr-select" id="region" ${attributes}><option value="">${escapeHtml(none)}</option>${options}</select></div>`;
}

/**
 * The hint of a week field (the address's and the API's form, 2026-W47): the field's own week as the
 * users say it, or an example.
 */
export function weekHint(week) {
  const example = /^[0-9]{4}-W[0-9]{2}$/.test(week ?? '') ? week : '2026-W47';
  return `Année, W et numéro de semaine : ${example} pour la ${formatWeek(example)}`;
}

/** A week input with its hint (ISO week: what the API takes), and a region select for the national operator. */
export function scopeFields(user, week, region) {
  const own = ownRegion(user);
  const regionField = own
    ? `<p class="fr-mb-2w">Région : <strong>${escapeHtml(regionName(own))}</strong></p>`
    : regionSelect('Région', region, 'name="region"');
  return `
<div class="fr-input-group"><label class="fr-label" for="semaine">Semaine <span class="fr-hint-text">${escapeHtml(weekHint(week))}</span></label>
  <input class="fr-input" id="semaine" name="semaine" pattern="[0-9]{4}-W[0-9]{2}" value="${escapeHtml(week)}" required></div>
${regionField}`;
}

/**
 * A DSFR table with a visible caption (what the table is), row headers in the first column; its
 * container takes the keyboard focus, so that a table wider than the screen scrolls from the keyboard.
 */
export const captionedTable = (id, caption, headers, rows, { multiline = false } = {}) => table(caption, headers, rows,
  { id, rowHeaders: true, captionShown: true, whenEmpty: 'Aucune ligne.', multiline });
