// Accueil: the instructions in force (national and the establishment's region) and what is due.
import { api } from './api.js';
import { escapeHtml, showError, startPage } from './layout.js';

const session = await startPage('accueil');
if (session) {
  const main = document.getElementById('contenu');
  main.innerHTML = '<div class="fr-container fr-my-6w"><h1>Accueil</h1><div id="accueil-contenu"><p>Chargement…</p></div></div>';
  const content = document.getElementById('accueil-contenu');
  try {
    const establishments = await Promise.all(session.user.finessEj.map((ej) => api(`/v1/establishments/${encodeURIComponent(ej)}`).then((r) => r.data)));
    const region = establishments[0]?.region;
    const instructions = (await api(`/v1/instructions${region ? `?region=${encodeURIComponent(region)}` : ''}`)).data;
    content.innerHTML = `
<section aria-labelledby="consignes-titre">
  <h2 id="consignes-titre">Consignes en vigueur</h2>
  ${instructions.map((i) => `<div class="fr-callout fr-mb-3w"><h3 class="fr-callout__title">${escapeHtml(i.title)}</h3><p class="fr-callout__text">${escapeHtml(i.body)}</p></div>`).join('')}
</section>
<section aria-labelledby="etablissements-titre">
  <h2 id="etablissements-titre">Vos établissements</h2>
  <ul>${establishments.map((e) => `<li>${escapeHtml(e.name)} (FINESS ${escapeHtml(e.finessEj)}) : ${e.puis.length} PUI</li>`).join('')}</ul>
</section>`;
  } catch (error) {
    showError(content, error);
  }
}
