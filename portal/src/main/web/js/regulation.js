// Régulation des commandes: the ARS's queue of its region's State-stock orders still to review,
// those of the coming order day first. Beside each line, what the PUI declared in its last
// Thursday lots (units held of that product, by lot). Each line approved, reduced or rejected with
// a reason; an order someone else reviewed meanwhile (the API's 409) is explained and shown as it
// now stands. When the orders of a day ask more than the supplier has, each line comes with the
// fair share proposed (GET /v1/state-stock/allocation: every PUI of France brought to the same
// coverage in days), already in the form and editable: the ARS decides. The devices proposed with
// vaccines (syringes) follow the vaccines: in the proposal, and in the form when the ARS changes a
// vaccine's quantity (whole packs, never above ordered; still editable).
import { api, findOrNull } from './api.js';
import { clearMessages, showSummary } from './forms.js';
import { escapeHtml, pageBody, showError, startPage } from './layout.js';
import { counted, formatAuthor, formatDay, formatInstant, lastThursday, showSendFailure } from './format.js';
import { table } from './historique.js';
import { catalogue, inUnits, orderStatus } from './commande.js';
import { regionName } from './autorites.js';

let products = new Map();
const nameOf = (code) => products.get(code)?.name ?? code;
const quantityOf = (quantity, code) => inUnits(quantity, products.get(code));
/** The fair share proposed for each line in shortage, by `orderId/productCode`. */
let proposed = new Map();

/** The proposals of these order days for the region: the day's products in shortage, and each line's share. */
async function proposals(region, days) {
  const answers = await Promise.all(days.map((day) => api(`/v1/state-stock/allocation?orderDay=${day}&region=${encodeURIComponent(region)}`).then((r) => r.data)));
  const byLine = new Map();
  const proposed = answers.flatMap((a) => a.products.filter((p) => p.shortage || p.followsVaccines).map((p) => ({ ...p, orderDay: a.orderDay })));
  proposed.forEach((p) => p.lines.forEach((l) => byLine.set(`${l.orderId}/${p.productCode}`, { ...l, product: p })));
  return { byLine, shortages: proposed.filter((p) => p.shortage) };
}

const DEVICES_REASON = 'Dispositifs d’administration ramenés à ce qu’il faut pour les vaccins approuvés (boîtes entières).';

const days = (d) => (d === null || d === undefined ? 'inconnue' : counted(Math.round(d), 'jour', 'jours'));

/** Why the proposal is what it is, in one sentence. */
function proposalText(p, line) {
  if (line.proposed && p.product.followsVaccines) {
    return `Proposition : ${quantityOf(p.proposed, line.productCode)} sur ${quantityOf(p.asked, line.productCode)}, ce qu’il faut pour les vaccins proposés de la commande (boîtes entières).`;
  }
  const units = (n) => quantityOf(n, line.productCode);
  return `Proposition : ${units(p.proposed)} sur ${units(p.asked)} (stock ${units(p.stock)}, `
    + `${p.dailyUse === null ? 'consommation inconnue : la commande est comptée pour 28 jours' : `consommation ${units(Math.round(p.dailyUse * 10) / 10)} par jour`}, `
    + `couverture ${days(p.coverageBefore)} → ${days(p.coverageAfter)}).`;
}

function shortageNotice(shortages) {
  if (!shortages.length) return '';
  return `<div class="fr-notice fr-notice--info fr-mb-4w"><div class="fr-container"><div class="fr-notice__body"><p class="fr-notice__title">Stock disponible insuffisant</p>
<ul>${shortages.map((p) => `<li>${escapeHtml(p.name)}, journée du ${escapeHtml(formatDay(p.orderDay))} : ${escapeHtml(quantityOf(p.available, p.productCode))} ${p.available >= 2 ? 'disponibles' : 'disponible'} pour ${escapeHtml(quantityOf(p.asked, p.productCode))} ${p.asked >= 2 ? 'demandées' : 'demandée'} en France (${escapeHtml(quantityOf(p.approved, p.productCode))} déjà ${p.approved >= 2 ? 'approuvées' : 'approuvée'}).
  Les quantités proposées portent chaque PUI à la même couverture, ${days(p.level)}, en boîtes entières ; vous pouvez les modifier.</li>`).join('')}</ul></div></div></div>`;
}

/** The proposals could not be had: the orders are shown as asked, each line to decide by hand. */
function unavailableNotice(error) {
  return `<div class="fr-notice fr-notice--warning fr-mb-4w" id="propositions-indisponibles"><div class="fr-container"><div class="fr-notice__body"><p class="fr-notice__title">Propositions de répartition indisponibles</p>
<p>${escapeHtml(error.message)} Les commandes sont affichées sans proposition : vous pouvez les examiner, ou recharger la page plus tard pour obtenir les propositions.</p></div></div></div>`;
}

/**
 * What the PUI declared of one product that Thursday: units usable (expired lots, said so, count for nothing:
 * as in the fair share's stock) and lots, or a word when nothing.
 */
function declared(lots, productCode, today) {
  if (!lots) return 'Aucun lot déclaré';
  const held = lots.lines.filter((l) => l.productCode === productCode && l.quantity > 0);
  if (!held.length) return escapeHtml(quantityOf(0, productCode));
  const expired = (l) => l.expired || l.expiry < today;
  const total = held.filter((l) => !expired(l)).reduce((s, l) => s + l.quantity, 0);
  return `${escapeHtml(quantityOf(total, productCode))} non ${total >= 2 ? 'périmées' : 'périmée'}<br><span class="fr-text--xs">${held.map((l) => `lot ${escapeHtml(l.lot)}, ${escapeHtml(quantityOf(l.quantity, productCode))}, péremption ${escapeHtml(formatDay(l.expiry))}${expired(l) ? ' (périmé)' : ''}`).join('<br>')}</span>`;
}

function reviewedView(order) {
  const last = order.history[order.history.length - 1];
  return `<p>${orderStatus(order.status)} — ${escapeHtml(formatInstant(last.at))}, par ${escapeHtml(formatAuthor(last.by))}</p>
${table(`Décision sur la commande ${order.orderId}`, ['Produit', 'Commandé', 'Approuvé', 'Motif'],
    order.lines.map((l) => [escapeHtml(nameOf(l.productCode)), escapeHtml(quantityOf(l.quantity, l.productCode)),
      escapeHtml(quantityOf(l.approvedQuantity ?? 0, l.productCode)), escapeHtml(l.reason ?? '')]), { rowHeaders: true })}`;
}

/** The line's decision: approve, reduce or reject, the quantity approved and the reason; the fair share already in it when there is one. */
function lineDecision(k, i, line, share) {
  const p = `c${k}-l${i}`;
  const name = escapeHtml(nameOf(line.productCode));
  let choice = 'approuver';
  if (share && share.proposed < line.quantity) choice = share.proposed === 0 ? 'refuser' : 'reduire';
  const option = (value, label) => `<option value="${value}"${value === choice ? ' selected' : ''}>${label}</option>`;
  let reason = '';
  if (share && share.proposed < line.quantity) {
    reason = line.proposed && share.product.followsVaccines ? DEVICES_REASON
      : `Stock national insuffisant : répartition équitable entre les PUI (couverture portée à ${days(share.coverageAfter)}).`;
  }
  return `
<fieldset class="fr-fieldset fr-mb-2w" aria-labelledby="${p}-legende">
  <legend class="fr-fieldset__legend fr-text--regular" id="${p}-legende"><strong>${name}</strong> : ${escapeHtml(quantityOf(line.quantity, line.productCode))} ${line.quantity >= 2 ? 'commandées' : 'commandée'}</legend>
  ${share ? `<p class="fr-fieldset__element fr-text--sm proposition" id="${p}-proposition">${escapeHtml(proposalText(share, line))}</p>` : ''}
  <div class="fr-fieldset__element"><div class="fr-grid-row fr-grid-row--gutters">
    <div class="fr-col-12 fr-col-md-3"><div class="fr-select-group"><label class="fr-label" for="${p}-decision">Décision</label>
      <select class="fr-select" id="${p}-decision" data-line="${i}">${option('approuver', 'Approuver')}${option('reduire', 'Réduire')}${option('refuser', 'Refuser')}</select></div></div>
    <div class="fr-col-12 fr-col-md-3"><div class="fr-input-group"><label class="fr-label" for="${p}-quantite">Quantité approuvée</label>
      <input class="fr-input" id="${p}-quantite" inputmode="numeric" value="${share ? share.proposed : line.quantity}"${choice === 'reduire' ? '' : ' readonly'} data-pointer="/lines/${i}/approvedQuantity"${share ? ` aria-describedby="${p}-proposition"` : ''}></div></div>
    <div class="fr-col-12 fr-col-md-6"><div class="fr-input-group"><label class="fr-label" for="${p}-motif">Motif<span class="fr-hint-text">Obligatoire si vous réduisez ou refusez</span></label>
      <textarea class="fr-input" id="${p}-motif" rows="2" data-pointer="/lines/${i}/reason">${escapeHtml(reason)}</textarea></div></div>
  </div></div>
</fieldset>`;
}

function orderCard(k, order, pui, lots, thursday, today) {
  return `
<li class="fr-mb-6w" id="commande-${escapeHtml(order.orderId)}">
  <h3 class="fr-h5 fr-mb-1w">${escapeHtml(pui.name)} — commande ${escapeHtml(order.orderId)}</h3>
  <p class="fr-mb-1w">PUI ${escapeHtml(pui.finessEt)}, passée le ${escapeHtml(formatInstant(order.createdAt))} pour le jeudi ${escapeHtml(formatDay(order.orderDay))}.
    Lots déclarés par la PUI le jeudi ${escapeHtml(formatDay(thursday))}${lots ? '' : ' : aucun'}.</p>
  ${table(`Lignes de la commande ${order.orderId}`, ['Produit', 'Commandé', `Lots déclarés le ${formatDay(thursday)}`],
    order.lines.map((line) => [`${escapeHtml(nameOf(line.productCode))}${line.proposed ? '<br><span class="fr-text--xs">proposé avec les vaccins</span>' : ''}`,
      escapeHtml(quantityOf(line.quantity, line.productCode)), declared(lots, line.productCode, today)]), { rowHeaders: true })}
  <div class="decision">
  <form novalidate data-order="${escapeHtml(order.orderId)}">
    ${order.lines.map((line, i) => lineDecision(k, i, line, proposed.get(`${order.orderId}/${line.productCode}`))).join('')}
    <button type="submit" class="fr-btn">Enregistrer la décision<span class="fr-sr-only"> sur la commande ${escapeHtml(order.orderId)}</span></button>
  </form>
  </div>
</li>`;
}

/** How many devices of this code go with each unit of that product (0 when none). */
const perUnit = (productCode, deviceCode) => (products.get(productCode)?.devices ?? []).find((d) => d.code === deviceCode)?.perUnit ?? 0;

/**
 * The devices proposed with the vaccines follow the vaccines' approved quantities: what these need, in whole packs,
 * never above ordered; their decision and reason with it. The ARS may still change them afterwards.
 */
function followDevices(form, order) {
  const approved = (i) => {
    const typed = form.querySelector(`[data-pointer="/lines/${i}/approvedQuantity"]`).value.trim();
    return /^\d+$/.test(typed) ? Number(typed) : order.lines[i].quantity;
  };
  order.lines.forEach((device, i) => {
    if (!device.proposed) return;
    const needed = order.lines.reduce((sum, line, j) => sum + approved(j) * perUnit(line.productCode, device.productCode), 0);
    const pack = products.get(device.productCode)?.packSize ?? 1;
    const quantity = Math.min(device.quantity, Math.ceil(needed / pack) * pack);
    const select = form.querySelector(`select[data-line="${i}"]`);
    select.value = quantity === device.quantity ? 'approuver' : quantity === 0 ? 'refuser' : 'reduire';
    const field = form.querySelector(`[data-pointer="/lines/${i}/approvedQuantity"]`);
    field.value = quantity;
    field.readOnly = select.value !== 'reduire';
    const reason = form.querySelector(`[data-pointer="/lines/${i}/reason"]`);
    if (quantity < device.quantity && !reason.value.trim()) reason.value = DEVICES_REASON;
    if (quantity === device.quantity && reason.value === DEVICES_REASON) reason.value = '';
  });
}

function wire(item, order) {
  const form = item.querySelector('form');
  const zone = item.querySelector('.decision');
  const carriesDevices = (line) => order.lines.some((d) => d.proposed && perUnit(line.productCode, d.productCode) > 0);
  form.querySelectorAll('select[data-line]').forEach((select) => select.addEventListener('change', () => {
    const line = order.lines[Number(select.dataset.line)];
    const quantity = form.querySelector(`#${select.id.replace('-decision', '-quantite')}`);
    quantity.readOnly = select.value !== 'reduire';
    if (select.value === 'approuver') quantity.value = line.quantity;
    if (select.value === 'refuser') quantity.value = 0;
    if (select.value === 'reduire') quantity.focus();
    if (carriesDevices(line)) followDevices(form, order);
  }));
  order.lines.forEach((line, i) => {
    if (carriesDevices(line)) {
      form.querySelector(`[data-pointer="/lines/${i}/approvedQuantity"]`).addEventListener('input', () => followDevices(form, order));
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearMessages(form);
    const lines = order.lines.map((line, i) => ({
      productCode: line.productCode,
      approvedQuantity: form.querySelector(`[data-pointer="/lines/${i}/approvedQuantity"]`).value.trim(),
      reason: form.querySelector(`[data-pointer="/lines/${i}/reason"]`).value.trim() || null,
    })).map((l) => ({ ...l, approvedQuantity: /^\d+$/.test(l.approvedQuantity) ? Number(l.approvedQuantity) : l.approvedQuantity }));
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    try {
      const { data } = await api(`/v1/orders/${encodeURIComponent(order.orderId)}/review`, { method: 'POST', body: { lines } });
      zone.innerHTML = `<div class="fr-alert fr-alert--success fr-mb-2w" role="status" tabindex="-1"><h4 class="fr-alert__title">Décision enregistrée</h4></div>${reviewedView(data)}`;
      zone.firstElementChild.focus();
    } catch (error) {
      if (error.kind === 'conflict' || error.kind === 'precondition-failed') {
        // someone reviewed it meanwhile: his decision stands, shown as it is now
        const { data } = await api(`/v1/orders/${encodeURIComponent(order.orderId)}`);
        zone.innerHTML = `<div class="fr-alert fr-alert--warning fr-mb-2w" role="alert" tabindex="-1"><h4 class="fr-alert__title">Cette commande a été examinée entre-temps</h4>
          <p>Quelqu’un d’autre a enregistré sa décision pendant que vous la consultiez ; la vôtre n’a pas été enregistrée. Voici la commande rechargée.</p></div>${reviewedView(data)}`;
        zone.firstElementChild.focus();
      } else {
        showSendFailure(form, error, 'La décision n’a pas été enregistrée', 'Vos choix sont conservés dans le formulaire.');
      }
    } finally {
      button.disabled = false;
    }
  });
}

async function section(title, id, orders, calendar, start) {
  const thursday = lastThursday(new Date(`${calendar.today}T12:00:00`)); // by the server's calendar
  const cards = await Promise.all(orders.map(async (order, j) => {
    const [pui, lots] = await Promise.all([
      api(`/v1/puis/${encodeURIComponent(order.finessEt)}`).then((r) => r.data),
      findOrNull(`/v1/puis/${encodeURIComponent(order.finessEt)}/state-stock/${thursday}`),
    ]);
    return orderCard(start + j, order, pui, lots, thursday, calendar.today);
  }));
  return `<section aria-labelledby="${id}" class="fr-mb-6w"><h2 id="${id}">${title}</h2>
${cards.length ? `<ul class="fr-raw-list">${cards.join('')}</ul>` : '<p>Aucune commande à examiner.</p>'}</section>`;
}

const session = await startPage('regulation');
if (session) {
  const content = pageBody('Régulation des commandes');
  const { region } = session.user;
  try {
    const [calendar, queue, catalogued] = await Promise.all([
      api('/v1/state-stock/calendar').then((r) => r.data),
      api(`/v1/orders?region=${encodeURIComponent(region)}&status=SUBMITTED`).then((r) => r.data),
      catalogue(),
    ]);
    products = catalogued;
    const coming = queue.filter((o) => o.orderDay === calendar.nextOrderDay);
    const earlier = queue.filter((o) => o.orderDay !== calendar.nextOrderDay).sort((a, b) => a.orderDay.localeCompare(b.orderDay));
    // the proposals only help: without them (an API throttled, unavailable) the queue is still reviewed
    const fair = await proposals(region, [...new Set(queue.map((o) => o.orderDay))])
      .catch((error) => ({ byLine: new Map(), shortages: [], failure: error }));
    proposed = fair.byLine;
    content.innerHTML = `
<p>Région ${escapeHtml(regionName(region))}. Prochaine journée de commande : jeudi ${escapeHtml(formatDay(calendar.nextOrderDay))}.
  Pour chaque ligne, approuvez, réduisez ou refusez ; un motif est demandé dès que vous approuvez moins que commandé.</p>
${fair.failure ? unavailableNotice(fair.failure) : shortageNotice(fair.shortages)}
${await section(`Commandes du jeudi ${escapeHtml(formatDay(calendar.nextOrderDay))}`, 'file-prochaine', coming, calendar, 0)}
${earlier.length ? await section('Commandes de journées passées encore à examiner', 'file-anterieure', earlier, calendar, coming.length) : ''}`;
    [...coming, ...earlier].forEach((order) => wire(document.getElementById(`commande-${order.orderId}`), order));
  } catch (error) {
    showError(content, error);
  }
}
