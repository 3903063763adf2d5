// Relances: what each reminder schedule (Monday 08:00 and 14:00 weekly declaration, Thursday lots,
// first-Thursday order day) sent the last time it ran, then every run of the last 8 weeks, newest
// first. National operator only (GET /v1/reminder-runs).
import { api } from './api.js';
import { badge, captionedTable } from './autorites.js';
import { formatInstant, formatNumber } from './format.js';
import { escapeHtml, pageBody, showError, startPage } from './layout.js';

const KINDS = {
  'weekly-declaration': 'Déclaration hebdomadaire (lundi)',
  'state-stock': 'Lots du stock d’État (jeudi)',
  'order-day': 'Journée de commande (premier jeudi du mois)',
};
const WINDOW_DAYS = 56;
const status = (s) => (s === 'SENT' ? badge('success', 'Terminée') : badge('warning', 'En cours d’envoi'));
const figures = (r) => [formatNumber(r.recipients), formatNumber(r.sent), formatNumber(r.failed), formatNumber(r.bounced), formatNumber(r.suppressed)];
const FIGURES = ['Destinataires', 'Envoyés', 'Échecs', 'Non distribués (rebonds)', 'Écartés'];

const session = await startPage('relances');
if (session) {
  const body = pageBody('Relances automatiques');
  try {
    const since = new Date(Date.now() - WINDOW_DAYS * 86_400_000).toISOString().replace(/\.\d+Z$/, 'Z');
    const runs = (await api(`/v1/reminder-runs?since=${encodeURIComponent(since)}`)).data.reverse();
    const last = Object.entries(KINDS).map(([kind, label]) => {
      const r = runs.find((run) => run.kind === kind);
      return r ? [escapeHtml(label), formatInstant(r.scheduledFor), status(r.status), ...figures(r)]
        : [escapeHtml(label), 'aucune depuis 8 semaines', '—', '—', '—', '—', '—', '—'];
    });
    body.innerHTML = `
<p>Les relances partent seules, à heure fixe (heure de Paris), vers les PUI qui n’ont pas encore fait ce qui est attendu.</p>
<p class="fr-text--sm">Échecs : messages que l’envoi n’a pas pu remettre au service de messagerie. Non distribués (rebonds) : messages refusés par la messagerie du destinataire (adresse inconnue, boîte pleine…). Écartés : adresses qui ne reçoivent plus de messages après des rebonds ou une plainte.</p>
${captionedTable('dernieres', 'Dernier envoi de chaque relance', ['Relance', 'Prévue le', 'État', ...FIGURES], last)}
<div class="fr-mt-6w"></div>
${captionedTable('envois', `Tous les envois des 8 dernières semaines (${formatNumber(runs.length)}), des plus récents aux plus anciens`, ['Relance', 'Prévue le', 'Partie le', 'État', ...FIGURES],
    runs.map((r) => [escapeHtml(KINDS[r.kind] ?? r.kind), formatInstant(r.scheduledFor), formatInstant(r.startedAt), status(r.status), ...figures(r)]))}`;
    // cells wrap (DSFR keeps them on one line): the nine columns fit the page, none scrolled out of view
    body.querySelectorAll('.fr-table').forEach((t) => t.classList.add('fr-table--multiline'));
  } catch (error) {
    showError(body, error);
  }
}
