// What the order screens share (the pharmacist's, the ARS's review, the supplier's shipments): an
// order's status as a badge, and the catalogue's product names.
import { api } from './api.js';

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

/** A function giving a product's name by its code (the code itself when the catalogue lacks it). */
export async function productNamer() {
  const { data } = await api('/v1/state-stock/products');
  const names = new Map(data.map((p) => [p.code, p.name]));
  return (code) => names.get(code) ?? code;
}
