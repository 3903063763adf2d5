// Expéditions: the supplier's approved orders to ship, each with the PUI's delivery address and
// contact (GET /v1/orders/{id}/delivery, its only view of the register), and the lots shipped
// with their expiry: never more of a product than the ARS approved (checked here as typed, and by
// the API), then the orders already shipped. A shipment recorded, both lists are read again.
import { api } from './api.js';
import { clearMessages, markField, showErrors } from './forms.js';
import { escapeHtml, pageBody, showError, startPage } from './layout.js';
import { formatDay, formatNumber, isoDay, parisToday, showSendFailure } from './format.js';
import { table } from './historique.js';
import { catalogue, inUnits, orderStatus, unitOf } from './commande.js';

const today = isoDay(parisToday());
let products = new Map(); // the catalogue by product code
const nameOf = (code) => products.get(code)?.name ?? code;
const quantityOf = (quantity, code) => escapeHtml(inUnits(quantity, products.get(code)));
let rowsMade = 0;

const approvedLines = (order) => order.lines.filter((l) => (l.approvedQuantity ?? 0) > 0);

function lotRow(order, line) {
  const r = `lot${rowsMade += 1}`;
  const options = approvedLines(order).map((l) => `<option value="${escapeHtml(l.productCode)}"${l === line ? ' selected' : ''}>${escapeHtml(nameOf(l.productCode))}</option>`).join('');
  return `<tr data-row="${r}">
  <td><div class="fr-select-group fr-mb-0"><label class="fr-label" for="${r}-produit">Produit</label><select class="fr-select" id="${r}-produit" data-field="productCode">${options}</select></div></td>
  <td><div class="fr-input-group fr-mb-0"><label class="fr-label" for="${r}-lot">Numéro de lot</label><input class="fr-input" id="${r}-lot" data-field="lot"></div></td>
  <td><div class="fr-input-group fr-mb-0"><label class="fr-label" for="${r}-peremption">Péremption</label><input class="fr-input" type="date" id="${r}-peremption" data-field="expiry"></div></td>
  <td><div class="fr-input-group fr-mb-0"><label class="fr-label" for="${r}-quantite">Quantité <span class="fr-hint-text unite">${escapeHtml(unitOf(products.get((line ?? approvedLines(order)[0])?.productCode)))}</span></label><input class="fr-input" inputmode="numeric" id="${r}-quantite" data-field="quantity" value="${line ? line.approvedQuantity : ''}"></div></td>
  <td><button type="button" class="fr-btn fr-btn--sm fr-btn--tertiary" data-remove="${r}">Retirer<span class="fr-sr-only"> ce lot</span></button></td>
</tr>`;
}

function addressOf(d) {
  const a = d.deliveryAddress ?? {};
  return [a.line1, a.line2, `${a.postalCode ?? ''} ${a.city ?? ''}`.trim()].filter(Boolean).map(escapeHtml).join('<br>');
}

function orderCard(order, delivery) {
  const o = escapeHtml(order.orderId);
  return `
<li class="fr-mb-6w" id="commande-${o}">
  <h3 class="fr-h5 fr-mb-1w">${escapeHtml(delivery.name)} — commande ${o} ${orderStatus(order.status)}</h3>
  <div class="fr-grid-row fr-grid-row--gutters">
    <div class="fr-col-12 fr-col-md-6"><p class="fr-mb-1w"><strong>Adresse de livraison</strong><br>${addressOf(delivery)}</p></div>
    <div class="fr-col-12 fr-col-md-6"><p class="fr-mb-1w"><strong>Contact</strong><br>${escapeHtml(delivery.email ?? '')}${delivery.phone ? `<br>${escapeHtml(delivery.phone)}` : ''}<br>PUI ${escapeHtml(delivery.finessEt)}</p></div>
  </div>
  ${table(`Quantités approuvées de la commande ${order.orderId}`, ['Produit', 'Commandé', 'Approuvé par l’ARS'],
    order.lines.map((l) => [escapeHtml(nameOf(l.productCode)), quantityOf(l.quantity, l.productCode), quantityOf(l.approvedQuantity ?? 0, l.productCode)]), { rowHeaders: true })}
  <div class="expedition">
  <form novalidate>
    <div class="fr-input-group"><label class="fr-label" for="${o}-date">Expédiée le</label>
      <input class="fr-input" type="date" id="${o}-date" value="${today}" max="${today}" data-pointer="/shippedOn"></div>
    <div class="fr-table fr-table--sm"><div class="fr-table__wrapper"><div class="fr-table__container"><div class="fr-table__content">
      <table><caption>Lots expédiés pour la commande ${o}</caption>
        <thead><tr><th scope="col">Produit</th><th scope="col">Lot</th><th scope="col">Péremption</th><th scope="col">Quantité</th><th scope="col">Retirer</th></tr></thead>
        <tbody>${approvedLines(order).map((l) => lotRow(order, l)).join('')}</tbody>
      </table>
    </div></div></div></div>
    <ul class="fr-btns-group fr-btns-group--inline">
      <li><button type="button" class="fr-btn fr-btn--secondary" data-action="ajouter">Ajouter un lot</button></li>
      <li><button type="submit" class="fr-btn">Enregistrer l’expédition<span class="fr-sr-only"> de la commande ${o}</span></button></li>
    </ul>
  </form>
  </div>
</li>`;
}

/** The form's lot rows in order, their fields pointed as the API will name them (/lines/N/…). */
function readLots(form) {
  return [...form.querySelectorAll('tbody tr')].map((tr, i) => {
    const line = {};
    tr.querySelectorAll('[data-field]').forEach((f) => {
      f.dataset.pointer = `/lines/${i}/${f.dataset.field}`;
      line[f.dataset.field] = f.value.trim() || null;
    });
    line.quantity = /^\d+$/.test(line.quantity ?? '') ? Number(line.quantity) : line.quantity;
    return line;
  });
}

/** More of a product than approved: the rows that overflow it, said before anything is sent. */
function overApproved(order, lots) {
  const shipped = new Map();
  return lots.map((l, i) => {
    const approved = order.lines.find((x) => x.productCode === l.productCode)?.approvedQuantity ?? 0;
    const total = (shipped.get(l.productCode) ?? 0) + (Number.isInteger(l.quantity) ? l.quantity : 0);
    shipped.set(l.productCode, total);
    return total > approved ? { pointer: `/lines/${i}/quantity`, message: `plus de ${nameOf(l.productCode)} que les ${inUnits(approved, products.get(l.productCode))} approuvées` } : null;
  }).filter(Boolean);
}

function wire(item, order) {
  const form = item.querySelector('form');
  const body = form.querySelector('tbody');
  form.querySelector('[data-action="ajouter"]').addEventListener('click', () => {
    body.insertAdjacentHTML('beforeend', lotRow(order, null));
    body.lastElementChild.querySelector('[data-field="lot"]').focus();
  });
  body.addEventListener('click', (event) => {
    const remove = event.target.closest('[data-remove]');
    if (remove) remove.closest('tr').remove();
  });
  // a row's quantity is counted in its product's unit: another product, another unit
  body.addEventListener('change', (event) => {
    if (event.target.dataset.field !== 'productCode') return;
    event.target.closest('tr').querySelector('.unite').textContent = unitOf(products.get(event.target.value));
  });
  body.addEventListener('input', (event) => {
    if (event.target.dataset.field !== 'quantity') return;
    clearMessages(form);
    overApproved(order, readLots(form)).forEach((e) => markField(form.querySelector(`[data-pointer="${e.pointer}"]`), e.message));
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const lines = readLots(form);
    const tooMany = overApproved(order, lines);
    if (tooMany.length) {
      showErrors(form, tooMany, 'Jamais plus que la quantité approuvée');
      return;
    }
    clearMessages(form);
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const { data } = await api(`/v1/orders/${encodeURIComponent(order.orderId)}/shipments`, {
        method: 'POST', body: { shippedOn: form.querySelector('[data-pointer="/shippedOn"]').value || null, lines },
      });
      const last = data.shipments[data.shipments.length - 1];
      await show(`<div class="fr-alert fr-alert--success fr-mb-4w" id="expedition-faite" role="status" tabindex="-1"><h2 class="fr-alert__title">Expédition enregistrée</h2>
        <p>Commande ${escapeHtml(order.orderId)} ${orderStatus(data.status)} le ${escapeHtml(formatDay(last.shippedOn))} vers ${escapeHtml(last.deliveryAddress)}.</p></div>`)
        .catch((error) => showError(content, error));
    } catch (error) {
      showSendFailure(form, error, 'L’expédition n’a pas été enregistrée', 'Les lots saisis sont conservés dans le formulaire.');
      button.disabled = false;
    }
  });
}

function shippedTable(orders) {
  if (!orders.length) return '<p>Aucune commande expédiée.</p>';
  return table('Commandes expédiées', ['Commande', 'PUI', 'Expédiée le', 'Lots'], orders.map((o) => {
    const s = o.shipments[o.shipments.length - 1];
    return [escapeHtml(o.orderId), escapeHtml(o.finessEt), s ? escapeHtml(formatDay(s.shippedOn)) : '—',
      s ? s.lots.map((l) => `${escapeHtml(nameOf(l.productCode))}, lot ${escapeHtml(l.lot)} (${escapeHtml(formatDay(l.expiry))}) : ${quantityOf(l.quantity, l.productCode)}`).join('<br>') : '—'];
  }), { rowHeaders: true });
}

/** The orders to ship and those shipped, as they stand now; {@code done}: the alert of a shipment just recorded. */
async function show(done = '') {
  const [approved, partly, shipped] = await Promise.all(['APPROVED', 'PARTIALLY_APPROVED', 'SHIPPED']
    .map((status) => api(`/v1/orders?status=${status}`).then((r) => r.data)));
  const toShip = [...approved, ...partly].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const deliveries = await Promise.all(toShip.map((o) => api(`/v1/orders/${encodeURIComponent(o.orderId)}/delivery`).then((r) => r.data)));
  content.innerHTML = `${done}
<section aria-labelledby="a-expedier" class="fr-mb-6w">
  <h2 id="a-expedier">Commandes approuvées à expédier (${formatNumber(toShip.length)})</h2>
  <p>Saisissez les lots expédiés et leur date de péremption : jamais plus que la quantité approuvée par l’ARS.</p>
  ${toShip.length ? `<ul class="fr-raw-list">${toShip.map((o, i) => orderCard(o, deliveries[i])).join('')}</ul>` : '<p>Aucune commande à expédier.</p>'}
</section>
<section aria-labelledby="expediees"><h2 id="expediees">Commandes expédiées</h2>${shippedTable(shipped.slice(0, 20))}</section>`;
  toShip.forEach((o) => wire(document.getElementById(`commande-${o.orderId}`), o));
  content.querySelector('#expedition-faite')?.focus();
}

const session = await startPage('expeditions');
const content = session ? pageBody('Expéditions') : null;
if (session) {
  try {
    products = await catalogue();
    await show();
  } catch (error) {
    showError(content, error);
  }
}
