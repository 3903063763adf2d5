// Établissements: the FINESS register of a region (the ARS's own; the national operator chooses),
// searched by number, name or commune; one establishment with its sites, its PUIs and its audit
// trail; and the import of a FINESS extract with the API's report line by line. The API keeps the
// scope: an ARS's import of another region's rows is rejected row by row, a read outside it is 403.
import { api } from './api.js';
import { clearMessages, showFailure, showSummary } from './forms.js';
import { escapeHtml, pageBody, showError, startPage } from './layout.js';
import { sentenceInFrench } from './messages.js';
import { counted, formatNumber } from './format.js';
import { table } from './historique.js';
import { auditTrail, regionChoice, regionName, workingRegion } from './autorites.js';
import { keepInAddress } from './pui.js';

const SHOWN_AT_MOST = 50;
const COMMUNES_SHOWN = 3;
let register = [];

/** Lower case without accents, so that "chateau" finds "CHÂTEAU". */
const plain = (s) => String(s ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

function matches(e, words) {
  const text = plain([e.finessEj, e.name, ...e.sites.flatMap((s) => [s.finessEt, s.name, s.city, s.postalCode])].join(' '));
  return words.every((w) => text.includes(w));
}

/**
 * The communes of an establishment's sites, each once (a postal "CEDEX" is not another commune),
 * the first few and how many more: a group's forty sites would widen the table past the screen.
 */
function communes(sites) {
  const names = [...new Set(sites.map((s) => s.city?.replace(/\s+CEDEX(\s+\d+)?$/i, '')).filter(Boolean))];
  const more = names.length - COMMUNES_SHOWN;
  return more > 0 ? `${names.slice(0, COMMUNES_SHOWN).join(', ')} et ${more} autre${more > 1 ? 's' : ''}` : names.join(', ');
}

function showResults(query) {
  const zone = document.getElementById('resultats');
  const words = plain(query).split(/\s+/).filter(Boolean);
  const found = register.filter((e) => matches(e, words));
  const rows = found.slice(0, SHOWN_AT_MOST).map((e) => [
    `<a href="?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(window.location.search)), ej: e.finessEj })}" data-ej="${escapeHtml(e.finessEj)}">${escapeHtml(e.name)}</a>`,
    escapeHtml(e.finessEj),
    escapeHtml(communes(e.sites)),
    formatNumber(e.sites.length), formatNumber(e.puis.length),
  ]);
  zone.innerHTML = `
<p role="status" id="nombre-resultats">${counted(found.length, 'établissement', 'établissements')} sur ${formatNumber(register.length)}${found.length > SHOWN_AT_MOST ? ` : les ${SHOWN_AT_MOST} premiers sont affichés, précisez la recherche` : ''}.</p>
${rows.length ? table('Établissements trouvés', ['Établissement', 'FINESS juridique', 'Communes', 'Sites', 'PUI'], rows, { rowHeaders: true }) : ''}`;
  zone.querySelectorAll('a[data-ej]').forEach((a) => a.addEventListener('click', (event) => {
    event.preventDefault();
    showEstablishment(a.dataset.ej);
  }));
}

/** The record of an establishment, the focus on its title unless {@code focus} is false (read again after an import). */
async function showEstablishment(finessEj, focus = true) {
  keepInAddress({ ej: finessEj });
  const zone = document.getElementById('fiche');
  zone.innerHTML = '<p>Chargement…</p>';
  try {
    const path = `/v1/establishments/${encodeURIComponent(finessEj)}`;
    const [{ data: e }, { data: audit }] = await Promise.all([api(path), api(`${path}/audit`)]);
    const puis = await Promise.all(e.puis.map((et) => api(`/v1/puis/${encodeURIComponent(et)}`).then((r) => r.data)));
    const sites = e.sites.map((s) => [escapeHtml(s.name), escapeHtml(s.finessEt), escapeHtml(s.categoryLabel ?? s.category ?? ''),
      escapeHtml([s.address, `${s.postalCode ?? ''} ${s.city ?? ''}`.trim()].filter(Boolean).join(', ')),
      e.puis.includes(s.finessEt) ? 'Oui' : 'Non']);
    const puiRows = puis.map((p) => [escapeHtml(p.name), escapeHtml(p.finessEt), escapeHtml(p.email ?? '—'), escapeHtml(p.phone ?? '—'),
      escapeHtml(p.deliveryAddress ? [p.deliveryAddress.line1, p.deliveryAddress.line2, `${p.deliveryAddress.postalCode} ${p.deliveryAddress.city}`].filter(Boolean).join(', ') : '—')]);
    zone.innerHTML = `
<h2 id="fiche-titre" tabindex="-1">${escapeHtml(e.name)}</h2>
<ul>
  <li>FINESS juridique : ${escapeHtml(e.finessEj)}</li>
  <li>Région : ${escapeHtml(regionName(e.region))}, département ${escapeHtml(e.departement)}</li>
  <li>Catégorie : ${escapeHtml(e.category ?? '—')}</li>
  <li>Statut : ${e.status === 'CLOSED' ? 'fermé' : 'ouvert'}</li>
</ul>
<h3>Sites (FINESS géographiques)</h3>
${sites.length ? table(`Sites de ${e.name}`, ['Site', 'FINESS géographique', 'Catégorie', 'Adresse', 'PUI'], sites, { rowHeaders: true }) : '<p>Aucun site enregistré.</p>'}
<h3>PUI</h3>
${puiRows.length ? table(`PUI de ${e.name}`, ['PUI', 'FINESS géographique', 'E-mail', 'Téléphone', 'Adresse de livraison'], puiRows, { rowHeaders: true }) : '<p>Aucune PUI enregistrée pour cet établissement.</p>'}
<h3>Historique des modifications</h3>
${auditTrail(audit, `Historique de ${e.name}`)}`;
    if (focus) zone.querySelector('#fiche-titre').focus();
  } catch (error) {
    showError(zone, error);
  }
}

/** The file as text: FINESS extracts come in UTF-8 or in Windows-1252 (Latin-1). */
async function textOf(file) {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

function importSection() {
  return `
<section aria-labelledby="import-titre" class="fr-mt-6w">
  <h2 id="import-titre">Importer un extrait FINESS</h2>
  <form id="formulaire-import" novalidate>
    <div class="fr-upload-group">
      <label class="fr-label" for="fichier-finess">Fichier de l’extrait (CSV)
        <span class="fr-hint-text">En-tête aux noms officiels (nofinesset;nofinessej;rs;…;code_departement). Seules les lignes de votre région sont acceptées ; réimporter le même fichier ne change rien.</span>
      </label>
      <input class="fr-upload" type="file" id="fichier-finess" name="fichier" accept=".csv,text/csv">
    </div>
    <button class="fr-btn fr-mt-2w" type="submit" id="importer">Importer</button>
  </form>
  <div id="rapport-import" class="fr-mt-4w"></div>
</section>`;
}

function report(r) {
  const rejected = r.rejected.map((x) => [formatNumber(x.line), escapeHtml(sentenceInFrench(x.reason))]);
  return `
<h3 id="rapport-titre" tabindex="-1">Rapport d’import</h3>
<ul>
  <li id="rapport-crees">${counted(r.created, 'site créé', 'sites créés')}</li>
  <li id="rapport-modifies">${counted(r.updated, 'site mis à jour', 'sites mis à jour')}</li>
  <li>${counted(r.unchanged, 'site inchangé', 'sites inchangés')}</li>
  <li id="rapport-rejetes">${counted(r.rejected.length, 'ligne rejetée', 'lignes rejetées')}</li>
</ul>
${rejected.length ? table('Lignes rejetées', ['Ligne du fichier', 'Motif'], rejected, { id: 'lignes-rejetees' }) : ''}`;
}

function wireImport(region, reload) {
  const form = document.getElementById('formulaire-import');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearMessages(form);
    const file = form.elements.fichier.files[0];
    if (!file) {
      showSummary(form, 'error', 'Choisissez le fichier de l’extrait FINESS à importer.');
      return;
    }
    const button = form.querySelector('#importer');
    button.disabled = true;
    try {
      const { data } = await api('/v1/establishments/import', { method: 'POST', body: await textOf(file), headers: { 'Content-Type': 'text/csv' } });
      const zone = document.getElementById('rapport-import');
      zone.innerHTML = report(data);
      form.reset(); // imported: the file is not offered for a second time
      // the register and the record shown are read again: they may hold the sites just imported
      if (region) await reload();
      const shown = new URLSearchParams(window.location.search).get('ej');
      if (shown) await showEstablishment(shown, false);
      zone.querySelector('#rapport-titre').focus();
    } catch (error) {
      showFailure(form, error);
    } finally {
      button.disabled = false;
    }
  });
}

const session = await startPage('etablissements');
if (session) {
  const content = pageBody('Établissements');
  const region = workingRegion(session.user);
  content.innerHTML = `
${regionChoice(session.user, region)}
<div id="registre"></div>
<div id="fiche" class="fr-mt-6w"></div>
${importSection()}`;
  const reload = async () => {
    register = (await api(`/v1/establishments?region=${encodeURIComponent(region)}`)).data;
    showResults(document.getElementById('recherche')?.value ?? '');
  };
  wireImport(region, reload);
  if (region) {
    const zone = document.getElementById('registre');
    zone.innerHTML = `
<h2>Registre FINESS de la région</h2>
<form id="formulaire-recherche" role="search">
  <div class="fr-input-group">
    <label class="fr-label" for="recherche">Rechercher un établissement
      <span class="fr-hint-text">FINESS juridique ou géographique, nom, commune ou code postal</span></label>
    <input class="fr-input" type="search" id="recherche" name="recherche">
  </div>
  <button class="fr-btn fr-btn--secondary" type="submit">Rechercher</button>
</form>
<div id="resultats" class="fr-mt-4w"><p>Chargement…</p></div>`;
    const search = zone.querySelector('#recherche');
    zone.querySelector('form').addEventListener('submit', (event) => {
      event.preventDefault();
      showResults(search.value);
    });
    try {
      await reload();
      const wanted = new URLSearchParams(window.location.search).get('ej');
      if (wanted) await showEstablishment(wanted);
    } catch (error) {
      showError(document.getElementById('resultats'), error);
    }
  }
}
