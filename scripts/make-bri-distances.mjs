#!/usr/bin/env node
/**
 * Generates data/cepii_china_distances.csv and data/cepii_contig_wiod.csv, the small extracts of CEPII
 * GeoDist (Mayer & Zignago 2011, dist_cepii) that the bri-symbiosis study ships, so that it runs without
 * ../shared. Input: ../shared/data/trade/cepii_distances.csv.gz (pairs stored once, country1 < country2,
 * ISO3 lower case). Rows: China to every WIOD 2013 country (RoW excluded), and every contiguous pair of
 * WIOD countries (for the CUL neighbour imputation). CEPII has no Romania and no Taiwan: Romania (WIOD
 * code ROM) gets the great-circle distance Beijing-Bucharest (flag "computed"), Taiwan stays absent.
 *
 *   node scripts/make-bri-distances.mjs [path/to/cepii_distances.csv.gz]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

const src = process.argv[2] ?? '../shared/data/trade/cepii_distances.csv.gz';
const WIOD = 'AUS AUT BEL BGR BRA CAN CHN CYP CZE DEU DNK ESP EST FIN FRA GBR GRC HUN IDN IND IRL ITA JPN KOR LTU LUX LVA MEX MLT NLD POL PRT ROM RUS SVK SVN SWE TUR TWN USA'.split(' ');
const iso = (w) => (w === 'ROM' ? 'rou' : w.toLowerCase());
const wiodOf = new Map(WIOD.map((w) => [iso(w), w]));

const lines = gunzipSync(readFileSync(src)).toString('utf8').split(/\r?\n/).filter((l) => l !== '');
const head = lines[0].split(',').map((s) => s.replace(/"/g, ''));
const col = (n) => head.indexOf(n);
const pairs = new Map();
for (const l of lines.slice(1)) {
  const f = l.split(',').map((s) => s.replace(/"/g, ''));
  const a = f[col('country1')];
  const b = f[col('country2')];
  if (!wiodOf.has(a) || !wiodOf.has(b) || a === b) continue;
  pairs.set(`${wiodOf.get(a)}|${wiodOf.get(b)}`, { distcap: f[col('distcap')], dist: f[col('dist')], contig: f[col('contig')] });
}
const get = (a, b) => pairs.get(`${a}|${b}`) ?? pairs.get(`${b}|${a}`);

/** Great-circle distance (km, sphere of radius 6371 km) between two points in degrees. */
function greatCircle(lat1, lon1, lat2, lon2) {
  const r = Math.PI / 180;
  const h = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

const out = ['country,distcap_km,dist_km,contig,flag'];
for (const w of WIOD) {
  if (w === 'CHN') continue;
  const p = get('CHN', w);
  if (p) out.push(`${w},${p.distcap},${p.dist},${p.contig},cepii`);
  else if (w === 'ROM') {
    // Beijing 39.9042 N 116.4074 E; Bucharest 44.4268 N 26.1025 E
    const d = greatCircle(39.9042, 116.4074, 44.4268, 26.1025).toFixed(2);
    out.push(`${w},${d},${d},0,computed`);
  }
}
writeFileSync('data/cepii_china_distances.csv', out.join('\n') + '\n');

const contig = ['country1,country2'];
for (const [k, p] of [...pairs].sort(([a], [b]) => (a < b ? -1 : 1))) if (p.contig === '1') contig.push(k.replace('|', ','));
writeFileSync('data/cepii_contig_wiod.csv', contig.join('\n') + '\n');
process.stdout.write(`wrote ${out.length - 1} distances and ${contig.length - 1} contiguous pairs\n`);
