// What the authorities' screens share: the regions by INSEE code, the region a screen works on (an
// ARS's or OMEDIT's own; the national operator chooses it, kept in the address as ?region=), and a
// register item's audit trail.
import { escapeHtml } from './layout.js';
import { formatInstant } from './format.js';

export const REGIONS = {
  '01': 'Guadeloupe', '02': 'Martinique', '03': 'Guyane', '04': 'La Réunion', '06': 'Mayotte',
  11: 'Île-de-France', 24: 'Centre-Val de Loire', 27: 'Bourgogne-Franche-Comté', 28: 'Normandie',
  32: 'Hauts-de-France', 44: 'Grand Est', 52: 'Pays de la Loire', 53: 'Bretagne', 75: 'Nouvelle-Aquitaine',
  76: 'Occitanie', 84: 'Auvergne-Rhône-Alpes', 93: 'Provence-Alpes-Côte d’Azur', 94: 'Corse',
};

/** 'Auvergne-Rhône-Alpes (84)' */
export const regionName = (code) => (REGIONS[code] ? `${REGIONS[code]} (${code})` : String(code ?? ''));

export const isNational = (user) => user.roles.includes('NATIONAL');

/** The region the screen shows: the account's own, or for the national operator the one in the address (null: none chosen). */
export function workingRegion(user) {
  if (!isNational(user)) return user.region ?? null;
  const asked = new URLSearchParams(window.location.search).get('region');
  return asked in REGIONS ? asked : null;
}

/**
 * For the national operator, a form choosing the region (a GET of this page with ?region=); for
 * the others, the region they work on, said.
 */
export function regionChoice(user, region) {
  if (!isNational(user)) return `<p>Région : <strong>${escapeHtml(regionName(region))}</strong></p>`;
  const options = Object.keys(REGIONS).sort()
    .map((code) => `<option value="${code}"${code === region ? ' selected' : ''}>${escapeHtml(regionName(code))}</option>`).join('');
  return `
<form class="fr-mb-4w" method="get" id="choix-region">
  <div class="fr-select-group">
    <label class="fr-label" for="region">Région</label>
    <select class="fr-select" id="region" name="region"><option value="" disabled${region ? '' : ' selected'}>Choisissez une région</option>${options}</select>
  </div>
  <button class="fr-btn fr-btn--secondary" type="submit">Afficher</button>
</form>`;
}

const shown = (value) => (value === null || value === undefined ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value));
const ACTIONS = { CREATE: 'Création', UPDATE: 'Modification', IMPORT: 'Import FINESS' };
const FIELDS = {
  itemId: 'Identifiant', label: 'Libellé', ucds: 'Codes UCD', level: 'Niveau', regions: 'Régions', trackingStart: 'Début du suivi',
  trackingEnd: 'Fin du suivi', name: 'Nom', finessEj: 'FINESS juridique', finessEt: 'FINESS géographique', region: 'Région',
  departement: 'Département', category: 'Catégorie', categoryLabel: 'Libellé de catégorie', status: 'Statut', address: 'Adresse',
  postalCode: 'Code postal', city: 'Commune', email: 'E-mail', phone: 'Téléphone', title: 'Titre', body: 'Texte',
  validFrom: 'Affichée à partir du', validTo: 'Jusqu’au', ipe: 'IPE',
};

/** An item's audit trail (GET …/audit): when, who, and each field that changed, newest first. */
export function auditTrail(entries, caption) {
  if (!entries.length) return '<p>Aucune modification enregistrée.</p>';
  const rows = [...entries].reverse().map((e) => {
    const before = e.before ?? {};
    const after = e.after ?? {};
    const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])]
      .filter((k) => k !== 'version' && shown(before[k]) !== shown(after[k]))
      .map((k) => `<li><strong>${escapeHtml(FIELDS[k] ?? k)}</strong> : ${e.before ? `${escapeHtml(shown(before[k]))} → ` : ''}${escapeHtml(shown(after[k]))}</li>`);
    return `<tr><td>${escapeHtml(formatInstant(e.at))}</td><td>${escapeHtml(e.by)}</td><td>${escapeHtml(ACTIONS[e.action] ?? e.action)}</td>
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
