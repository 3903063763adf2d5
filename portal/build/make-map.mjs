// Draws the map of France the stock picture shades (stock.html): regions and départements as SVG
// paths, made at build time from the project's reference geography (../shared/data/geo, see its
// README) into an ES module, so that the page fetches no tile and no geometry at run time.
// Mainland in an equirectangular projection corrected at 46.5°N; the five overseas regions (one
// département each) as insets below it, each on its own scale. Geometry is simplified
// (Douglas-Peucker at a fraction of a pixel) and written as integer relative moves (small file).
// Run by the build (generate-resources): node build/make-map.mjs <geo folder> <target>/classes/portal/js/carte-france.js
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const [geo, target] = process.argv.slice(2);
if (!geo || !target) {
  console.error('usage: node build/make-map.mjs <geo folder> <output .js>');
  process.exit(2);
}
const regions = JSON.parse(readFileSync(path.join(geo, 'regions-with-overseas.geojson'), 'utf8')).features;
const departements = JSON.parse(readFileSync(path.join(geo, 'departements-simplified.geojson'), 'utf8')).features;
// code_departement,nom_departement,code_region,nom_region
const regionOf = Object.fromEntries(readFileSync(path.join(geo, 'departements-france.csv'), 'utf8').trim().split('\n')
  .slice(1).map((l) => l.split(',')).map(([d, , r]) => [d, r]));

const SCALE = 2; // coordinates are written at twice the viewBox units: half-unit precision in integers
const WIDTH = 600;
const MAINLAND = { x: 10, y: 10, width: 580, height: 540 };
const INSET = { y: 570, width: 108, height: 90, gap: 10 };
const OVERSEAS = ['01', '02', '03', '04', '06'];
const COS = Math.cos((46.5 * Math.PI) / 180);

const rings = (geometry) => (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates).flat();
const flat = ([lon, lat]) => [lon * COS, -lat];

/** A projection fitting these features' points in a box, keeping proportions. */
function fit(features, box) {
  const points = features.flatMap((f) => rings(f.geometry).flat()).map(flat);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const k = Math.min(box.width / (maxX - minX), box.height / (maxY - minY));
  const dx = box.x + (box.width - k * (maxX - minX)) / 2;
  const dy = box.y + (box.height - k * (maxY - minY)) / 2;
  return (p) => {
    const [x, y] = flat(p);
    return [(dx + k * (x - minX)) * SCALE, (dy + k * (y - minY)) * SCALE];
  };
}

/** Douglas-Peucker: the points of a line kept within `tolerance` of it. */
function simplify(points, tolerance) {
  if (points.length < 3) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    const [ax, ay] = points[a];
    const [bx, by] = points[b];
    const length = Math.hypot(bx - ax, by - ay);
    let far = -1;
    let distance = tolerance;
    for (let i = a + 1; i < b; i++) {
      // a closed ring starts and ends on one point: the distance to it
      const d = length === 0 ? Math.hypot(points[i][0] - ax, points[i][1] - ay)
        : Math.abs((bx - ax) * (ay - points[i][1]) - (ax - points[i][0]) * (by - ay)) / length;
      if (d > distance) [far, distance] = [i, d];
    }
    if (far >= 0) {
      keep[far] = 1;
      stack.push([a, far], [far, b]);
    }
  }
  return points.filter((_, i) => keep[i]);
}

/** The SVG path of a feature: each ring simplified, rounded, and dropped when it would be a speck. */
function pathOf(feature, project, tolerance, minArea) {
  return rings(feature.geometry).map((ring) => {
    const points = simplify(ring.map(project), tolerance).map(([x, y]) => [Math.round(x), Math.round(y)]);
    const area = Math.abs(points.reduce((s, [x, y], i) => {
      const [nx, ny] = points[(i + 1) % points.length];
      return s + x * ny - nx * y;
    }, 0)) / 2;
    if (points.length < 4 || area < minArea) return '';
    let [px, py] = points[0];
    let d = `M${px} ${py}`;
    for (const [x, y] of points.slice(1, -1)) {
      if (x === px && y === py) continue;
      d += `l${x - px} ${y - py}`;
      [px, py] = [x, y];
    }
    return `${d}z`;
  }).join('');
}

const mainlandRegions = regions.filter((f) => !OVERSEAS.includes(f.properties.code));
const mainland = fit(mainlandRegions, MAINLAND);
const insets = OVERSEAS.map((code, i) => {
  const feature = regions.find((f) => f.properties.code === code);
  const box = { x: 10 + i * (INSET.width + INSET.gap) + 6, y: INSET.y + 16, width: INSET.width - 12, height: INSET.height - 22 };
  return { code, name: feature.properties.nom, feature, project: fit([feature], box),
    frame: [10 + i * (INSET.width + INSET.gap), INSET.y, INSET.width, INSET.height] };
});
// the département code of each overseas region (one each)
const overseasDepartement = Object.fromEntries(Object.entries(regionOf).filter(([d]) => d.length === 3).map(([d, r]) => [r, d]));

const TOLERANCE = 1.5 * SCALE;
const out = {
  viewBox: `0 0 ${WIDTH} ${INSET.y + INSET.height + 10}`,
  scale: SCALE,
  insets: insets.map(({ code, name, frame }) => ({ region: code, name, frame })),
  regions: [
    ...mainlandRegions.map((f) => [f.properties.code, f.properties.nom, pathOf(f, mainland, TOLERANCE, 4)]),
    ...insets.map(({ code, name, feature, project }) => [code, name, pathOf(feature, project, TOLERANCE, 2)]),
  ],
  departements: [
    ...departements.map((f) => [f.properties.code, regionOf[f.properties.code], f.properties.nom,
      pathOf(f, mainland, TOLERANCE / 2, 8)]),
    ...insets.map(({ code, name, feature, project }) => [overseasDepartement[code], code, name, pathOf(feature, project, TOLERANCE / 2, 2)]),
  ],
};
const missing = out.departements.filter(([code, region]) => !region).map(([code]) => code);
if (missing.length) {
  console.error(`[map] départements without a region: ${missing.join(', ')}`);
  process.exit(1);
}
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, `// Made by portal/build/make-map.mjs from ../shared/data/geo (IGN/INSEE 2018, Licence Ouverte): do not edit.\n`
  + `export const CARTE = ${JSON.stringify(out)};\n`);
console.log(`[map] ${out.regions.length} regions, ${out.departements.length} départements, ${Math.round(readFileSync(target).length / 1024)} KB → ${target}`);
