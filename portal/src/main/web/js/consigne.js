// The instructions in force as a pharmacist's home page shows them: used by the home page and by
// the authorities' preview, so that the preview is what pharmacists will see.
import { regionLabel } from './autorites.js';
import { frenchDate } from './format.js';
import { escapeHtml } from './layout.js';

const DAY = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "lundi 7 décembre 2026", "mardi 1er décembre 2026" for an ISO date of the API. */
export const day = (iso) => frenchDate(DAY, new Date(`${iso}T00:00:00Z`));

/** The "Consignes en vigueur" section: one callout per instruction, newest first as the API sends them. */
export function instructionsHtml(instructions) {
  const items = instructions.map((i) => `
<div class="fr-callout fr-mb-3w">
  <h3 class="fr-callout__title">${escapeHtml(i.title)}</h3>
  <p class="fr-text--sm fr-mb-1w">${i.region ? `Consigne régionale (${escapeHtml(regionLabel(i.region))})` : 'Consigne nationale'}, depuis le ${day(i.validFrom)}</p>
  <p class="fr-callout__text">${escapeHtml(i.body)}</p>
</div>`);
  return `
<section aria-labelledby="consignes-titre">
  <h2 id="consignes-titre">Consignes en vigueur</h2>
  ${items.join('') || '<p>Aucune consigne en vigueur.</p>'}
</section>`;
}
