// PUIs: the establishment's hospital pharmacies, and the contact details and delivery address of
// one of them. Saved with If-Match (the version read): a change made meanwhile by someone else is
// explained and the form reloaded with the current values, never overwritten silently.
import { api, establishmentsOf } from './api.js';
import { clearMessages, showSummary } from './forms.js';
import { showSendFailure } from './format.js';
import { escapeHtml, pageBody, showError, startPage } from './layout.js';

// French messages for the fields the API may refuse (its own messages are for developers)
const FIELDS = [
  { id: 'nom', pointer: '/name', label: 'Nom de la PUI', hint: 'Tel qu’il apparaît dans les messages de Dispostock', autocomplete: 'organization', error: 'Saisissez un nom de 200 caractères au plus.' },
  { id: 'email', pointer: '/email', label: 'Adresse e-mail de la PUI', hint: 'Les rappels et les messages nationaux y sont envoyés. Format attendu : pharmacie@chu-exemple.fr', type: 'email', autocomplete: 'email', error: 'Saisissez une adresse e-mail valide, par exemple pharmacie@chu-exemple.fr.' },
  { id: 'telephone', pointer: '/phone', label: 'Téléphone (facultatif)', hint: 'Chiffres, espaces et + (6 à 20 caractères)', type: 'tel', autocomplete: 'tel', error: 'Saisissez un numéro de téléphone : chiffres, espaces et +, 6 à 20 caractères.' },
];
const ADDRESS = [
  { id: 'adresse-ligne1', pointer: '/deliveryAddress/line1', label: 'Adresse', hint: 'Numéro et voie', autocomplete: 'address-line1', error: 'Saisissez l’adresse de livraison (200 caractères au plus).' },
  { id: 'adresse-ligne2', pointer: '/deliveryAddress/line2', label: 'Complément d’adresse (facultatif)', hint: 'Bâtiment, service, boîte postale', autocomplete: 'address-line2', error: 'Saisissez un complément de 200 caractères au plus.' },
  { id: 'code-postal', pointer: '/deliveryAddress/postalCode', label: 'Code postal', hint: '5 chiffres', autocomplete: 'postal-code', inputmode: 'numeric', error: 'Saisissez un code postal de 5 chiffres.' },
  { id: 'ville', pointer: '/deliveryAddress/city', label: 'Ville', autocomplete: 'address-level2', error: 'Saisissez la ville (100 caractères au plus).' },
];

function input(f) {
  return `
<div class="fr-input-group">
  <label class="fr-label" for="${f.id}">${f.label}${f.hint ? `<span class="fr-hint-text">${f.hint}</span>` : ''}</label>
  <input class="fr-input" id="${f.id}" name="${f.id}" type="${f.type ?? 'text'}" autocomplete="${f.autocomplete}"
    ${f.inputmode ? `inputmode="${f.inputmode}"` : ''} data-pointer="${f.pointer}" data-error="${escapeHtml(f.error)}">
</div>`;
}

function valueAt(pui, pointer) {
  return pointer.split('/').slice(1).reduce((o, key) => (o == null ? null : o[key]), pui) ?? '';
}

function fill(form, pui) {
  [...FIELDS, ...ADDRESS].forEach((f) => { form.elements[f.id].value = valueAt(pui, f.pointer); });
}

function read(form, pui) {
  const v = (id) => form.elements[id].value.trim() || null;
  return {
    finessEt: pui.finessEt, finessEj: pui.finessEj, name: v('nom'), email: v('email'), phone: v('telephone'),
    deliveryAddress: { line1: v('adresse-ligne1'), line2: v('adresse-ligne2'), postalCode: v('code-postal'), city: v('ville') },
  };
}

/** A value between quotes, or 'vide' (empty quotes read as a typing slip). */
const quoted = (value) => (value ? `« ${escapeHtml(value)} »` : 'vide');

/** The user's changes (what he sent that differs from what he had read), to offer them again after a conflict. */
function unsaved(sent, read, current) {
  return [...FIELDS, ...ADDRESS]
    .filter((f) => (valueAt(sent, f.pointer) || '') !== (valueAt(read, f.pointer) || ''))
    .map((f) => `<li>${f.label} : ${quoted(valueAt(sent, f.pointer))} (enregistré entre-temps : ${quoted(valueAt(current, f.pointer))})</li>`);
}

async function showPui(container, finessEt) {
  container.innerHTML = '<p>Chargement…</p>';
  let { data: pui, etag } = await api(`/v1/puis/${encodeURIComponent(finessEt)}`);
  container.innerHTML = `
<h2 id="pui-titre">${escapeHtml(pui.name)} <span class="fr-text--md">(FINESS géographique ${escapeHtml(pui.finessEt)})</span></h2>
<form id="formulaire-pui" novalidate aria-labelledby="pui-titre">
  <fieldset class="fr-fieldset" aria-labelledby="contact-legende">
    <legend class="fr-fieldset__legend" id="contact-legende">Contact</legend>
    <div class="fr-fieldset__element">${FIELDS.map(input).join('</div><div class="fr-fieldset__element">')}</div>
  </fieldset>
  <fieldset class="fr-fieldset" aria-labelledby="adresse-legende">
    <legend class="fr-fieldset__legend" id="adresse-legende">Adresse de livraison du stock d’État</legend>
    <div class="fr-fieldset__element">${ADDRESS.map(input).join('</div><div class="fr-fieldset__element">')}</div>
  </fieldset>
  <button type="submit" class="fr-btn" id="enregistrer">Enregistrer</button>
</form>`;
  const form = container.querySelector('form');
  fill(form, pui);
  // after a 412: the current values in the form, the user's own changes listed to be applied again
  async function reloadAfterConflict(sent) {
    const current = await api(`/v1/puis/${encodeURIComponent(finessEt)}`);
    const lost = unsaved(sent, pui, current.data);
    pui = current.data;
    etag = current.etag;
    clearMessages(form);
    fill(form, pui);
    showSummary(form, 'warning', 'Quelqu’un a modifié cette PUI pendant que vous la consultiez',
      `<p>Vos modifications n’ont pas été enregistrées, pour ne pas effacer les siennes. Le formulaire affiche
       maintenant les informations à jour.${lost.length ? ' Voici ce que vous aviez saisi : reportez-le si besoin, puis enregistrez.' : ''}</p>
       ${lost.length ? `<ul>${lost.join('')}</ul>` : ''}`);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const sent = read(form, pui);
    const button = form.querySelector('#enregistrer');
    button.disabled = true;
    try {
      const saved = await api(`/v1/puis/${encodeURIComponent(finessEt)}`, { method: 'PUT', body: sent, headers: { 'If-Match': etag } });
      pui = saved.data;
      etag = saved.etag;
      clearMessages(form);
      fill(form, pui);
      showSummary(form, 'success', 'Coordonnées enregistrées', '<p>Les rappels et les livraisons utiliseront ces informations.</p>');
    } catch (error) {
      await (error.kind === 'precondition-failed' ? reloadAfterConflict(sent) : Promise.reject(error))
        .catch((failure) => showSendFailure(form, failure, 'Certaines informations sont à corriger',
          'Ce que vous avez saisi reste dans le formulaire : enregistrez à nouveau dans quelques instants.'));
    } finally {
      button.disabled = false;
    }
  });
}

const session = await startPage('puis');
if (session) {
  const content = pageBody('PUIs');
  try {
    const establishments = await establishmentsOf(session.user);
    const puis = establishments.flatMap((e) => e.puis.map((finessEt) => ({ finessEt, establishment: e })));
    if (puis.length > 1) {
      await Promise.all(puis.map(async (p) => { p.name = (await api(`/v1/puis/${encodeURIComponent(p.finessEt)}`)).data.name; }));
    }
    if (!puis.length) {
      content.innerHTML = '<p>Aucune PUI n’est enregistrée pour votre établissement. Votre ARS l’ajoute au registre.</p>';
    } else {
      const wanted = new URLSearchParams(window.location.search).get('pui');
      const selected = puis.some((p) => p.finessEt === wanted) ? wanted : puis[0].finessEt;
      content.innerHTML = `
<p>Les coordonnées de chaque PUI servent aux rappels et à la livraison des produits du stock stratégique de l’État.</p>
${puis.length > 1 ? `<form class="fr-select-group fr-mb-4w" method="get" action="puis.html">
  <label class="fr-label" for="pui">PUI</label>
  <select class="fr-select" id="pui" name="pui">${puis.map((p) => `<option value="${escapeHtml(p.finessEt)}"${p.finessEt === selected ? ' selected' : ''}>
    ${escapeHtml(p.name)} (FINESS ${escapeHtml(p.finessEt)})</option>`).join('')}</select>
  <button class="fr-btn fr-btn--secondary fr-mt-2w" type="submit">Afficher</button>
</form>` : ''}
<div id="pui-detail"></div>`;
      await showPui(document.getElementById('pui-detail'), selected);
    }
  } catch (error) {
    showError(content, error);
  }
}
