// Effacement d'un compte (RGPD), national operator only: the registers record the erasure of an
// address and forget its accounts, then each function replaces the address by the same pseudonym in
// the table it keeps (POST /v1/accounts/erasures, then /v1/declarations, /v1/state-stock and
// /v1/campaigns/erasures, in that order). Each call may be made again: the page simply starts over.
import { api } from './api.js';
import { captionedTable } from './autorites.js';
import { formatInstant, formatNumber } from './format.js';
import { clearMessages, showFailure, showSummary } from './forms.js';
import { escapeHtml, pageBody, startPage } from './layout.js';

const STEPS = [
  ['/v1/accounts/erasures', 'Comptes et historiques des répertoires'],
  ['/v1/declarations/erasures', 'Déclarations hebdomadaires'],
  ['/v1/state-stock/erasures', 'Stock d’État : lots et commandes'],
  ['/v1/campaigns/erasures', 'Courriels : destinataires et adresses écartées'],
];

const session = await startPage('effacement');
if (session) {
  const body = pageBody('Effacement d’un compte');
  body.innerHTML = `
<p>À la demande d’une personne (RGPD), son adresse électronique est remplacée partout par un pseudonyme,
toujours le même : les historiques gardent qui a fait quoi, sans l’adresse. Son compte est oublié ;
une adresse écartée des envois (retour ou plainte) le reste. L’effacement ne peut pas être annulé.</p>
<form id="effacement" novalidate>
  <div class="fr-input-group">
    <label class="fr-label" for="email">Adresse électronique du compte
      <span class="fr-hint-text">Par exemple : prenom.nom@chu-exemple.fr</span></label>
    <input class="fr-input" type="email" id="email" name="email" autocomplete="off" required data-pointer="/email">
  </div>
  <button type="submit" class="fr-btn">Effacer ce compte</button>
</form>
<div id="resultat" class="fr-mt-4w"></div>`;
  const form = body.querySelector('#effacement');
  const result = body.querySelector('#resultat');
  const field = form.querySelector('#email');
  const erase = async (email) => {
    try {
      const rows = [];
      let erasure;
      for (const [path, label] of STEPS) {
        erasure = (await api(path, { method: 'POST', body: { email } })).data;
        rows.push([escapeHtml(label), formatNumber(erasure.changed)]);
      }
      showSummary(form, 'success', 'Adresse effacée', `<p>Elle est remplacée par le pseudonyme
<code id="pseudonyme">${escapeHtml(erasure.pseudonym)}</code> (effacement enregistré le ${formatInstant(erasure.erasedAt)}).</p>`);
      result.innerHTML = captionedTable('elements', 'Éléments modifiés par cette demande', ['Données', 'Éléments modifiés'], rows);
      field.value = ''; // the address is gone: nothing is left to erase twice by mistake
    } catch (error) {
      result.innerHTML = '';
      showFailure(form, error);
    }
  };
  // The erasure cannot be undone: a well-formed address is erased only once confirmed, in place, the focus on
  // the question (as an order's cancellation); what is no address goes to the API at once, which names the field.
  const askConfirmation = (email) => {
    result.innerHTML = `
<div class="fr-alert fr-alert--warning" id="confirmation" role="alert" tabindex="-1">
  <h2 class="fr-alert__title">Effacer définitivement ${escapeHtml(email)} ?</h2>
  <p>Cette adresse sera remplacée partout par un pseudonyme et son compte oublié. L’effacement ne peut pas être annulé.</p>
  <ul class="fr-btns-group fr-btns-group--inline-sm fr-mt-2w">
    <li><button type="button" class="fr-btn" id="confirmer">Effacer ${escapeHtml(email)}</button></li>
    <li><button type="button" class="fr-btn fr-btn--secondary" id="renoncer">Ne pas effacer</button></li>
  </ul>
</div>`;
    result.querySelector('#confirmer').addEventListener('click', () => {
      result.querySelectorAll('button').forEach((b) => { b.disabled = true; });
      erase(email);
    });
    result.querySelector('#renoncer').addEventListener('click', () => {
      result.innerHTML = '';
      field.focus();
    });
    result.querySelector('#confirmation').focus();
  };
  // the question names the address typed: another one typed since needs its own
  field.addEventListener('input', () => result.querySelector('#confirmation')?.remove());
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearMessages(form);
    result.innerHTML = '';
    const email = field.value.trim();
    if (field.checkValidity()) askConfirmation(email);
    else erase(email);
  });
}
