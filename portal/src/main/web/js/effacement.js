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
  ['/v1/state-stock/erasures', 'Stock d’État : lots et commandes'],
  ['/v1/campaigns/erasures', 'Courriels : destinataires et adresses écartées'],
];

const session = await startPage('effacement');
if (session) {
  const body = pageBody('Effacement d’un compte');
  body.innerHTML = `
<p>À la demande d’une personne (RGPD), son adresse électronique est remplacée partout par un pseudonyme,
toujours le même : les historiques gardent qui a fait quoi, sans l’adresse. Son compte est oublié ;
une adresse écartée des envois (retour ou plainte) le reste. L’effacement ne peut pas être annulé.</p>
<form id="effacement" novalidate>
  <div class="fr-input-group">
    <label class="fr-label" for="email">Adresse électronique du compte
      <span class="fr-hint-text">Par exemple : prenom.nom@chu-exemple.fr</span></label>
    <input class="fr-input" type="email" id="email" name="email" autocomplete="off" required data-pointer="/email">
  </div>
  <button type="submit" class="fr-btn">Effacer ce compte</button>
</form>
<div id="resultat" class="fr-mt-4w"></div>`;
  const form = body.querySelector('#effacement');
  const result = body.querySelector('#resultat');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearMessages(form);
    result.innerHTML = '';
    const email = form.querySelector('#email').value.trim();
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
    } catch (error) {
      showFailure(form, error);
    }
  });
}
