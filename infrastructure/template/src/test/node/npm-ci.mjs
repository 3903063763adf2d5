// Installs the validator (package-lock.json pins it) with `npm ci`, unless node_modules already holds
// exactly what the lock file says (npm's own record of it, node_modules/.package-lock.json), so that
// repeated builds cost nothing. Run from the module folder by the build (generate-test-resources).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const moduleDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const lock = path.join(moduleDir, 'package-lock.json');
const installed = path.join(moduleDir, 'node_modules', '.package-lock.json');

// the same JSON whatever its key order
const canonical = (v) => Array.isArray(v) ? v.map(canonical)
    : v && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])])) : v;
const packages = (file) => {
  const p = { ...JSON.parse(readFileSync(file, 'utf8')).packages };
  delete p['']; // the root package, which the record in node_modules leaves out
  return JSON.stringify(canonical(p));
};

if (existsSync(installed) && packages(installed) === packages(lock)) {
  console.log('[npm-ci] node_modules is up to date with package-lock.json');
  process.exit(0);
}
const started = Date.now();
const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: moduleDir, stdio: 'inherit', shell: process.platform === 'win32' });
if (npm.error) {
  console.error(`[npm-ci] could not run npm: ${npm.error.message}`);
  process.exit(1);
}
console.log(`[npm-ci] npm ci exited ${npm.status} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(npm.status ?? 1);
