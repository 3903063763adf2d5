// The PUI a pharmacist works on: one of the PUIs of the establishments their account is attached
// to. The choice is kept for the tab and in the address (?pui=), so that every screen, a reload and
// a new sign-in open on the same PUI.
import { api } from './api.js';
import { escapeHtml } from './layout.js';

const CHOSEN = 'dispostock.pui';

/** The PUIs of the signed-in pharmacist's establishments, by name: [{finessEt, name, …}]. */
async function pharmacistPuis(session) {
  const establishments = await Promise.all(session.user.finessEj
    .map((ej) => api(`/v1/establishments/${encodeURIComponent(ej)}`).then((r) => r.data)));
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

/**
 * Shows the PUI select in `container` and calls `onChoice(pui)` now and at each change.
 * @returns {Promise<object[]>} the pharmacist's PUIs
 */
export async function choosePui(container, session, onChoice) {
  const puis = await pharmacistPuis(session);
  if (puis.length === 0) {
    container.innerHTML = '<div class="fr-alert fr-alert--info"><p>Votre compte n’est rattaché à aucune PUI.</p></div>';
    return puis;
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
  return puis;
}
