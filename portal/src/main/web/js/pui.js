// What the pharmacist's screens share: the PUI they work on (one of the PUIs of the establishments
// their account is attached to, kept for the tab and in the address, ?pui=, so that every screen, a
// reload and a new sign-in open on the same PUI) and the drafts kept in the tab until sent.
import { api, establishmentsOf } from './api.js';
import { escapeHtml, showError } from './layout.js';

const CHOSEN = 'dispostock.pui';

/** The PUIs of the signed-in pharmacist's establishments, by name: [{finessEt, name, …}]. */
async function pharmacistPuis(session) {
  const establishments = await establishmentsOf(session.user);
  const puis = await Promise.all(establishments.flatMap((e) => e.puis)
    .map((et) => api(`/v1/puis/${encodeURIComponent(et)}`).then((r) => r.data)));
  return puis.sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}

/** Writes the page's choices (PUI, week, date…) into the address, without a new history entry. */
export function keepInAddress(params) {
  const url = new URL(window.location.href);
  Object.entries(params).forEach(([name, value]) => url.searchParams.set(name, value));
  window.history.replaceState(null, '', url);
}

/** What was typed and not yet sent, kept in the tab (sessionStorage) by key. */
export const drafts = {
  read: (key) => JSON.parse(sessionStorage.getItem(key) ?? 'null'),
  save: (key, value) => sessionStorage.setItem(key, JSON.stringify(value)),
  drop: (key) => sessionStorage.removeItem(key),
};

/**
 * Shows the PUI select in the page's #choix-pui and calls `onChoice(pui)` now and at each change;
 * a failure to read the pharmacist's PUIs is shown in #erreur-page.
 */
export async function choosePui(session, onChoice) {
  const container = document.getElementById('choix-pui');
  let puis;
  try {
    puis = await pharmacistPuis(session);
  } catch (error) {
    container.innerHTML = '';
    showError(document.getElementById('erreur-page'), error);
    return;
  }
  if (puis.length === 0) {
    container.innerHTML = '<div class="fr-alert fr-alert--info"><p>Votre compte n’est rattaché à aucune PUI.</p></div>';
    return;
  }
  const wanted = new URLSearchParams(window.location.search).get('pui') ?? sessionStorage.getItem(CHOSEN);
  const chosen = puis.find((p) => p.finessEt === wanted) ?? puis[0];
  container.innerHTML = `
<div class="fr-select-group">
  <label class="fr-label" for="pui">PUI <span class="fr-hint-text">Pharmacie à usage intérieur (FINESS géographique)</span></label>
  <select class="fr-select" id="pui" name="pui">
    ${puis.map((p) => `<option value="${escapeHtml(p.finessEt)}"${p === chosen ? ' selected' : ''}>${escapeHtml(p.name)} (${escapeHtml(p.finessEt)})</option>`).join('')}
  </select>
</div>`;
  const select = container.querySelector('#pui');
  const choose = () => {
    const pui = puis.find((p) => p.finessEt === select.value);
    sessionStorage.setItem(CHOSEN, pui.finessEt);
    keepInAddress({ pui: pui.finessEt });
    onChoice(pui);
  };
  select.addEventListener('change', choose);
  choose();
}
