// What the order screens share (the pharmacist's, the ARS's review, the supplier's shipments): an
// order's status as a badge, the catalogue, its product names and units.
import { api } from './api.js';
import { counted } from './format.js';

const STATUS = {
  SUBMITTED: ['Envoyée à l’ARS', 'info'],
  APPROVED: ['Approuvée', 'success'],
  PARTIALLY_APPROVED: ['Approuvée en partie', 'warning'],
  REJECTED: ['Refusée', 'error'],
  SHIPPED: ['Expédiée', 'success'],
  CANCELLED: ['Annulée', ''],
};

/** The status as a DSFR badge. */
export const orderStatus = (status) => `<span class="fr-badge fr-badge--sm${STATUS[status]?.[1] ? ` fr-badge--${STATUS[status][1]}` : ''}">${STATUS[status]?.[0] ?? status}</span>`;

/** The catalogue by product code: every product, orderable or not (old orders name products no longer orderable). */
export async function catalogue() {
  const { data } = await api('/v1/state-stock/products');
  return new Map(data.map((p) => [p.code, p]));
}

// the catalogue counts in English units (its contract with the supplier's software): a dose, a capsule, a piece
// (a syringe, a needle: the product's name says which); every French unit is feminine ("commandées")
const UNIT = { dose: ['dose', 'doses'], capsule: ['gélule', 'gélules'], piece: ['unité', 'unités'] };
const unitsOf = (p) => UNIT[p?.unit] ?? [p?.unit ?? 'unité', p?.unit ?? 'unités'];
/** A product's unit in French, plural: "Boîte de 20 doses". */
export const unitOf = (p) => unitsOf(p)[1];
/** A quantity with its product's unit, as text: "84 doses", "1 dose". */
export const inUnits = (quantity, p) => counted(quantity, ...unitsOf(p));
