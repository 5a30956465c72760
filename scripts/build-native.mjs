#!/usr/bin/env node
/**
 * Build the optional OpenBLAS addon (native/) with node-gyp into native/build/Release/gvc_openblas.node.
 *
 *   node scripts/build-native.mjs             build; any failure is printed in full and exits 1
 *   node scripts/build-native.mjs --optional  (postinstall) never fails: prints one line, and when the
 *                                             build is impossible (e.g. no libopenblas-dev) gvc uses
 *                                             its pure-TypeScript linear algebra instead
 * GVC_SKIP_NATIVE=1 skips the build. In --optional mode the full build log goes to native/build-native.log.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const nativeDir = join(root, 'native');
const addon = join(nativeDir, 'build', 'Release', 'gvc_openblas.node');
const logFile = join(nativeDir, 'build-native.log');
const optional = process.argv.includes('--optional');
const FALLBACK = 'the pure-TypeScript linear algebra fallback will be used';

/** node-gyp's entry script: the one npm hands to lifecycle scripts, a local install, or npm's bundled copy. */
function findNodeGyp() {
  const candidates = [process.env.npm_config_node_gyp];
  try {
    candidates.push(createRequire(import.meta.url).resolve('node-gyp/bin/node-gyp.js'));
  } catch {
    // not installed locally
  }
  const prefix = dirname(dirname(process.execPath));
  candidates.push(join(prefix, 'lib', 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  candidates.push(join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
  return candidates.find((c) => c && existsSync(c));
}

/** Extra node-gyp flags: point at the local Node headers so no download is attempted. */
function nodedirArgs() {
  if (process.env.npm_config_nodedir) return [];
  const prefix = dirname(dirname(process.execPath));
  return existsSync(join(prefix, 'include', 'node', 'node_api.h')) ? [`--nodedir=${prefix}`] : [];
}

/** Why a failed build failed, in a few words. */
function diagnose(log) {
  if (/cannot find -lopenblas|openblas.*No such file/i.test(log)) return 'OpenBLAS not found (install libopenblas-dev)';
  if (/gyp ERR! find Python|python.*not found/i.test(log)) return 'node-gyp found no Python';
  if (/(make|cc|gcc|g\+\+|c\+\+).*(not found|No such file)/i.test(log)) return 'no C toolchain (make/gcc)';
  const line = log.split('\n').find((l) => /error/i.test(l));
  return line ? line.trim().slice(0, 160) : 'node-gyp failed';
}

function fail(reason, log) {
  if (optional) {
    if (log) {
      mkdirSync(nativeDir, { recursive: true });
      writeFileSync(logFile, log);
    }
    console.log(`gvc: native OpenBLAS backend not built: ${reason}; ${FALLBACK}.`);
    process.exit(0);
  }
  if (log) process.stderr.write(log);
  console.error(`gvc: native OpenBLAS build failed: ${reason}.`);
  process.exit(1);
}

if (process.env.GVC_SKIP_NATIVE === '1') {
  console.log(`gvc: GVC_SKIP_NATIVE=1, native OpenBLAS backend not built; ${FALLBACK}.`);
  process.exit(0);
}

const gyp = findNodeGyp();
if (!gyp) fail('node-gyp not found');

const args = [gyp, 'rebuild', `--directory=${nativeDir}`, ...nodedirArgs()];
const build = spawnSync(process.execPath, args, {
  cwd: nativeDir,
  encoding: 'utf8',
  stdio: optional ? 'pipe' : 'inherit',
  maxBuffer: 64 * 1024 * 1024,
});
const log = `${build.stdout ?? ''}${build.stderr ?? ''}`;
if (build.error) fail(build.error.message, log);
if (build.status !== 0) fail(optional ? diagnose(log) : `node-gyp exited with ${build.status}`, log);
if (!existsSync(addon)) fail(`node-gyp succeeded but ${addon} is missing`, log);

// Load it in a child process: a missing runtime library shows up here, not at link time.
const probe = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(addon)}).getThreads()`], {
  encoding: 'utf8',
});
if (probe.status !== 0) fail(`the addon does not load: ${(probe.stderr || '').trim().split('\n')[0]}`, log + probe.stderr);

console.log(`gvc: native OpenBLAS backend built (${addon.slice(root.length + 1)}).`);
