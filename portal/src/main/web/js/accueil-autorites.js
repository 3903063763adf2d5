// The home page of the authorities and the State stock's supplier: their screens, each with what it
// is for, and for those who follow declarations (ARS, OMEDIT, national) where this week stands in
// their territory, from the completeness the Complétude screen details. Loaded only for them, so
// that a pharmacist's home page does not carry it.
import { api } from './api.js';
import { ownRegion, regionName } from './autorites.js';
import { formatNumber } from './format.js';
import { escapeHtml, workspaceOf } from './layout.js';
import { detailInFrench } from './messages.js';

export { ownRegion };

const FOLLOWS_DECLARATIONS = ['NATIONAL', 'ARS', 'OMEDIT'];

/** One tile per screen the account may open, its title a link and a line saying what it is for. */
export function workspaceSection(user) {
  const tiles = workspaceOf(user).map((page) => `
  <li class="fr-col-12 fr-col-md-6 fr-col-lg-4">
    <div class="fr-tile fr-tile--sm fr-tile--no-icon fr-enlarge-link" id="tuile-${page.id}">
      <div class="fr-tile__body"><div class="fr-tile__content">
        <h3 class="fr-tile__title"><a href="${page.href}">${escapeHtml(page.label)}</a></h3>
        <p class="fr-tile__desc">${escapeHtml(page.purpose)}</p>
      </div></div>
    </div>
  </li>`);
  return `
<section aria-labelledby="espace-titre" class="fr-mb-6w">
  <h2 id="espace-titre">Votre espace</h2>
  <ul class="fr-grid-row fr-grid-row--gutters fr-raw-list">${tiles.join('')}</ul>
</section>`;
}

/** This week's declarations in the account's territory (its region, or France), in one sentence and a link; '' for the supplier. */
export async function weekSection(user, week) {
  if (!user.roles.some((r) => FOLLOWS_DECLARATIONS.includes(r))) return '';
  const region = ownRegion(user);
  const where = region ? regionName(region) : 'France entière';
  const title = `Déclarations de la semaine ${escapeHtml(week.split('-W')[1])}`;
  let c;
  try {
    c = (await api(`/v1/declarations/completeness?${new URLSearchParams({ week, by: region ? 'departement' : 'region', ...(region ? { region } : {}) })}`)).data;
  } catch (error) {
    // the rest of the home page (the tiles, the instructions) stays: only the week's figures are missing
    const why = detailInFrench(error.problem?.detail);
    return `
<section aria-labelledby="semaine-titre" class="fr-mb-6w">
  <div class="fr-alert fr-alert--warning" id="semaine-en-cours">
    <h2 class="fr-alert__title" id="semaine-titre">${title} : chiffres indisponibles</h2>
    <p>${escapeHtml(error.message)}${why ? ` ${escapeHtml(why)}` : ''}</p>
  </div>
</section>`;
  }
  const share = c.expected ? Math.round((100 * c.declared) / c.expected) : 0;
  return `
<section aria-labelledby="semaine-titre" class="fr-mb-6w">
  <div class="fr-callout" id="semaine-en-cours">
    <h2 class="fr-callout__title" id="semaine-titre">${title}, ${escapeHtml(where)}</h2>
    <p class="fr-callout__text">${formatNumber(c.declared)} PUI sur ${formatNumber(c.expected)} ${c.declared > 1 ? 'ont' : 'a'} déclaré (${share} %),
      dont ${formatNumber(c.incomplete)} incomplète${c.incomplete > 1 ? 's' : ''} et ${formatNumber(c.late)} en retard ;
      ${formatNumber(c.missingCount)} ${c.missingCount > 1 ? 'n’ont' : 'n’a'} pas encore déclaré.</p>
    <a class="fr-btn fr-btn--secondary" href="completude.html?${new URLSearchParams({ semaine: week })}">Voir la complétude</a>
  </div>
</section>`;
}
