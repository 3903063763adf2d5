// Commandes: a PUI orders products of the State-stock catalogue in whole packs; the devices that go
// with the vaccines are proposed, in whole packs, unless ordered. One Idempotency-Key per order
// form, made when the form is shown and kept (in the tab) until the order is placed, so that a double
// click, a retry or a reload after a lost answer never makes two orders. Then the PUI's orders with
// their status and steps, and cancelling one before its review.
import { api } from './api.js';
import { clearField, clearMessages, markField, showErrors, showSummary } from './forms.js';
import { escapeHtml, showError, startPage } from './layout.js';
import { counted, formatAuthor, formatDay, formatInstant, formatNumber, showSendFailure } from './format.js';
import { table } from './historique.js';
import { choosePui, drafts } from './pui.js';
import { inUnits, orderStatus, unitOf } from './commande.js';

const KIND = { VACCINE: 'Vaccin', ANTIVIRAL: 'Antiviral', DEVICE: 'Dispositif' };

const session = await startPage('commandes');
const main = document.getElementById('contenu');
let pui = null;
let catalogue = []; // every product, orderable or not (old orders name products no longer orderable)
let calendar = null; // the next order day and its cut-off, as the server counts them in Paris
let sending = false;

const $ = (selector) => main.querySelector(selector);
const product = (code) => catalogue.find((p) => p.code === code);
const nameOf = (code) => product(code)?.name ?? code;
const draftKey = () => `dispostock.commande.${pui.finessEt}`;
const badge = orderStatus;
const units = (quantity, p) => escapeHtml(inUnits(quantity, p));

/** The form's packs by product code, as typed (a non-number stays a string for the checks). */
function packsTyped() {
  return Object.fromEntries([...main.querySelectorAll('[data-product]')].map((f) => [f.dataset.product, f.value.trim()]));
}

/** The devices the server will add for the vaccines ordered, in whole packs, unless ordered: [{code, quantity}]. */
function proposedDevices(packs) {
  const needed = new Map();
  Object.entries(packs).filter(([, n]) => /^\d+$/.test(n) && Number(n) > 0).forEach(([code, n]) => {
    const p = product(code);
    p.devices.forEach((d) => needed.set(d.code, (needed.get(d.code) ?? 0) + Number(n) * p.packSize * d.perUnit));
  });
  return [...needed].filter(([code]) => product(code) && !(Number(packs[code]) > 0)).map(([code, count]) => {
    const size = product(code).packSize;
    return { code, quantity: Math.ceil(count / size) * size };
  });
}

function showProposed() {
  const proposed = proposedDevices(packsTyped());
  $('#proposes').innerHTML = proposed.length === 0 ? '' : `
<div class="fr-callout fr-mb-3w">
  <h3 class="fr-callout__title">Dispositifs proposés avec les vaccins</h3>
  <p class="fr-callout__text">Ajoutés à la commande, en boîtes entières, sauf si vous les commandez vous-même :</p>
  <ul>${proposed.map((d) => `<li>${escapeHtml(nameOf(d.code))} : ${counted(d.quantity / product(d.code).packSize, 'boîte', 'boîtes')} (${units(d.quantity, product(d.code))})</li>`).join('')}</ul>
</div>`;
}

function packProblem(value) {
  if (value === '' || /^\d+$/.test(value)) return null;
  return 'doit être un nombre entier de boîtes';
}

function showForm() {
  const draft = drafts.read(draftKey());
  // the key of this form: kept with what was typed until the order is placed, so that a retry after
  // a lost answer (even after a reload) names the same order
  const order = draft ?? { key: crypto.randomUUID(), packs: {} };
  drafts.save(draftKey(), order);
  const orderable = catalogue.filter((p) => p.orderable);
  const rows = orderable.map((p) => [
    `${escapeHtml(p.name)}<br><span class="fr-text--xs">${KIND[p.kind] ?? p.kind} · ${escapeHtml(p.code)}</span>`,
    `Boîte de ${formatNumber(p.packSize)} ${escapeHtml(unitOf(p))}`,
    `<div class="fr-input-group fr-mb-0"><label class="fr-label fr-sr-only" for="boites-${escapeHtml(p.code)}">Nombre de boîtes de ${escapeHtml(p.name)}</label>
     <input class="fr-input" id="boites-${escapeHtml(p.code)}" data-product="${escapeHtml(p.code)}" inputmode="numeric" autocomplete="off" value="${escapeHtml(order.packs[p.code] ?? '')}"></div>`,
    `<span id="unites-${escapeHtml(p.code)}"></span>`,
  ]);
  $('#commande').innerHTML = `
<h2 id="commande-titre">Passer une commande</h2>
<p id="jour-de-commande" class="fr-text--lead">Prochain jour de commande : jeudi ${escapeHtml(formatDay(calendar.nextOrderDay))}.
  Les commandes passées avant le ${escapeHtml(formatInstant(calendar.orderCutOff))} y sont rattachées.</p>
<p>Les quantités se commandent en boîtes entières. La commande est examinée par l’ARS de la région, qui peut l’approuver, l’ajuster ou la refuser ligne par ligne ; vous pouvez l’annuler tant qu’elle n’est pas examinée.</p>
<form id="formulaire-commande" novalidate aria-labelledby="commande-titre" data-idempotency-key="${escapeHtml(order.key)}">
  ${table('Produits du stock d’État pouvant être commandés', ['Produit', 'Conditionnement', 'Nombre de boîtes', 'Unités'], rows, { rowHeaders: true, id: 'catalogue' })}
  <div id="proposes" aria-live="polite"></div>
  <button type="submit" class="fr-btn" id="commander">Commander</button>
</form>`;
  const form = $('#formulaire-commande');
  const update = () => {
    const packs = packsTyped();
    orderable.forEach((p) => {
      const n = packs[p.code];
      $(`#unites-${CSS.escape(p.code)}`).textContent = /^\d+$/.test(n) && Number(n) > 0 ? inUnits(Number(n) * p.packSize, p) : '';
    });
    showProposed();
  };
  update();
  form.addEventListener('input', () => {
    update();
    drafts.save(draftKey(), { key: order.key, packs: packsTyped() });
  });
  form.addEventListener('change', (event) => {
    const field = event.target;
    if (!field.dataset.product) return;
    clearField(field);
    const message = packProblem(field.value.trim());
    if (message) markField(field, message);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    place(form, order.key);
  });
}

async function place(form, key) {
  if (sending) return; // a second click while the first is on its way
  clearMessages(form);
  const fields = [...form.querySelectorAll('[data-product]')];
  fields.forEach((f) => f.removeAttribute('data-pointer'));
  const ordered = fields.filter((f) => f.value.trim() !== '' && f.value.trim() !== '0');
  const errors = [];
  ordered.forEach((f, k) => {
    f.dataset.pointer = `/lines/${k}/quantity`;
    const message = packProblem(f.value.trim());
    if (message) errors.push({ pointer: f.dataset.pointer, message });
  });
  if (ordered.length === 0) {
    showSummary(form, 'error', 'Aucun produit commandé', '<p>Indiquez le nombre de boîtes d’au moins un produit.</p>');
    return;
  }
  if (errors.length) {
    showErrors(form, errors, 'La commande n’est pas envoyée : des quantités sont à corriger');
    return;
  }
  const button = $('#commander');
  sending = true;
  button.disabled = true;
  button.textContent = 'Envoi en cours…';
  try {
    const lines = ordered.map((f) => ({ productCode: f.dataset.product, quantity: Number(f.value.trim()) * product(f.dataset.product).packSize }));
    const { data } = await api('/v1/orders', { method: 'POST', body: { finessEt: pui.finessEt, lines }, headers: { 'Idempotency-Key': key } });
    drafts.drop(draftKey());
    showForm(); // a new form, with a new key
    showSummary($('#formulaire-commande'), 'success', `Commande ${data.orderId} envoyée à l’ARS`, `
<p>Jour de commande : jeudi ${escapeHtml(formatDay(data.orderDay))}. Elle apparaît ci-dessous, avec son état.</p>
${linesTable(data)}`);
    await showOrders();
  } catch (error) {
    const placedBefore = error.kind === 'invalid'
      && /order (\S+) with other lines/.exec(error.problem?.errors?.find((e) => e.pointer === 'Idempotency-Key')?.message ?? '');
    if (placedBefore) {
      // this form's key placed an order whose answer was lost, before the quantities changed: that order
      // stands; what is typed now gets a new key, for a new order if the pharmacist confirms it
      drafts.save(draftKey(), { key: crypto.randomUUID(), packs: packsTyped() });
      showForm();
      showSummary($('#formulaire-commande'), 'info', `La commande ${placedBefore[1]} avait bien été enregistrée`, `
<p>La réponse à votre envoi précédent s’était perdue : cette commande apparaît ci-dessous, avec son état.
Les quantités affichées n’ont pas été envoyées : vérifiez-les, puis cliquez sur « Commander » pour passer une nouvelle commande.</p>`);
      await showOrders();
      return;
    }
    showSendFailure(form, error, 'La commande n’a pas été enregistrée',
      'Votre saisie est gardée. Renvoyer cette commande ne la passera pas deux fois.');
  } finally {
    sending = false;
    const again = $('#commander');
    again.disabled = false;
    again.textContent = 'Commander';
  }
}

function linesTable(order) {
  const reviewed = order.lines.some((l) => l.approvedQuantity !== null && l.approvedQuantity !== undefined);
  return table(`Lignes de la commande ${order.orderId}`,
    ['Produit', 'Commandé', ...(reviewed ? ['Approuvé', 'Motif'] : [])],
    order.lines.map((l) => [
      `${escapeHtml(nameOf(l.productCode))}${l.proposed ? ' <span class="fr-badge fr-badge--sm fr-badge--new">Proposé avec les vaccins</span>' : ''}`,
      units(l.quantity, product(l.productCode)),
      ...(reviewed ? [units(l.approvedQuantity ?? 0, product(l.productCode)), escapeHtml(l.reason ?? '')] : []),
    ]), { rowHeaders: true });
}

const STEP = { SUBMITTED: 'Envoyée', APPROVED: 'Approuvée', PARTIALLY_APPROVED: 'Approuvée en partie', REJECTED: 'Refusée', SHIPPED: 'Expédiée', CANCELLED: 'Annulée' };

function orderHtml(order) {
  const steps = order.history.map((s) => `<li>${escapeHtml(formatInstant(s.at))} : ${STEP[s.status] ?? s.status}, par ${escapeHtml(formatAuthor(s.by))}${s.note ? ` (${escapeHtml(s.note)})` : ''}</li>`).join('');
  const shipments = order.shipments.map((s) => `<li>Expédiée le ${escapeHtml(formatDay(s.shippedOn))} à ${escapeHtml(s.deliveryAddress)} : ${s.lots.map((l) => `${escapeHtml(nameOf(l.productCode))}, lot ${escapeHtml(l.lot)} (péremption ${escapeHtml(formatDay(l.expiry))}), ${units(l.quantity, product(l.productCode))}`).join(' ; ')}</li>`).join('');
  return `
<li class="fr-mb-6w" id="commande-${escapeHtml(order.orderId)}" data-order="${escapeHtml(order.orderId)}">
  <h3 class="fr-h5 fr-mb-1w">Commande ${escapeHtml(order.orderId)} ${badge(order.status)}</h3>
  <p class="fr-mb-1w">Jour de commande : jeudi ${escapeHtml(formatDay(order.orderDay))}.</p>
  ${linesTable(order)}
  <p class="fr-mb-1w">Étapes :</p>
  <ul>${steps}${shipments}</ul>
  <div class="annulation">${order.status === 'SUBMITTED' ? `<button type="button" class="fr-btn fr-btn--secondary fr-btn--sm" data-action="annuler">Annuler la commande ${escapeHtml(order.orderId)}</button>` : ''}</div>
</li>`;
}

async function showOrders() {
  const zone = $('#commandes-liste');
  try {
    const { data } = await api(`/v1/orders?finessEt=${encodeURIComponent(pui.finessEt)}`);
    zone.innerHTML = `
<h2 id="commandes-titre">Commandes de la PUI</h2>
${data.length === 0 ? '<p>Aucune commande pour cette PUI.</p>' : `<ol class="fr-raw-list" id="commandes">${data.map(orderHtml).join('')}</ol>`}`;
  } catch (error) {
    showError(zone, error);
  }
}

/** Cancelling asks for a confirmation in place, the focus on it; "Garder" puts everything back. */
function askCancel(item) {
  const orderId = item.dataset.order;
  const zone = item.querySelector('.annulation');
  zone.innerHTML = `
<div class="fr-alert fr-alert--warning fr-alert--sm" role="alert" tabindex="-1">
  <p>Annuler la commande ${escapeHtml(orderId)} ? Elle ne sera pas examinée par l’ARS ; l’annulation est définitive.</p>
  <ul class="fr-btns-group fr-btns-group--inline-sm fr-mt-1w">
    <li><button type="button" class="fr-btn fr-btn--sm" data-action="confirmer-annulation">Confirmer l’annulation</button></li>
    <li><button type="button" class="fr-btn fr-btn--secondary fr-btn--sm" data-action="garder">Garder la commande</button></li>
  </ul>
</div>`;
  zone.querySelector('.fr-alert').focus();
}

async function cancel(item) {
  const zone = item.querySelector('.annulation');
  zone.querySelectorAll('button').forEach((b) => { b.disabled = true; });
  try {
    await api(`/v1/orders/${encodeURIComponent(item.dataset.order)}/cancel`, { method: 'POST' });
    await showOrders();
    const title = $(`#commande-${CSS.escape(item.dataset.order)} h3`);
    title?.setAttribute('tabindex', '-1');
    title?.focus();
  } catch (error) {
    showError(zone, error);
  }
}

if (session) {
  main.innerHTML = `
<div class="fr-container fr-my-6w">
  <h1>Commandes de produits du stock d’État</h1>
  <p>Vaccins, antiviraux et dispositifs d’administration du stock stratégique de l’État, commandés pour le prochain
    jour de commande (le premier jeudi du mois, clôture à midi). Les lots détenus se déclarent dans l’onglet
    <a href="stock-etat.html">Stock d’État</a>.</p>
  <div class="fr-grid-row"><div class="fr-col-12 fr-col-md-8" id="choix-pui"><p>Chargement…</p></div></div>
  <div id="erreur-page"></div>
  <section id="commande" class="fr-mt-4w"></section>
  <section id="commandes-liste" class="fr-mt-6w"></section>
</div>`;
  $('#commandes-liste').addEventListener('click', (event) => {
    const item = event.target.closest('[data-order]');
    const action = event.target.dataset.action;
    if (action === 'annuler') askCancel(item);
    if (action === 'confirmer-annulation') cancel(item);
    if (action === 'garder') showOrders();
  });
  try {
    [catalogue, calendar] = await Promise.all(['/v1/state-stock/products', '/v1/state-stock/calendar']
      .map((path) => api(path).then((r) => r.data)));
  } catch (error) {
    showError($('#erreur-page'), error);
  }
  if (calendar) {
    await choosePui(session, (chosen) => {
      pui = chosen;
      showForm();
      showOrders();
    });
  }
}
