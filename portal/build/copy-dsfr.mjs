// Installs the portal's npm packages (package-lock.json pins DSFR and axe-core; .dsfr.yml accepts
// DSFR's terms of use) with `npm ci` when node_modules is older than the lock file, then copies the
// DSFR files the pages use into the folder given as argument, keeping dist's relative layout so that
// the CSS finds its fonts and icons. Only what is loaded ships: the icons the full CSS names, the fonts
// Marianne in woff2 (every browser the portal supports reads it).
// Run by the build (generate-resources): node build/copy-dsfr.mjs <target>/classes/portal/dsfr
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const moduleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const target = process.argv[2];
if (!target) {
  console.error('usage: node build/copy-dsfr.mjs <target folder>');
  process.exit(2);
}

const lock = path.join(moduleDir, 'package-lock.json');
const installed = path.join(moduleDir, 'node_modules', '.package-lock.json');
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'],
      { cwd: moduleDir, stdio: 'inherit', shell: process.platform === 'win32' });
  if (npm.error || npm.status !== 0) {
    console.error(`[dsfr] npm ci failed: ${npm.error ? npm.error.message : 'exit ' + npm.status}`);
    process.exit(1);
  }
}

const dist = path.join(moduleDir, 'node_modules', '@gouvfr', 'dsfr', 'dist');
// The icons the CSS names (badges, alerts, links, close buttons): a browser fetches one only when
// an element shows it, so copying them all costs no page any weight.
const icons = [...new Set([...readFileSync(path.join(dist, 'dsfr.min.css'), 'utf8')
  .matchAll(/url\((icons\/[^)"']+\.svg)\)/g)].map((m) => m[1]))];
const files = ['dsfr.min.css', 'dsfr.module.min.js', 'favicon/favicon.svg', 'favicon/favicon.ico', ...icons,
  ...readdirSync(path.join(dist, 'fonts')).filter((f) => /^Marianne-.*\.woff2$/.test(f)).map((f) => `fonts/${f}`)];
for (const file of files) {
  mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
  copyFileSync(path.join(dist, file), path.join(target, file));
}
console.log(`[dsfr] ${files.length} files copied to ${target}`);
