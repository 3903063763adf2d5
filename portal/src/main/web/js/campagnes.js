// Campagnes: the national operator writes to everyone, to a region or to the PUIs that have not
// declared a week (an ARS, to its region only). The campaign is prepared first (the API fixes its
// recipients and says how many), then sent; a progress bar follows the sending (sent, failed,
// bounced, suppressed) until it is done. The latest campaigns are listed below.
// Opened from Complétude with ?audience=NON_DECLARERS&semaine=…&region=…[&departement=…], the form is filled for it.
import { api } from './api.js';
import { badge, captionedTable, currentWeek, ownRegion, regionName, regionSelect } from './autorites.js';
import { counted, formatInstant, formatNumber, formatWeek } from './format.js';
import { clearMessages, showFailure, showSummary } from './forms.js';
import { escapeHtml, pageBody, showError, startPage } from './layout.js';

const POLL_MS = 1000;
const STATUS = { PREPARING: ['info', 'En préparation'], DRAFT: ['info', 'Prête à envoyer'], SENDING: ['warning', 'En cours d’envoi'], SENT: ['success', 'Envoyée'] };
const AUDIENCE = { ALL: 'Tous les utilisateurs', REGION: 'Une région', NON_DECLARERS: 'Les PUI n’ayant pas déclaré une semaine' };

// The HTML preview shows only harmless markup: what a mail client would render, without scripts,
// styles, frames or event handlers, and links to web or mail addresses only.
const TAGS = new Set(['P', 'BR', 'STRONG', 'B', 'EM', 'I', 'U', 'UL', 'OL', 'LI', 'A', 'H1', 'H2', 'H3', 'H4', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'SPAN', 'DIV', 'BLOCKQUOTE']);
function sanitized(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const clean = (node) => [...node.children].forEach((el) => {
    if (!TAGS.has(el.tagName)) {
      el.replaceWith(...(['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT'].includes(el.tagName) ? [] : [document.createTextNode(el.textContent)]));
      return;
    }
    [...el.attributes].forEach((a) => {
      if (!(el.tagName === 'A' && a.name === 'href' && /^(https?:|mailto:)/i.test(a.value))) el.removeAttribute(a.name);
    });
    clean(el);
  });
  clean(doc.body);
  // headings of the mail sit below the page's own
  doc.body.querySelectorAll('h1, h2, h3, h4').forEach((h) => {
    const p = document.createElement('p');
    p.innerHTML = `<strong>${h.innerHTML}</strong>`;
    h.replaceWith(p);
  });
  return doc.body.innerHTML;
}

function form(user, prefill) {
  const own = ownRegion(user);
  const audiences = Object.entries(AUDIENCE).filter(([type]) => !own || type !== 'ALL');
  const audience = prefill.audience && AUDIENCE[prefill.audience] ? prefill.audience : audiences[0][0];
  const region = own ? `<p class="fr-text--sm">Destinataires de la région ${escapeHtml(regionName(own))} uniquement.</p>`
    : regionSelect('Région <span class="fr-hint-text">Pour « une région », ou pour limiter les non-déclarants à une région</span>',
      prefill.region, 'data-pointer="/audience/region"');
  return `
<form id="redaction" novalidate>
  <div class="fr-input-group"><label class="fr-label" for="objet">Objet</label>
    <input class="fr-input" id="objet" maxlength="200" required data-pointer="/subject"></div>
  <div class="fr-input-group"><label class="fr-label" for="texte">Texte <span class="fr-hint-text">Le message en texte simple, lu par toutes les messageries</span></label>
    <textarea class="fr-input" id="texte" rows="6" required data-pointer="/bodyText"></textarea></div>
  <div class="fr-input-group"><label class="fr-label" for="html">Version HTML (facultative) <span class="fr-hint-text">Paragraphes, listes, liens, gras et italique ; le reste est retiré de l’aperçu</span></label>
    <textarea class="fr-input" id="html" rows="4" data-pointer="/bodyHtml"></textarea></div>
  <button type="button" class="fr-btn fr-btn--tertiary fr-mb-3w" id="apercu-bouton">Aperçu de la version HTML</button>
  <div id="apercu" class="fr-callout fr-mb-3w" hidden aria-live="polite"></div>
  <fieldset class="fr-fieldset" id="audience" aria-labelledby="audience-legende">
    <legend class="fr-fieldset__legend" id="audience-legende">Destinataires</legend>
    ${audiences.map(([type, label]) => `<div class="fr-fieldset__element"><div class="fr-radio-group">
      <input type="radio" id="audience-${type}" name="audience" value="${type}" data-pointer="/audience/type"${type === audience ? ' checked' : ''}>
      <label class="fr-label" for="audience-${type}">${escapeHtml(label)}</label></div></div>`).join('')}
  </fieldset>
  ${region}
  <div class="fr-input-group"><label class="fr-label" for="semaine">Semaine <span class="fr-hint-text">Pour les non-déclarants : semaine ISO, par exemple 2026-W49</span></label>
    <input class="fr-input" id="semaine" pattern="[0-9]{4}-W[0-9]{2}" value="${escapeHtml(prefill.semaine)}" data-pointer="/audience/week"></div>
  <div class="fr-input-group"><label class="fr-label" for="departement">Département (facultatif) <span class="fr-hint-text">Pour limiter les non-déclarants à un département de la région, par exemple 69</span></label>
    <input class="fr-input" id="departement" maxlength="3" value="${escapeHtml(prefill.departement ?? '')}" data-pointer="/audience/departement"></div>
  <button type="submit" class="fr-btn" id="preparer">Préparer l’envoi</button>
</form>
<div id="envoi" class="fr-mt-4w"></div>`;
}

function progress(c) {
  const done = c.sent + c.failed;
  return `
<h2 id="progression-titre">Envoi : ${escapeHtml(c.subject)}</h2>
${badge(...STATUS[c.status])}
<p class="fr-mt-2w"><label for="progression">${counted(done, 'message traité', 'messages traités')} sur ${counted(c.recipients, 'destinataire', 'destinataires')}</label></p>
<progress id="progression" max="${Math.max(1, c.recipients)}" value="${done}"></progress>
<p id="compteurs" role="status">Envoyés : ${formatNumber(c.sent)} · en échec : ${formatNumber(c.failed)} · non distribués (rebonds) : ${formatNumber(c.bounced)} · écartés (adresses bloquées) : ${formatNumber(c.suppressed)}</p>`;
}

/** Whom a campaign writes to, as HTML. */
const audienceOf = (c) => `${escapeHtml(AUDIENCE[c.audience] ?? c.audience)}${c.region ? ` — ${escapeHtml(regionName(c.region))}` : ''}${c.departement ? ` — département ${escapeHtml(c.departement)}` : ''}${c.week ? ` — ${escapeHtml(formatWeek(c.week))}` : ''}`;

/** Follows a campaign being sent until it is done, then refreshes the list. */
async function follow(box, campaignId, onDone) {
  const c = (await api(`/v1/campaigns/${encodeURIComponent(campaignId)}`)).data;
  box.innerHTML = progress(c);
  box.querySelector('#progression').style.width = '100%'; // the CSP allows no style attribute: the CSSOM then
  if (c.status === 'SENT') onDone();
  else setTimeout(() => follow(box, campaignId, onDone).catch((e) => showError(box, e)), POLL_MS);
}

async function list(container) {
  const campaigns = (await api('/v1/campaigns?limit=20')).data;
  container.innerHTML = `<div class="fr-mt-6w"></div>${captionedTable('campagnes', 'Les 20 dernières campagnes, des plus récentes aux plus anciennes',
    ['Objet', 'Créée', 'Destinataires', 'État', 'Envoyés', 'Échecs', 'Non distribués (rebonds)', 'Écartés'],
    campaigns.map((c) => [escapeHtml(c.subject), `${formatInstant(c.createdAt)}<br><span class="fr-text--sm">${audienceOf(c)}</span>`, formatNumber(c.recipients),
      badge(...STATUS[c.status]), formatNumber(c.sent), formatNumber(c.failed), formatNumber(c.bounced), formatNumber(c.suppressed)]), { multiline: true })}`;
}

function wire(body, user) {
  const f = body.querySelector('#redaction');
  const sending = body.querySelector('#envoi');
  const history = body.querySelector('#historique');
  const refresh = () => list(history).catch((e) => showError(history, e));
  f.querySelector('#apercu-bouton').addEventListener('click', () => {
    const preview = f.querySelector('#apercu');
    preview.hidden = false;
    const html = f.querySelector('#html').value.trim();
    preview.innerHTML = html ? `<p class="fr-text--sm fr-mb-1w">Aperçu :</p>${sanitized(html)}` : '<p>Pas de version HTML : le texte sera envoyé seul.</p>';
  });
  f.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearMessages(f);
    sending.innerHTML = '';
    const type = f.querySelector('input[name="audience"]:checked').value;
    const region = ownRegion(user) ?? (f.querySelector('#region').value || null);
    const week = f.querySelector('#semaine').value.trim();
    const departement = f.querySelector('#departement').value.trim();
    const html = f.querySelector('#html').value.trim();
    const audience = { type, ...(region && type !== 'ALL' ? { region } : {}), ...(type === 'NON_DECLARERS' ? { week, ...(departement ? { departement } : {}) } : {}) };
    try {
      const c = (await api('/v1/campaigns', { method: 'POST', body: {
        subject: f.querySelector('#objet').value, bodyText: f.querySelector('#texte').value, ...(html ? { bodyHtml: html } : {}), audience } })).data;
      showSummary(f, 'info', `Campagne prête : ${counted(c.recipients, 'destinataire', 'destinataires')}`,
        `<p id="audience-preparee">${audienceOf(c)}</p><p>Vérifiez le nombre de destinataires, puis envoyez-la (rien n’est envoyé avant).</p>`);
      sending.innerHTML = `<button type="button" class="fr-btn" id="envoyer">Envoyer à ${counted(c.recipients, 'destinataire', 'destinataires')}</button>`;
      sending.querySelector('#envoyer').addEventListener('click', async () => {
        try {
          await api(`/v1/campaigns/${encodeURIComponent(c.campaignId)}/send`, { method: 'POST' });
          clearMessages(f); // "ready" is over: the progress below says where the sending is
          await follow(sending, c.campaignId, refresh);
          sending.querySelector('#progression-titre').focus?.();
        } catch (error) {
          showError(sending, error);
        }
      });
      refresh();
    } catch (error) {
      showFailure(f, error);
    }
  });
}

const session = await startPage('campagnes');
if (session) {
  const body = pageBody('Campagnes de courriel');
  const q = new URLSearchParams(window.location.search);
  try {
    const prefill = { audience: q.get('audience'), region: q.get('region'), departement: q.get('departement'), semaine: q.get('semaine') || await currentWeek() };
    body.innerHTML = `${form(session.user, prefill)}<div id="historique"></div>`;
    wire(body, session.user);
    await list(body.querySelector('#historique'));
  } catch (error) {
    showError(body, error);
  }
}
