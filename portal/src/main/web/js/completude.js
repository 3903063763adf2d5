// Complétude: who has declared a week, by region, then by département and PUI of a region
// (declared, incomplete, missing, late); the PUIs that have not declared with their contact
// details, and the counts, as CSV or xlsx files of the API, and a campaign to write to them. The week and region are in the address
// (a GET form), so that a view can be reloaded or sent to a colleague.
import { api, downloadFile } from './api.js';
import { badge, captionedTable, regionLabel, regionName, scopeFields, weekAndRegion } from './autorites.js';
import { formatNumber, formatWeek } from './format.js';
import { escapeHtml, pageBody, showError, startPage } from './layout.js';

const COUNTS = ['Attendues', 'Déclarées', 'dont incomplètes', 'dont en retard', 'Manquantes'];
const counts = (r) => [r.expected, r.declared, r.incomplete, r.late, r.missing ?? r.missingCount].map(formatNumber);

function puiStatus(row) {
  const late = row.late ? ', en retard' : '';
  return row.incomplete ? badge('warning', `Incomplète${late}`) : badge('success', `Faite${late}`);
}

/** The counts of the place shown (`c`: expected, declared, incomplete, late, missing, all numbers) as four tiles. */
function summary(c) {
  const share = c.expected ? Math.round((100 * c.declared) / c.expected) : 0;
  return `
<ul class="fr-grid-row fr-grid-row--gutters fr-mb-3w fr-raw-list" id="synthese">
  ${[['Déclarées', `${formatNumber(c.declared)} / ${formatNumber(c.expected)} (${share} %)`], ['Incomplètes', formatNumber(c.incomplete)],
    ['En retard', formatNumber(c.late)], ['Manquantes', formatNumber(c.missing)]].map(([label, value]) => `
  <li class="fr-col-6 fr-col-md-3"><div class="fr-tile fr-tile--sm fr-tile--no-icon"><div class="fr-tile__body"><div class="fr-tile__content">
    <p class="fr-tile__title">${value}</p><p class="fr-tile__detail">${label}</p></div></div></div></li>`).join('')}
</ul>`;
}

// A long list is cut on the page (the files have it whole): a page of 2,000 rows is read by nobody.
const SHOWN = 100;

function missingSection(missing, user, where) {
  const rows = missing.slice(0, SHOWN).map((m) => [escapeHtml(m.name), escapeHtml(m.finessEt), escapeHtml(m.departement),
    m.email ? `<a href="mailto:${escapeHtml(m.email)}">${escapeHtml(m.email)}</a>` : '—', escapeHtml(m.phone ?? '—')]);
  // the campaign reaches the PUIs listed here: those of the département shown, else of the region, else of France
  const title = `PUI n’ayant pas déclaré${where.place ? `, ${escapeHtml(where.place)}` : ''} (${formatNumber(missing.length)})`;
  const audience = { audience: 'NON_DECLARERS', semaine: where.week, ...(where.region ? { region: where.region } : {}),
    ...(where.departement ? { departement: where.departement } : {}) };
  const campaign = user.roles.some((r) => r === 'NATIONAL' || r === 'ARS') && missing.length
    ? `<li><a class="fr-btn fr-btn--secondary" id="ecrire" href="campagnes.html?${new URLSearchParams(audience)}">Écrire aux ${title}</a></li>` : '';
  const cut = missing.length > SHOWN ? `<p id="liste-coupee">Les ${SHOWN} premières sont affichées ; la liste complète est dans les fichiers CSV et xlsx.</p>` : '';
  return `
<h2 class="fr-mt-6w" id="non-declarants-titre">${title}</h2>
<ul class="fr-btns-group fr-btns-group--inline-md">
  <li><button type="button" class="fr-btn fr-btn--secondary" id="csv"${missing.length ? '' : ' disabled'}>Télécharger la liste (CSV)</button></li>
  <li><button type="button" class="fr-btn fr-btn--secondary" id="xlsx"${missing.length ? '' : ' disabled'}>Télécharger la liste (xlsx)</button></li>
  ${campaign}
</ul>${cut}
${captionedTable('non-declarants', `PUI sans déclaration pour la ${formatWeek(where.week)}`, ['PUI', 'FINESS', 'Département', 'Courriel', 'Téléphone'], rows)}`;
}

/** A FINESS number's département: its first two characters, three overseas (97x). */
const departementOf = (finess) => (finess.startsWith('97') ? finess.slice(0, 3) : finess.slice(0, 2));

async function show(container, user, where) {
  const { week, region, departement } = where;
  const query = (by) => api(`/v1/declarations/completeness?${new URLSearchParams({ week, by, ...(region ? { region } : {}) })}`).then((r) => r.data);
  const [main, puis] = await Promise.all([query(region ? 'departement' : 'region'), departement ? query('puis') : null]);
  const link = (r, extra, what) => `<a class="fr-link" href="completude.html?${new URLSearchParams({ semaine: week, ...extra })}">${escapeHtml(r.name)}<span class="fr-sr-only"> : ${what}</span></a>`;
  const groups = region
    ? captionedTable('par-departement', `Par département, ${regionName(region)}`, ['Département', ...COUNTS],
      main.rows.map((r) => [`${link(r, { region, departement: r.key }, 'ses PUI')} (${escapeHtml(r.key)})`, ...counts(r)]))
    : captionedTable('par-region', 'Par région', ['Région', ...COUNTS], main.rows.map((r) => [link(r, { region: r.key }, 'départements'), ...counts(r)]));
  const shown = departement ? main.rows.find((r) => r.key === departement) : null;
  const place = departement ? shown?.name ?? departement : region ? regionLabel(region) : null;
  // those that have not declared are listed once, below, with their contact details
  const byPui = puis
    ? `<div class="fr-mt-6w"></div>${captionedTable('par-pui', `PUI ayant déclaré, ${escapeHtml(place)}`, ['PUI', 'FINESS', 'État'],
      puis.rows.filter((r) => departementOf(r.key) === departement && !r.missing).map((r) => [escapeHtml(r.name), escapeHtml(r.key), puiStatus(r)]))}`
    : region ? '<p class="fr-mt-2w">Choisissez un département pour voir chacune de ses PUI.</p>' : '';
  const missing = departement ? main.missing.filter((m) => m.departement === departement) : main.missing;
  container.innerHTML = `
<h2>${escapeHtml(departement ? `${place} (${departement}), ${regionLabel(region)}` : region ? regionName(region) : 'France entière')}, ${escapeHtml(formatWeek(week))}</h2>
${summary(shown ?? { ...main, missing: main.missingCount })}
<ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
  <li><button type="button" class="fr-btn fr-btn--tertiary" id="completude-csv">Télécharger ces chiffres (CSV)</button></li>
  <li><button type="button" class="fr-btn fr-btn--tertiary" id="completude-xlsx">Télécharger ces chiffres (xlsx)</button></li>
</ul>
<div id="erreur-export"></div>
${groups}${byPui}${missingSection(missing, user, { ...where, place })}`;
  const scope = { week, ...(region ? { region } : {}) };
  const name = `${week}${region ? `-${region}` : ''}`;
  const offer = (id, route, query, file) => container.querySelector(`#${id}`)?.addEventListener('click', () =>
    downloadFile(`/v1/exports/${route}?${new URLSearchParams(query)}`, file).catch((error) => showError(container.querySelector('#erreur-export'), error)));
  for (const format of ['csv', 'xlsx']) {
    offer(format, 'non-declarers', { ...scope, ...(departement ? { departement } : {}), format },
      `non-declarants-${name}${departement ? `-${departement}` : ''}.${format}`);
    offer(`completude-${format}`, 'completeness', { ...scope, by: region ? 'departement' : 'region', format }, `completude-${name}.${format}`);
  }
}

const session = await startPage('completude');
if (session) {
  const body = pageBody('Complétude des déclarations');
  try {
    const params = new URLSearchParams(window.location.search);
    const { week, region } = await weekAndRegion(session.user, params);
    const departement = region ? params.get('departement') : null;
    body.innerHTML = `
<form method="get" action="completude.html" class="fr-mb-4w" id="choix">
  <fieldset class="fr-fieldset"><legend class="fr-fieldset__legend">Semaine et territoire</legend>
    <div class="fr-fieldset__element">${scopeFields(session.user, week, region)}</div>
    <div class="fr-fieldset__element"><button type="submit" class="fr-btn">Afficher</button></div>
  </fieldset>
</form>
<div id="resultat" aria-live="polite"><p>Chargement…</p></div>`;
    await show(body.querySelector('#resultat'), session.user, { week, region, departement });
  } catch (error) {
    showError(body.querySelector('#resultat') ?? body, error);
  }
}
