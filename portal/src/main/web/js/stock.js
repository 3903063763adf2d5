// Situation des stocks: for a tracked item and a week, the stock, the consumption and the days of
// coverage of France, a region, its départements and its PUIs, the PUIs at zero stock and the
// 8-week trend; a map of France (regions, or the départements of a region; overseas regions as
// insets) shaded by coverage or by completeness, with its legend and the same figures as a table.
// The map's geometry is carte-france.js, drawn at build time (build/make-map.mjs): nothing is
// fetched but the API's figures. performance marks 'carte-dessinee' when the map is drawn.
import { api, downloadFile } from './api.js';
import { badge, captionedTable, regionName, scopeFields, weekAndRegion } from './autorites.js';
import { CARTE } from './carte-france.js';
import { helpSection } from './entraide.js';
import { formatNumber, formatWeek, mondayOf } from './format.js';
import { escapeHtml, pageBody, showError, startPage } from './layout.js';

const NO_DATA = '#e5e5e5';
// a figure no PUI declared: the API answers null (a missing line is not a zero), said as such
const NOT_DECLARED = 'non déclaré';
const SHORTEST = 20; // PUIs listed by shortest coverage: the ones to call
const SHADINGS = {
  couverture: {
    title: 'Couverture en jours',
    // a class holds its lower limit, not its upper one (v < limit): coverage has a decimal, so 'de 7 à moins de 14'
    classes: [[7, '#ce0500', 'moins de 7 jours'], [14, '#fc8d59', 'de 7 à moins de 14 jours'], [28, '#fee08b', 'de 14 à moins de 28 jours'],
      [56, '#91cf60', 'de 28 à moins de 56 jours'], [Infinity, '#1a9850', '56 jours et plus']],
    value: (key, data) => data.overview.rows.find((r) => r.key === key)?.coverageDays ?? null,
    text: (v, key, data) => (v !== null ? `${formatNumber(v)} jours`
      : data.overview.rows.some((r) => r.key === key) ? 'pas de consommation déclarée' : NOT_DECLARED),
  },
  completude: {
    title: 'Part des PUI ayant déclaré',
    // whole percentages, rounded down: 74,9 % is 74 %
    classes: [[50, '#ce0500', 'moins de 50 %'], [75, '#fc8d59', '50 à 74 %'], [90, '#fee08b', '75 à 89 %'],
      [100, '#91cf60', '90 à 99 %'], [Infinity, '#1a9850', '100 %']],
    value: (key, data) => {
      const row = data.completeness.rows.find((r) => r.key === key);
      return row?.expected ? Math.floor((100 * row.declared) / row.expected) : null;
    },
    text: (v) => (v === null ? 'aucune PUI' : `${v} % des PUI`),
  },
};
const colour = (shading, v) => (v === null ? NO_DATA : shading.classes.find(([limit]) => v < limit)[1]);
const figure = (n) => (n === null ? NOT_DECLARED : formatNumber(n));
const coverage = (t) => (t.coverageDays === null ? (t.pusDeclared ? 'sans consommation' : NOT_DECLARED) : `${formatNumber(t.coverageDays)} j`);
/** PUIs at zero stock among those that declared: none declared, none counted. */
const zeroStocks = (t) => (t.pusDeclared ? formatNumber(t.pusZeroStock) : NOT_DECLARED);

/** The map: the regions of France, or the départements of `region`, each shaded and titled. */
function map(data, shading, region, week) {
  const k = CARTE.scale;
  const [, , width, height] = CARTE.viewBox.split(' ').map(Number);
  const areas = region ? CARTE.departements.filter((d) => d[1] === region).map(([code, , name, d]) => [code, name, d])
    : CARTE.regions;
  const paths = areas.map(([code, name, d]) => {
    const v = shading.value(code, data);
    const link = region ? '' : ` data-region="${code}"`;
    return `<path d="${d}" fill="${colour(shading, v)}" stroke="#fff" stroke-width="${k}"${link}><title>${escapeHtml(name)} : ${escapeHtml(shading.text(v, code, data))}</title></path>`;
  }).join('');
  const insets = region ? '' : CARTE.insets.map(({ name, frame: [x, y, w, h] }) => `
<rect x="${x * k}" y="${y * k}" width="${w * k}" height="${h * k}" fill="none" stroke="#929292" stroke-width="${k}"/>
<text x="${(x + 4) * k}" y="${(y + 12) * k}" font-size="${10 * k}" fill="#3a3a3a">${escapeHtml(name)}</text>`).join('');
  const where = region ? `départements de ${regionName(region)}` : 'régions de France, outre-mer en encadré';
  return `
<svg id="carte" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width * k} ${height * k}" role="img" aria-labelledby="carte-titre" class="fr-responsive-img">
  <title id="carte-titre">Carte : ${escapeHtml(shading.title.toLowerCase())} par ${where}, ${escapeHtml(formatWeek(week))} (détail dans le tableau)</title>
  <g id="zones">${paths}</g>${insets}
</svg>
<ul class="fr-raw-list fr-mt-2w" id="legende" aria-label="Légende : ${escapeHtml(shading.title)}">
  ${[...shading.classes.map(([, c, label]) => [c, label]), [NO_DATA, 'pas de donnée']].map(([c, label]) =>
    `<li class="fr-text--sm fr-mb-1v"><svg width="16" height="12" aria-hidden="true" focusable="false"><rect width="16" height="12" fill="${c}" stroke="#929292"/></svg> ${escapeHtml(label)}</li>`).join('')}
</ul>`;
}

/**
 * The 8 weeks' coverage as a line chart as wide as its column, with the same figures in a table: x in
 * percent of the width, so that its labels keep their size (14 px) whatever the screen; a week no PUI
 * declared leaves a gap in the line.
 */
function trend(points) {
  const table = captionedTable('tendance-tableau', 'Tendance sur 8 semaines', ['Semaine', 'Stock', 'Consommation / jour', 'Couverture', 'PUI déclarantes', 'PUI à stock nul'],
    points.map((p) => [escapeHtml(formatWeek(p.week)), figure(p.totalStock), figure(p.averageDailyConsumption), coverage(p), formatNumber(p.pusDeclared), zeroStocks(p)]));
  if (points.every((p) => p.coverageDays === null)) {
    return `<p id="tendance-lacunes">Rien à tracer : aucune couverture ces ${points.length} semaines (aucune PUI n’a déclaré, ou aucune consommation n’a été déclarée).</p>${table}`;
  }
  const top = Math.max(1, ...points.map((p) => p.coverageDays).filter((v) => v !== null));
  const x = (i) => `${(8 + (i * 86) / (points.length - 1)).toFixed(2)}%`;
  const y = (v) => (30 + 150 - (v * 150) / top).toFixed(1);
  const segments = points.slice(1).map((p, i) => (p.coverageDays === null || points[i].coverageDays === null ? ''
    : `<line x1="${x(i)}" y1="${y(points[i].coverageDays)}" x2="${x(i + 1)}" y2="${y(p.coverageDays)}" stroke="#000091" stroke-width="2"/>`)).join('');
  return `
<svg width="100%" height="230" role="img" aria-labelledby="tendance-titre" id="tendance">
  <title id="tendance-titre">Couverture en jours, ${points.length} dernières semaines : de ${escapeHtml(coverage(points[0]))} à ${escapeHtml(coverage(points[points.length - 1]))}</title>
  <text x="0" y="16" font-size="14" fill="#3a3a3a">${formatNumber(Math.round(top))} j</text>
  <text x="0" y="184" font-size="14" fill="#3a3a3a">0 j</text>
  <line x1="7%" y1="180" x2="95%" y2="180" stroke="#929292"/>
  ${segments}
  ${points.map((p, i) => (p.coverageDays === null ? '' : `<circle cx="${x(i)}" cy="${y(p.coverageDays)}" r="4" fill="#000091"/>`)).join('')}
  ${points.map((p, i) => `<text x="${x(i)}" y="204" font-size="14" text-anchor="middle" fill="#3a3a3a">${Number(p.week.slice(6))}</text>`).join('')}
  <text x="51%" y="226" font-size="14" text-anchor="middle" fill="#3a3a3a">numéro de semaine</text>
</svg>
${points.some((p) => p.coverageDays === null) ? '<p class="fr-text--sm" id="tendance-lacunes">Une semaine sans point : aucune PUI n’a déclaré, ou aucune consommation n’a été déclarée (voir le tableau).</p>' : ''}
${table}`;
}

function totals(o) {
  return `
<ul class="fr-grid-row fr-grid-row--gutters fr-mb-3w fr-raw-list" id="totaux">
  ${[['Couverture', coverage(o)], ['Stock total', figure(o.totalStock)], ['Consommation / jour', figure(o.averageDailyConsumption)],
    ['PUI déclarantes', formatNumber(o.pusDeclared)], ['PUI à stock nul', zeroStocks(o)]].map(([label, value]) => `
  <li class="fr-col-6 fr-col-md"><div class="fr-tile fr-tile--sm fr-tile--no-icon"><div class="fr-tile__body"><div class="fr-tile__content">
    <p class="fr-tile__title">${value}</p><p class="fr-tile__detail">${label}</p></div></div></div></li>`).join('')}
</ul>`;
}

/** `params`: the page's address ({medicament, semaine, carte, region?}), kept in its links. */
async function show(container, params) {
  const { medicament: itemId, semaine: week, region, carte: shading } = params;
  const scope = region ? { region } : {};
  const by = region ? 'departement' : 'region';
  const get = (path, q) => api(`${path}?${new URLSearchParams({ ...q, ...scope })}`).then((r) => r.data);
  const [overview, completeness, puis] = await Promise.all([
    get('/v1/stock/overview', { itemId, week, by }),
    get('/v1/declarations/completeness', { week, by }),
    region ? get('/v1/stock/overview', { itemId, week, by: 'puis' }) : null,
  ]);
  const data = { overview, completeness };
  const s = SHADINGS[shading];
  const areaRows = completeness.rows.map((c) => {
    // an area where no PUI declared the item has no row: nothing declared, not a zero stock
    const o = overview.rows.find((r) => r.key === c.key) ?? { coverageDays: null, pusDeclared: 0, pusZeroStock: 0, totalStock: null };
    const name = region ? `${escapeHtml(c.name)} (${escapeHtml(c.key)})`
      : `<a class="fr-link" href="stock.html?${new URLSearchParams({ ...params, region: c.key })}">${escapeHtml(c.name)}<span class="fr-sr-only"> : départements</span></a>`;
    return [name, coverage(o), figure(o.totalStock), zeroStocks(o), `${formatNumber(c.declared)} / ${formatNumber(c.expected)}`];
  });
  const zero = puis ? puis.rows.filter((r) => r.totalStock === 0) : [];
  // the areas' table goes below the map, not beside it: five columns in half a screen scroll sideways
  container.innerHTML = `
<h2>${escapeHtml(overview.label)} — ${region ? escapeHtml(regionName(region)) : 'France entière'}, ${escapeHtml(formatWeek(week))}</h2>
${totals(overview)}
<ul class="fr-btns-group fr-btns-group--inline-md fr-btns-group--sm">
  <li><button type="button" class="fr-btn fr-btn--tertiary" id="stock-csv">Télécharger ces chiffres (CSV)</button></li>
  <li><button type="button" class="fr-btn fr-btn--tertiary" id="stock-xlsx">Télécharger ces chiffres et la tendance (xlsx)</button></li>
</ul>
<div id="erreur-export"></div>
<div class="fr-grid-row fr-grid-row--gutters">
  <div class="fr-col-12 fr-col-lg-8"><h3>${escapeHtml(s.title)}</h3>${map(data, s, region, week)}</div>
  <div class="fr-col-12">
  ${captionedTable('tableau-carte', `${region ? 'Par département' : 'Par région'} : couverture et déclarations`,
    [region ? 'Département' : 'Région', 'Couverture', 'Stock', 'PUI à stock nul', 'PUI ayant déclaré'], areaRows)}</div>
</div>
<h3 class="fr-mt-4w">Tendance</h3>${trend(overview.trend)}
${puis ? `<div class="fr-mt-4w"></div>
${captionedTable('stock-nul', `PUI ayant déclaré un stock nul (${formatNumber(zero.length)})`, ['PUI', 'FINESS', 'Consommation / jour'], zero.map((r) => [escapeHtml(r.name), escapeHtml(r.key), formatNumber(r.averageDailyConsumption)]))}
<div class="fr-mt-4w"></div>
${captionedTable('par-pui', `Couverture des PUI ayant déclaré, de la plus courte à la plus longue (${SHORTEST} au plus)`, ['PUI', 'FINESS', 'Stock', 'Consommation / jour', 'Couverture'],
    [...puis.rows].sort((a, b) => (a.coverageDays ?? Infinity) - (b.coverageDays ?? Infinity)).slice(0, SHORTEST).map((r) => [escapeHtml(r.name), escapeHtml(r.key),
      r.totalStock === 0 ? badge('error', '0') : formatNumber(r.totalStock), formatNumber(r.averageDailyConsumption), coverage(r)]))}` : ''}
<div id="entraide"></div>`;
  // the figures by PUI within a region (by région or département for the nation), as files of the API
  for (const format of ['csv', 'xlsx']) {
    container.querySelector(`#stock-${format}`).addEventListener('click', () => downloadFile(
      `/v1/exports/stock?${new URLSearchParams({ itemId, week, by: region ? 'puis' : by, ...scope, format })}`,
      `stock-${itemId}-${week}${region ? `-${region}` : ''}.${format}`).catch((error) => showError(container.querySelector('#erreur-export'), error)));
  }
  // a region of the national map opens its départements
  container.querySelectorAll('#carte [data-region]').forEach((path) => path.addEventListener('click', () => {
    window.location.href = `stock.html?${new URLSearchParams({ ...params, region: path.dataset.region })}`;
  }));
  if (region) {
    const box = container.querySelector('#zones').getBBox();
    const margin = 10 * CARTE.scale;
    container.querySelector('#carte').setAttribute('viewBox',
      `${box.x - margin} ${box.y - margin} ${box.width + 2 * margin} ${box.height + 2 * margin}`);
  }
  performance.mark('carte-dessinee');
  await helpSection(container.querySelector('#entraide'), { itemId, week, region,
    names: new Map((puis?.rows ?? []).map((r) => [r.key, r.name])) });
}

const session = await startPage('stock');
if (session) {
  const body = pageBody('Situation des stocks');
  const q = new URLSearchParams(window.location.search);
  try {
    const { week, region } = await weekAndRegion(session.user, q);
    const medicines = (await api(`/v1/medicines?${new URLSearchParams({ activeOn: mondayOf(week), ...(region ? { region } : {}) })}`)).data;
    const itemId = q.get('medicament') || medicines[0]?.itemId;
    const shading = q.get('carte') === 'completude' ? 'completude' : 'couverture';
    body.innerHTML = `
<form method="get" action="stock.html" class="fr-mb-4w" id="choix">
  <fieldset class="fr-fieldset"><legend class="fr-fieldset__legend">Médicament, semaine et territoire</legend>
    <div class="fr-fieldset__element"><div class="fr-select-group"><label class="fr-label" for="medicament">Médicament suivi</label>
      <select class="fr-select" id="medicament" name="medicament">${medicines.map((m) =>
        `<option value="${escapeHtml(m.itemId)}"${m.itemId === itemId ? ' selected' : ''}>${escapeHtml(m.label)}</option>`).join('')}</select></div></div>
    <div class="fr-fieldset__element">${scopeFields(session.user, week, region)}</div>
    <div class="fr-fieldset__element"><fieldset class="fr-fieldset" id="carte-choix"><legend class="fr-fieldset__legend--regular fr-fieldset__legend">Colorer la carte selon</legend>
      ${Object.entries(SHADINGS).map(([id, s]) => `<div class="fr-fieldset__element fr-fieldset__element--inline"><div class="fr-radio-group">
        <input type="radio" id="carte-${id}" name="carte" value="${id}"${id === shading ? ' checked' : ''}><label class="fr-label" for="carte-${id}">${escapeHtml(s.title)}</label></div></div>`).join('')}
    </fieldset></div>
    <div class="fr-fieldset__element"><button type="submit" class="fr-btn">Afficher</button></div>
  </fieldset>
</form>
<div id="resultat" aria-live="polite"><p>Chargement…</p></div>`;
    if (!itemId) {
      body.querySelector('#resultat').innerHTML = '<p>Aucun médicament n’est suivi cette semaine.</p>';
    } else {
      await show(body.querySelector('#resultat'), { medicament: itemId, semaine: week, carte: shading, ...(region ? { region } : {}) });
    }
  } catch (error) {
    showError(body.querySelector('#resultat') ?? body, error);
  }
}
