// The shell of every page, DSFR patterns: skip links, header (State identity, service name, the
// signed-in user, sign-out), main navigation, footer. One call per page:
//   const session = await startPage('puis');   // null when nobody is signed in (a notice is shown)
import { currentSession, signIn, signOut } from './auth.js';
import { detailInFrench } from './messages.js';

// `roles`: who may open the page (any of them); none: everyone signed in. The navigation shows a
// role only its pages, and a page refuses the others (the API refuses them too: this only spares
// them a screen of errors).
const PHARMACIST = ['PHARMACIST'];
const AUTHORITIES = ['NATIONAL', 'ARS', 'OMEDIT'];
// The navigation's sub-menus (DSFR "menu déroulant"): a role's entries of one group, when it has two
// or more, sit under one button, so that the national operator's ten entries fit on one line at
// 1,280 px. A group's entries follow each other in NAVIGATION (the home's tiles keep its order).
const GROUPS = { referentiels: 'Référentiels', pilotage: 'Pilotage', communication: 'Communication' };
const NAVIGATION = [
  { id: 'accueil', href: 'index.html', label: 'Accueil' },
  { id: 'puis', href: 'puis.html', label: 'PUIs', roles: PHARMACIST },
  { id: 'declaration', href: 'declaration.html', label: 'Déclaration hebdomadaire', roles: PHARMACIST },
  { id: 'stock-etat', href: 'stock-etat.html', label: 'Stock d’État', roles: PHARMACIST },
  { id: 'commandes', href: 'commandes.html', label: 'Commandes', roles: PHARMACIST },
  { id: 'etablissements', group: 'referentiels', href: 'etablissements.html', label: 'Établissements', roles: ['ARS', 'NATIONAL'], purpose: 'Le répertoire FINESS : sites, PUI, historique, et l’import d’un extrait.' },
  { id: 'medicaments', group: 'referentiels', href: 'medicaments.html', label: 'Médicaments suivis', roles: ['NATIONAL', 'ARS', 'OMEDIT'], purpose: 'Les médicaments déclarés chaque semaine, leurs codes UCD et leur période de suivi.' },
  { id: 'consignes', group: 'referentiels', href: 'consignes.html', label: 'Consignes', roles: ['NATIONAL', 'ARS'], purpose: 'Les consignes affichées aux pharmaciens : rédiger, prévisualiser, publier.' },
  { id: 'regulation', href: 'regulation.html', label: 'Régulation des commandes', roles: ['ARS'], purpose: 'Les commandes du stock d’État de la région : accepter, réduire ou refuser chaque ligne.' },
  { id: 'expeditions', href: 'expeditions.html', label: 'Expéditions', roles: ['SUPPLIER'], purpose: 'Les commandes acceptées à expédier : adresse de livraison, lots et péremptions envoyés.' },
  { id: 'completude', group: 'pilotage', href: 'completude.html', label: 'Complétude', roles: AUTHORITIES, purpose: 'Qui a déclaré la semaine, par région, département et PUI ; la liste des PUI en retard.' },
  { id: 'indicateurs', group: 'pilotage', href: 'indicateurs.html', label: 'Indicateurs', roles: AUTHORITIES, purpose: 'Les indicateurs T0, M6 et M12 par région (complétude, ruptures, couverture, alertes), en CSV, et les territoires en retard sur la médiane nationale.' },
  { id: 'stock', group: 'pilotage', href: 'stock.html', label: 'Situation des stocks', roles: AUTHORITIES, purpose: 'Les jours de couverture d’un médicament, la carte de France et la tendance sur 8 semaines.' },
  { id: 'campagnes', group: 'communication', href: 'campagnes.html', label: 'Campagnes', roles: ['NATIONAL', 'ARS'], purpose: 'Écrire aux PUI (toutes, une région, les non-déclarants) et suivre l’envoi.' },
  { id: 'relances', group: 'communication', href: 'relances.html', label: 'Relances', roles: ['NATIONAL'], purpose: 'Ce que chaque relance programmée a envoyé la dernière fois.' },
  { id: 'effacement', href: 'effacement.html', label: 'Effacement d’un compte', roles: ['NATIONAL'], purpose: 'Effacer l’adresse d’une personne (RGPD) : un pseudonyme la remplace dans toutes les traces.' },
];

/** Whether the signed-in user may open this navigation entry. */
const opens = (entry, user) => !entry.roles || entry.roles.some((r) => user.roles.includes(r));

/** The pages of the authorities' workspace this user may open ({id, href, label, purpose}), for the home page. */
export const workspaceOf = (user) => NAVIGATION.filter((n) => n.purpose && opens(n, user));

const ROLE_NAMES = {
  PHARMACIST: 'pharmaciens de PUI', ARS: 'agences régionales de santé (ARS)', OMEDIT: 'OMEDIT',
  NATIONAL: 'opérateur national', SUPPLIER: 'fournisseur du stock d’État',
};

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe to put inside HTML built by our modules. */
export function escapeHtml(value) {
  return String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** A DSFR badge (`type`: success, warning, error, info…), small in the authorities' dense tables. */
export const badge = (type, text, { small = false } = {}) =>
  `<p class="fr-badge fr-badge--${type}${small ? ' fr-badge--sm' : ''} fr-badge--no-icon">${escapeHtml(text)}</p>`;

const SKIP_LINKS = `
<div class="fr-skiplinks">
  <nav class="fr-container" role="navigation" aria-label="Accès rapide">
    <ul class="fr-skiplinks__list">
      <li><a class="fr-link" href="#contenu">Contenu</a></li>
      <li><a class="fr-link" href="#navigation">Menu</a></li>
      <li><a class="fr-link" href="#pied-de-page">Pied de page</a></li>
    </ul>
  </nav>
</div>`;

const link = (n, current) => `<a class="fr-nav__link" href="${n.href}"${n.id === current ? ' aria-current="page"' : ''}>${n.label}</a>`;

/** The navigation's items: a link per entry, or a sub-menu for two or more entries of one group. */
function navigationItems(visible, current) {
  const rows = [];
  for (const n of visible) {
    const last = rows.at(-1);
    if (n.group && last?.group === n.group) {
      last.entries.push(n);
    } else {
      rows.push({ group: n.group, entries: [n] });
    }
  }
  return rows.map(({ group, entries }) => {
    if (entries.length === 1) {
      return `<li class="fr-nav__item">${link(entries[0], current)}</li>`;
    }
    const here = entries.some((n) => n.id === current);
    return `<li class="fr-nav__item">
      <button type="button" class="fr-nav__btn" aria-expanded="false" aria-controls="menu-${group}"${here ? ' aria-current="true"' : ''}>${GROUPS[group]}</button>
      <div class="fr-collapse fr-menu" id="menu-${group}">
        <ul class="fr-menu__list">${entries.map((n) => `<li>${link(n, current)}</li>`).join('')}</ul>
      </div>
    </li>`;
  }).join('');
}

function header(current, session) {
  const user = session.state === 'signed-in'
    ? `<li><p class="fr-btn fr-btn--tertiary-no-outline" id="utilisateur">${escapeHtml(session.user.email ?? session.user.sub)}</p></li>
       <li><button type="button" class="fr-btn" id="se-deconnecter">Se déconnecter</button></li>`
    : '<li><button type="button" class="fr-btn" id="se-connecter">Se connecter</button></li>';
  const visible = session.state === 'signed-in' ? NAVIGATION.filter((n) => opens(n, session.user)) : NAVIGATION.filter((n) => !n.roles);
  const links = navigationItems(visible, current);
  return `
<header role="banner" class="fr-header">
  <div class="fr-header__body">
    <div class="fr-container">
      <div class="fr-header__body-row">
        <div class="fr-header__brand fr-enlarge-link">
          <div class="fr-header__brand-top">
            <div class="fr-header__logo"><p class="fr-logo">République<br>française</p></div>
            <div class="fr-header__navbar">
              <button type="button" class="fr-btn--menu fr-btn" data-fr-opened="false" aria-controls="menu-principal" aria-haspopup="menu" id="bouton-menu" title="Menu">Menu</button>
            </div>
          </div>
          <div class="fr-header__service">
            <a href="index.html" title="Accueil - Dispostock"><p class="fr-header__service-title">Dispostock</p></a>
            <p class="fr-header__service-tagline">Stocks de médicaments des pharmacies hospitalières</p>
          </div>
        </div>
        <div class="fr-header__tools">
          <div class="fr-header__tools-links"><ul class="fr-btns-group">${user}</ul></div>
        </div>
      </div>
    </div>
  </div>
  <div class="fr-header__menu fr-modal" id="menu-principal" aria-labelledby="bouton-menu">
    <div class="fr-container">
      <button type="button" class="fr-btn--close fr-btn" aria-controls="menu-principal" title="Fermer">Fermer</button>
      <div class="fr-header__menu-links"></div>
      <nav class="fr-nav" id="navigation" role="navigation" aria-label="Menu principal">
        <ul class="fr-nav__list">${links}</ul>
      </nav>
    </div>
  </div>
</header>`;
}

const FOOTER = `
<footer class="fr-footer" role="contentinfo" id="pied-de-page">
  <div class="fr-container">
    <div class="fr-footer__body">
      <div class="fr-footer__brand fr-enlarge-link">
        <a href="index.html" title="Retour à l’accueil - Dispostock"><p class="fr-logo">République<br>française</p></a>
      </div>
      <div class="fr-footer__content">
        <p class="fr-footer__content-desc">Dispostock recueille chaque semaine les stocks de médicaments critiques
          des pharmacies à usage intérieur et distribue les produits du stock stratégique de l’État.</p>
      </div>
    </div>
    <div class="fr-footer__bottom">
      <ul class="fr-footer__bottom-list">
        <li class="fr-footer__bottom-item"><span class="fr-footer__bottom-link">Accessibilité : non conforme (audit à venir)</span></li>
      </ul>
      <div class="fr-footer__bottom-copy">
        <p>Sauf mention contraire, les contenus de ce site sont proposés sous licence etalab-2.0.</p>
      </div>
    </div>
  </div>
</footer>`;

/**
 * Shows an API failure in `container` as a DSFR alert; for an expired session, with a button to
 * sign in again and come back here.
 */
export function showError(container, error) {
  const french = detailInFrench(error.problem?.detail);
  const detail = french ? `<p>${escapeHtml(french)}</p>` : '';
  const again = error.kind === 'session-expired'
    ? '<p><button type="button" class="fr-btn fr-mt-2w" data-action="se-reconnecter">Se reconnecter</button></p>' : '';
  container.innerHTML = `
<div class="fr-alert fr-alert--${error.kind === 'session-expired' ? 'warning' : 'error'}" role="alert">
  <h2 class="fr-alert__title">${escapeHtml(error.message)}</h2>${error.kind === 'session-expired' ? '' : detail}${again}
</div>`;
  container.querySelector('[data-action="se-reconnecter"]')?.addEventListener('click', () => signIn());
}

function notice(main, session) {
  const expired = session.state === 'expired';
  main.innerHTML = `
<div class="fr-container fr-my-6w">
  <h1>${expired ? 'Session expirée' : 'Connexion'}</h1>
  <div class="fr-alert fr-alert--${expired ? 'warning' : 'info'}">
    <h2 class="fr-alert__title">${expired ? 'Votre session a expiré.' : 'Connectez-vous pour accéder à Dispostock.'}</h2>
    <p>${expired ? 'Reconnectez-vous : vous reviendrez sur cette page.'
    : 'Dispostock est réservé aux pharmaciens des PUI et aux autorités sanitaires, avec leur compte de la plateforme d’identité.'}</p>
  </div>
  <button type="button" class="fr-btn fr-mt-4w" id="connexion">${expired ? 'Se reconnecter' : 'Se connecter'}</button>
</div>`;
  main.querySelector('#connexion').addEventListener('click', () => signIn());
}

/**
 * Renders the shell around the page's `<main id="contenu">` and returns the signed-in session, or
 * null after showing who must sign in (or sign in again) instead of the page's content.
 *
 * @param {string} current the navigation entry of this page (an `id` of NAVIGATION)
 */
export async function startPage(current) {
  const session = currentSession();
  const main = document.getElementById('contenu');
  main.insertAdjacentHTML('beforebegin', header(current, session));
  main.insertAdjacentHTML('afterend', FOOTER);
  document.body.insertAdjacentHTML('afterbegin', SKIP_LINKS);
  document.getElementById('se-deconnecter')?.addEventListener('click', () => signOut());
  document.getElementById('se-connecter')?.addEventListener('click', () => signIn());
  if (session.state !== 'signed-in') {
    notice(main, session);
    return null;
  }
  const page = NAVIGATION.find((n) => n.id === current);
  if (page && !opens(page, session.user)) {
    main.innerHTML = `
<div class="fr-container fr-my-6w">
  <h1>${escapeHtml(page.label)}</h1>
  <div class="fr-alert fr-alert--error" id="acces-refuse">
    <h2 class="fr-alert__title">Votre compte n’a pas accès à cette page.</h2>
    <p>Elle est réservée aux comptes suivants : ${page.roles.map((r) => ROLE_NAMES[r]).join(', ')}.</p>
  </div>
  <a class="fr-btn fr-mt-4w" href="index.html">Retour à l’accueil</a>
</div>`;
    return null;
  }
  return session;
}

/** Puts the page's heading in `<main>` and returns the element its content goes in ("Chargement…" until then). */
export function pageBody(title) {
  const main = document.getElementById('contenu');
  main.innerHTML = `<div class="fr-container fr-my-6w"><h1>${escapeHtml(title)}</h1><div id="contenu-page"><p>Chargement…</p></div></div>`;
  return document.getElementById('contenu-page');
}
