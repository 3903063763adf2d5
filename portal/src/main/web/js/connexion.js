// The identity platform sends the browser back here with a code: trade it for a token, then go
// back where the user was going. Nothing to show unless it fails.
import { completeSignIn } from './auth.js';
import { escapeHtml, startPage } from './layout.js';

try {
  window.location.replace(await completeSignIn());
} catch (error) {
  await startPage('accueil');
  document.getElementById('contenu').firstElementChild.insertAdjacentHTML('afterbegin', `
<div class="fr-alert fr-alert--error fr-mb-4w" role="alert">
  <h2 class="fr-alert__title">La connexion n’a pas abouti</h2>
  <p>${escapeHtml(error.message)}</p>
</div>`);
}
