// Accueil: for a pharmacist, what is due this week for each PUI of his establishments (weekly
// declaration, Thursday's State-stock lots, the next order day and its cut-off); for the
// authorities and the supplier, their screens and this week's declarations (accueil-autorites.js);
// for everyone, the instructions in force, national and regional. The calendar comes from the API
// (Paris time).
import { api, establishmentsOf, findOrNull } from './api.js';
import { badge, escapeHtml, pageBody, showError, startPage } from './layout.js';
import { day, instructionsHtml } from './consigne.js';

const TIME = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });

function weeklyStatus(declaration, calendar) {
  if (!declaration) {
    return calendar.today > calendar.weeklyDeclarationDay
      ? badge('error', 'Manquante, en retard') : badge('warning', 'À faire aujourd’hui');
  }
  const late = declaration.late ? ', en retard' : '';
  if (declaration.missingItems.length) {
    return `${badge('warning', `Incomplète${late}`)}<p class="fr-text--sm fr-mb-0">${declaration.missingItems.length} médicament${declaration.missingItems.length > 1 ? 's manquants' : ' manquant'}</p>`;
  }
  return badge('success', `Faite${late}`);
}

function lotStatus(lots, calendar) {
  if (lots) return badge('success', 'Faite');
  if (calendar.today < calendar.lotDeclarationDay) return badge('info', `À faire ${day(calendar.lotDeclarationDay)}`);
  return badge(calendar.today > calendar.lotDeclarationDay ? 'error' : 'warning',
    calendar.today > calendar.lotDeclarationDay ? 'Manquante, en retard' : 'À faire aujourd’hui');
}

async function duePerPui(finessEt, calendar) {
  const [pui, declaration, lots] = await Promise.all([
    api(`/v1/puis/${encodeURIComponent(finessEt)}`).then((r) => r.data),
    findOrNull(`/v1/puis/${encodeURIComponent(finessEt)}/declarations/${calendar.week}`),
    findOrNull(`/v1/puis/${encodeURIComponent(finessEt)}/state-stock/${calendar.lotDeclarationDay}`),
  ]);
  const q = `pui=${encodeURIComponent(finessEt)}`;
  return `<tr>
  <th scope="row">${escapeHtml(pui.name)}<br><span class="fr-text--sm">FINESS ${escapeHtml(finessEt)}</span></th>
  <td>${weeklyStatus(declaration, calendar)}<p class="fr-mb-0"><a class="fr-link fr-text--sm" href="declaration.html?${q}">${declaration ? 'Voir ou corriger' : 'Déclarer'}<span class="fr-sr-only"> la semaine de ${escapeHtml(pui.name)}</span></a></p></td>
  <td>${lotStatus(lots, calendar)}<p class="fr-mb-0"><a class="fr-link fr-text--sm" href="stock-etat.html?${q}">${lots ? 'Voir ou corriger' : 'Déclarer les lots'}<span class="fr-sr-only"> de ${escapeHtml(pui.name)}</span></a></p></td>
</tr>`;
}

async function dueSection(establishments, calendar) {
  const tables = await Promise.all(establishments.map(async (e) => {
    const rows = await Promise.all(e.puis.map((et) => duePerPui(et, calendar)));
    return `
<div class="fr-table fr-mb-4w"><div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
  <table>
    <caption>${escapeHtml(e.name)} (FINESS juridique ${escapeHtml(e.finessEj)})</caption>
    <thead><tr><th scope="col">PUI</th><th scope="col">Déclaration hebdomadaire (lundi)</th><th scope="col">Lots du stock d’État (jeudi)</th></tr></thead>
    <tbody>${rows.join('') || '<tr><td colspan="3">Aucune PUI enregistrée : votre ARS l’ajoute au registre.</td></tr>'}</tbody>
  </table>
</div></div></div></div>`;
  }));
  const cutOff = TIME.format(new Date(calendar.orderCutOff));
  return `
<section aria-labelledby="du-titre" class="fr-mb-6w">
  <h2 id="du-titre">À faire cette semaine</h2>
  <p>Semaine ${escapeHtml(calendar.week.split('-W')[1])} : déclaration hebdomadaire le ${day(calendar.weeklyDeclarationDay)},
     lots du stock d’État le ${day(calendar.lotDeclarationDay)}.</p>
  ${tables.join('')}
  <div class="fr-callout">
    <h3 class="fr-callout__title">Prochaine journée de commande du stock d’État</h3>
    <p class="fr-callout__text">${day(calendar.nextOrderDay)} : commandes reçues jusqu’à ${cutOff} (heure de Paris).</p>
    <a class="fr-btn fr-btn--secondary" href="commandes.html">Préparer une commande</a>
  </div>
</section>`;
}

/** The national instructions and those of `regions`. */
async function instructionsSection(regions) {
  const unique = [...new Set(regions)];
  const lists = await Promise.all((unique.length ? unique : [null]).map((r) => api(`/v1/instructions${r ? `?region=${encodeURIComponent(r)}` : ''}`).then((x) => x.data)));
  const instructions = [...new Map(lists.flat().map((i) => [i.id, i])).values()];
  return instructionsHtml(instructions);
}

async function pharmacistHome(user, calendar) {
  const establishments = await establishmentsOf(user);
  const [due, instructions] = await Promise.all([dueSection(establishments, calendar), instructionsSection(establishments.map((e) => e.region))]);
  return due + instructions;
}

async function authorityHome(user, calendar) {
  const { ownRegion, weekSection, workspaceSection } = await import('./accueil-autorites.js');
  const region = ownRegion(user);
  const [week, instructions] = await Promise.all([weekSection(user, calendar.week), instructionsSection(region ? [region] : [])]);
  return week + workspaceSection(user) + instructions;
}

const session = await startPage('accueil');
if (session) {
  const content = pageBody('Accueil');
  try {
    const calendar = (await api('/v1/state-stock/calendar')).data;
    const home = session.user.roles.includes('PHARMACIST') ? pharmacistHome : authorityHome;
    content.innerHTML = await home(session.user, calendar);
  } catch (error) {
    showError(content, error);
  }
}
