// Consignes: the instructions of the pharmacists' home page. The national operator writes national
// ones (and any region's), an ARS its region's. Written, then previewed exactly as a pharmacist of
// the region will see the home page's section (the same rendering, with the instructions in force
// there), then published (PUT; If-Match when it changes a published one). The list holds those in
// force and those published to come (upcoming=true), so that a scheduled one can still be changed.
import { api } from './api.js';
import { clearMessages, showFailure, showSummary } from './forms.js';
import { escapeHtml, pageBody, showError, startPage } from './layout.js';
import { day, instructionsHtml } from './consigne.js';
import { REGIONS, isNational, regionChoice, regionName, workingRegion } from './autorites.js';
import { isoDay, parisToday, showSendFailure } from './format.js';

const today = isoDay(parisToday());
let user;
let region; // the region whose instructions are listed (the ARS's own; the national operator's choice)
let listed = [];

const keeps = (i) => isNational(user) || (i.region && i.region === user.region && user.roles.includes('ARS'));
const inForceOn = (i, d) => i.validFrom <= d && (!i.validTo || i.validTo >= d);
const listPath = (r) => `/v1/instructions?upcoming=true${r ? `&region=${encodeURIComponent(r)}` : ''}`;

function showList() {
  const zone = document.getElementById('liste');
  zone.innerHTML = `
<h2>Consignes en vigueur et à venir ${region ? `(nationales et ${escapeHtml(regionName(region))})` : '(nationales)'}</h2>
${listed.length ? `<ul class="fr-raw-list">${listed.map((i) => `
<li class="fr-mb-3w">
  <h3 class="fr-h6 fr-mb-1w">${escapeHtml(i.title)}${i.validFrom > today ? ' <span class="fr-badge fr-badge--sm fr-badge--info">À venir</span>' : ''}</h3>
  <p class="fr-text--sm fr-mb-1w">${i.region ? `Régionale, ${escapeHtml(regionName(i.region))}` : 'Nationale'} : du ${escapeHtml(day(i.validFrom))}${i.validTo ? ` au ${escapeHtml(day(i.validTo))}` : ''}</p>
  ${keeps(i) ? `<button type="button" class="fr-btn fr-btn--sm fr-btn--secondary" data-edit="${escapeHtml(i.id)}">Modifier<span class="fr-sr-only"> ${escapeHtml(i.title)}</span></button>` : ''}
</li>`).join('')}</ul>` : '<p>Aucune consigne en vigueur ni à venir.</p>'}`;
  zone.querySelectorAll('[data-edit]').forEach((b) => b.addEventListener('click', () => showEditor(listed.find((i) => i.id === b.dataset.edit))));
}

function field(id, label, { type = 'text', value = '', hint = '' } = {}) {
  return `<div class="fr-input-group">
  <label class="fr-label" for="${id}">${label}${hint ? `<span class="fr-hint-text">${hint}</span>` : ''}</label>
  <input class="fr-input" type="${type}" id="${id}" name="${id}" data-pointer="/${id}" value="${escapeHtml(value)}">
</div>`;
}

function scopeField(i) {
  if (!isNational(user)) return `<p>Portée : région ${escapeHtml(regionName(user.region))}.</p>`;
  const chosen = i ? i.region ?? '' : region ?? '';
  return `<div class="fr-select-group">
  <label class="fr-label" for="portee">Portée</label>
  <select class="fr-select" id="portee" name="portee" data-pointer="/region">
    <option value=""${chosen ? '' : ' selected'}>Nationale : toutes les PUI</option>
    ${Object.keys(REGIONS).sort().map((c) => `<option value="${c}"${c === chosen ? ' selected' : ''}>Régionale : ${escapeHtml(regionName(c))}</option>`).join('')}
  </select>
</div>`;
}

function read(form) {
  const v = (id) => form.elements[id].value.trim() || null;
  return {
    title: v('title'), body: form.elements.body.value.trim() || null,
    region: isNational(user) ? v('portee') : user.region, validFrom: v('validFrom'), validTo: v('validTo'),
  };
}

/** The home page's section as a pharmacist of the instruction's region (or of the listed one) will see it. */
async function preview(form, id) {
  const draft = { id, ...read(form) };
  const seenIn = draft.region ?? region;
  const zone = form.querySelector('#apercu');
  zone.innerHTML = '<p>Chargement…</p>';
  try {
    const others = (await api(listPath(seenIn))).data.filter((i) => i.id !== id);
    const shownOn = draft.validFrom && draft.validFrom > today ? draft.validFrom : today;
    const shown = [...others.filter((i) => inForceOn(i, shownOn)), ...(draft.title && draft.validFrom ? [draft] : [])]
      .sort((a, b) => b.validFrom.localeCompare(a.validFrom));
    zone.innerHTML = `
<h3 class="fr-h5" id="apercu-titre" tabindex="-1">Aperçu : l’accueil d’un pharmacien ${seenIn ? `de la région ${escapeHtml(regionName(seenIn))}` : 'de n’importe quelle région'}, le ${escapeHtml(day(shownOn))}</h3>
<div class="fr-p-3w fr-mb-3w fr-background-alt--grey">${instructionsHtml(shown)}</div>`;
    zone.querySelector('#apercu-titre').focus();
  } catch (error) {
    showError(zone, error);
  }
}

function showEditor(i) {
  const zone = document.getElementById('edition');
  // a new instruction's identifier is made once per form: sending it twice publishes one instruction
  const id = i?.id ?? `consigne-${isNational(user) ? 'nationale' : user.region}-${Date.now().toString(36)}`;
  const etag = i ? `"${i.version}"` : null;
  zone.innerHTML = `
<h2 id="edition-titre" tabindex="-1">${i ? `Modifier « ${escapeHtml(i.title)} »` : 'Nouvelle consigne'}</h2>
<form id="formulaire-consigne" novalidate>
  ${field('title', 'Titre', { value: i?.title ?? '' })}
  <div class="fr-input-group">
    <label class="fr-label" for="body">Texte<span class="fr-hint-text">Tel que les pharmaciens le liront sur leur accueil (20 000 caractères au plus)</span></label>
    <textarea class="fr-input" id="body" name="body" rows="6" data-pointer="/body">${escapeHtml(i?.body ?? '')}</textarea>
  </div>
  ${scopeField(i)}
  ${field('validFrom', 'Affichée à partir du', { type: 'date', value: i?.validFrom ?? today })}
  ${field('validTo', 'Jusqu’au (facultatif)', { type: 'date', value: i?.validTo ?? '', hint: 'Dernier jour d’affichage ; vide : jusqu’à nouvel ordre' })}
  <ul class="fr-btns-group fr-btns-group--inline fr-mt-2w">
    <li><button type="button" class="fr-btn fr-btn--secondary" id="previsualiser">Prévisualiser</button></li>
    <li><button type="submit" class="fr-btn" id="publier">Publier</button></li>
  </ul>
  <div id="apercu" class="fr-mt-4w"></div>
</form>`;
  const form = zone.querySelector('form');
  zone.querySelector('#edition-titre').focus();
  form.querySelector('#previsualiser').addEventListener('click', () => preview(form, id));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearMessages(form);
    const button = form.querySelector('#publier');
    button.disabled = true;
    try {
      const saved = await api(`/v1/instructions/${encodeURIComponent(id)}`, { method: 'PUT', body: read(form), headers: etag ? { 'If-Match': etag } : {} });
      listed = (await api(listPath(region))).data;
      showList();
      const s = saved.data;
      // published: the form goes (it would invite a second publication), the instruction is in the list to change it
      zone.innerHTML = `<div class="fr-alert fr-alert--success" id="consigne-publiee" role="status" tabindex="-1">
  <h2 class="fr-alert__title">Consigne publiée : « ${escapeHtml(s.title)} »</h2>
  <p>${inForceOn(s, today) ? 'Les pharmaciens la voient dès maintenant sur leur accueil.' : `Elle sera affichée à partir du ${escapeHtml(day(s.validFrom))}.`}
    Pour la modifier, ouvrez-la depuis la liste ci-dessus.</p></div>`;
      zone.firstElementChild.focus();
      return;
    } catch (error) {
      if (error.status === 428 && !etag) {
        // a new instruction whose id exists: most likely this very publication, its answer lost on the way
        listed = (await api(listPath(region))).data;
        showList();
        showSummary(form, 'warning', 'Cette consigne existe déjà', `<p>Votre envoi précédent l’a sans doute publiée
          (sa réponse s’est perdue) : elle figure dans la liste. Ouvrez-la depuis la liste pour la vérifier ou la modifier.</p>`);
      } else if (error.kind === 'precondition-failed') {
        showFailure(form, error);
      } else {
        showSendFailure(form, error, 'La consigne n’a pas été publiée', 'Votre texte est conservé dans le formulaire.');
      }
    } finally {
      button.disabled = false;
    }
  });
}

const session = await startPage('consignes');
if (session) {
  user = session.user;
  region = workingRegion(user);
  const content = pageBody('Consignes');
  content.innerHTML = `
<p>Les consignes s’affichent sur l’accueil des pharmaciens : les nationales pour tous, les régionales pour les PUI de leur région.</p>
${isNational(user) ? regionChoice(user, region) : ''}
<button type="button" class="fr-btn fr-mb-4w" id="nouvelle">Rédiger une consigne</button>
<div id="liste"><p>Chargement…</p></div>
<div id="edition" class="fr-mt-6w"></div>`;
  content.querySelector('#nouvelle').addEventListener('click', () => showEditor(null));
  try {
    listed = (await api(listPath(region))).data;
    showList();
  } catch (error) {
    showError(document.getElementById('liste'), error);
  }
}
