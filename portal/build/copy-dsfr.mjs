// Installs the portal's npm packages (package-lock.json pins DSFR and axe-core; .dsfr.yml accepts
// DSFR's terms of use) with `npm ci` when node_modules is older than the lock file, then copies the
// DSFR files the pages use into the folder given as argument, keeping dist's relative layout so that
// the CSS finds its fonts and icons. Only what is loaded ships: the icons the full CSS names, the fonts
// Marianne in woff2 (every browser the portal supports reads it), subset to the characters French
// text uses (below): the three faces a first visit loads weighed 170 KB of its 303 KB as DSFR ships
// them (every Latin, Greek and Cyrillic glyph), half that subset; glyphs, metrics and kerning unchanged.
// Run by the build (generate-resources): node build/copy-dsfr.mjs <target>/classes/portal/dsfr
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
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
const files = ['dsfr.min.css', 'dsfr.module.min.js', 'favicon/favicon.svg', 'favicon/favicon.ico', ...icons];
for (const file of files) {
  mkdirSync(path.dirname(path.join(target, file)), { recursive: true });
  copyFileSync(path.join(dist, file), path.join(target, file));
}
console.log(`[dsfr] ${files.length} files copied to ${target}`);

// What French text shows: ASCII, Latin-1 (accents, « », no-break space), œ Œ Ÿ, typographic
// punctuation (’ “ ” – — …), the narrow no-break space Intl's fr-FR numbers and dates group with, €,
// → (an audit trail's "before → after").
// A character outside it (a rare letter in a name) falls back to the next font of DSFR's stack.
const ranges = [[0x20, 0x7e], [0xa0, 0xff], [0x152, 0x153], [0x178, 0x178], [0x2010, 0x2027], [0x202f, 0x202f],
  [0x2030, 0x203a], [0x20ac, 0x20ac], [0x2122, 0x2122], [0x2192, 0x2192]];
const french = ranges.flatMap(([from, to]) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i)));
// Our own pages must not write a character the fonts lost.
const web = path.join(moduleDir, 'src', 'main', 'web');
for (const file of readdirSync(web, { recursive: true }).filter((f) => /\.(html|js)$/.test(f))) {
  const outside = [...new Set(readFileSync(path.join(web, file), 'utf8'))].filter((c) => c >= ' ' && !french.includes(c));
  if (outside.length) {
    console.error(`[dsfr] ${file} writes ${outside.map((c) => `U+${c.codePointAt(0).toString(16)}`).join(', ')}, which the subset fonts lack: add it to the ranges of build/copy-dsfr.mjs`);
    process.exit(1);
  }
}
const { default: subsetFont } = await import('subset-font');
const fonts = readdirSync(path.join(dist, 'fonts')).filter((f) => /^Marianne-.*\.woff2$/.test(f));
mkdirSync(path.join(target, 'fonts'), { recursive: true });
const inputs = Math.max(statSync(lock).mtimeMs, statSync(fileURLToPath(import.meta.url)).mtimeMs);
for (const font of fonts) {
  const out = path.join(target, 'fonts', font);
  if (!existsSync(out) || statSync(out).mtimeMs < inputs) { // subsetting takes a second a face
    writeFileSync(out, await subsetFont(readFileSync(path.join(dist, 'fonts', font)), french.join(''), { targetFormat: 'woff2' }));
  }
}
console.log(`[dsfr] ${fonts.length} Marianne faces subset to French in ${path.join(target, 'fonts')}`);
