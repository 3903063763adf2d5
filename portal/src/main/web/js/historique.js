// The earlier figures of a week's declaration or of a Thursday's lots, newest first, a page at a
// time (GET …/history?limit=20&cursor=…, "Voir plus" asks for the next page).
import { api } from './api.js';
import { escapeHtml, showError } from './layout.js';
import { formatAuthor, formatInstant } from './format.js';

const PAGE = 20;

/**
 * @param {HTMLElement} container
 * @param {{path: string, earlier: number, linesTable: (lines: object[]) => string}} options
 *   `path` the history route, `earlier` how many earlier versions exist (the current item's
 *   `revisions`), `linesTable` the HTML of one version's lines
 */
export function showHistory(container, { path, earlier, linesTable }) {
  container.innerHTML = `
<h2 id="historique-titre">Historique des corrections</h2>
<p>${earlier === 0 ? 'Aucune correction : les chiffres affichés sont les seuls envoyés.'
    : `${earlier} version${earlier > 1 ? 's' : ''} antérieure${earlier > 1 ? 's' : ''}, ${earlier > 1 ? 'remplacées chacune' : 'remplacée'} par une correction.`}</p>
<ol class="fr-raw-list fr-accordions-group fr-mb-3w" id="historique-versions"></ol>
<div id="historique-erreur"></div>
${earlier === 0 ? '' : '<button type="button" class="fr-btn fr-btn--secondary" id="historique-plus">Afficher les versions antérieures</button>'}`;
  const list = container.querySelector('#historique-versions');
  const more = container.querySelector('#historique-plus');
  let cursor = null;
  let shown = 0; // versions listed so far: their accordions' ids
  more?.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const query = new URLSearchParams({ limit: PAGE });
      if (cursor) query.set('cursor', cursor);
      const { data } = await api(`${path}?${query}`);
      // each version folded (DSFR accordion): its title says when and who, its lines open on demand
      list.insertAdjacentHTML('beforeend', data.revisions.map((r) => {
        shown += 1;
        return `
<li class="fr-accordion">
  <h3 class="fr-accordion__title"><button type="button" class="fr-accordion__btn" aria-expanded="false" aria-controls="version-${shown}">Version du ${escapeHtml(formatInstant(r.declaredAt))}, par ${escapeHtml(formatAuthor(r.declaredBy))}${r.late ? ' (en retard)' : ''}</button></h3>
  <div class="fr-collapse" id="version-${shown}">
    ${linesTable(r.lines, `Chiffres de la version du ${formatInstant(r.declaredAt)}`)}
  </div>
</li>`;
      }).join(''));
      cursor = data.next;
      if (cursor) {
        more.textContent = 'Voir plus';
        more.disabled = false;
      } else {
        more.remove();
      }
    } catch (error) {
      showError(container.querySelector('#historique-erreur'), error);
      more.disabled = false;
    }
  });
}

/**
 * A DSFR table: caption (for screen readers only, unless `captionShown`: a visible heading introduces
 * most of our tables), column headers, rows of trusted HTML cells (`whenEmpty`, a row saying so, when
 * none); with `rowHeaders` the first cell of each row heads it; with `multiline` its cells wrap (DSFR keeps each on
 * one line), for long texts such as lists of codes. Its container takes the keyboard focus, so that a table wider
 * than the screen scrolls from the keyboard.
 */
export function table(caption, headers, rows, { id = '', rowHeaders = false, captionShown = false, whenEmpty = '', multiline = false } = {}) {
  const body = rows.map((cells) => `<tr>${cells.map((c, i) => (rowHeaders && i === 0 ? `<th scope="row">${c}</th>` : `<td>${c}</td>`)).join('')}</tr>`).join('');
  return `
<div class="fr-table fr-table--sm${multiline ? ' fr-table--multiline' : ''}"${id ? ` id="${id}"` : ''}>
  <div class="fr-table__wrapper"><div class="fr-table__container" tabindex="0" role="region" aria-label="${escapeHtml(caption)}"><div class="fr-table__content">
    <table>
      <caption${captionShown ? '' : ' class="fr-sr-only"'}>${escapeHtml(caption)}</caption>
      <thead><tr>${headers.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead>
      <tbody>${body || (whenEmpty && `<tr><td colspan="${headers.length}">${escapeHtml(whenEmpty)}</td></tr>`)}</tbody>
    </table>
  </div></div></div>
</div>`;
}
