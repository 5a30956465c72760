/**
 * Command line of §6.1:
 *   gvc study city-transfer --data DIR [--out DIR]
 *   gvc study city-transfer --synthetic tiny|small|paper [--effects homogeneous|paper-like] [--seed N] [--noise A]
 *                           [--beta-hsr X[,XU]] [--beta-info Y[,YU]] [--beta-double Z] [--write-tables] [--out DIR]
 * Neither --data nor --synthetic: --synthetic small. Exit status 2 with one line naming the flag for a bad
 * value; 3 with one line naming the numbers when a generator assertion fails; 1 for other errors.
 * Extra flags: --no-png, --sector-groups full|representative, --stat t|se, --focus CODE.
 */
import { OptionError } from '../../errors.js';
import { useBestBackend } from '../../node/backend.js';
import { PROFILES, effectDefaults, type ByGradient, type Effects, type Profile, type StudyOptions, type SyntheticOptions } from './config.js';
import { runCityTransfer, type CityRunOptions } from './run.js';
import { GeneratorError } from './synthetic/index.js';
import { join } from 'node:path';
import { writeAtomic } from '../../node/files.js';
import { renderReport } from '../report.js';
import { gvcVersion } from '../runner.js';
import { cityStudyResult } from './result.js';

const VALUE_FLAGS = ['--data', '--out', '--synthetic', '--effects', '--seed', '--noise', '--beta-hsr', '--beta-info', '--beta-double', '--sector-groups', '--stat', '--focus'];
const BOOL_FLAGS = ['--write-tables', '--no-png'];

function number(flag: string, s: string): number {
  const v = Number(s);
  if (s.trim() === '' || !Number.isFinite(v)) throw new OptionError(`${flag}: '${s}' is not a number.`);
  return v;
}

function pairOf(flag: string, s: string): ByGradient {
  const parts = s.split(',');
  if (parts.length > 2) throw new OptionError(`${flag}: expected X or XD,XU, got '${s}'.`);
  const d = number(flag, parts[0]);
  return { down: d, up: parts.length === 2 ? number(flag, parts[1]) : d };
}

/** Parse argv (after `city-transfer`) into run options; throws OptionError naming the flag. */
export function parseCityArgs(argv: readonly string[]): CityRunOptions {
  const v: Record<string, string> = {};
  const b = new Set<string>();
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    if (BOOL_FLAGS.includes(name)) b.add(name);
    else if (VALUE_FLAGS.includes(name)) {
      const val = eq > 0 ? a.slice(eq + 1) : argv[++k];
      if (val === undefined) throw new OptionError(`${name}: missing value.`);
      v[name] = val;
    } else throw new OptionError(`${a}: unknown flag (known: ${[...VALUE_FLAGS, ...BOOL_FLAGS].join(', ')}).`);
  }
  const study: Partial<StudyOptions> = {};
  if (v['--sector-groups'] !== undefined) {
    if (v['--sector-groups'] !== 'full' && v['--sector-groups'] !== 'representative') throw new OptionError(`--sector-groups: '${v['--sector-groups']}' is not full or representative.`);
    study.sectorGroups = v['--sector-groups'];
  }
  if (v['--stat'] !== undefined) {
    if (v['--stat'] !== 't' && v['--stat'] !== 'se') throw new OptionError(`--stat: '${v['--stat']}' is not t or se.`);
    study.stat = v['--stat'];
  }
  if (v['--focus']) study.focus = v['--focus'];
  const out = v['--out'] ?? 'city-transfer-out';
  const base: CityRunOptions = { out, study, png: !b.has('--no-png') };
  const synFlags = ['--synthetic', '--effects', '--seed', '--noise', '--beta-hsr', '--beta-info', '--beta-double'].filter((f) => f in v);
  if (v['--data'] !== undefined && '--synthetic' in v) throw new OptionError('--data: not valid with --synthetic (give one of them).');
  if (v['--data'] !== undefined) {
    if (synFlags.length) throw new OptionError(`${synFlags[0]}: only valid with --synthetic.`);
    return { ...base, data: v['--data'] };
  }
  const profile = (v['--synthetic'] ?? 'small') as Profile;
  if (!(profile in PROFILES)) throw new OptionError(`--synthetic: unknown profile '${profile}' (tiny, small, paper).`);
  const effects = (v['--effects'] ?? 'homogeneous') as Effects;
  if (effects !== 'homogeneous' && effects !== 'paper-like') throw new OptionError(`--effects: '${effects}' is not homogeneous or paper-like.`);
  const d = effectDefaults(effects);
  let seed = 1;
  if (v['--seed'] !== undefined) {
    seed = number('--seed', v['--seed']);
    if (!Number.isInteger(seed) || seed < 0) throw new OptionError(`--seed: '${v['--seed']}' is not an integer ≥ 0.`);
  }
  const noise = v['--noise'] !== undefined ? number('--noise', v['--noise']) : d.noise;
  if (noise < 0) throw new OptionError(`--noise: ${noise} is negative.`);
  if (v['--beta-double'] !== undefined && effects === 'homogeneous') throw new OptionError('--beta-double: only valid with --effects paper-like.');
  const synthetic: SyntheticOptions = {
    profile, effects, seed, noise,
    betaHsr: v['--beta-hsr'] !== undefined ? pairOf('--beta-hsr', v['--beta-hsr']) : d.betaHsr,
    betaInfo: v['--beta-info'] !== undefined ? pairOf('--beta-info', v['--beta-info']) : d.betaInfo,
    betaDouble: v['--beta-double'] !== undefined ? number('--beta-double', v['--beta-double']) : d.betaDouble,
    writeTables: b.has('--write-tables'),
  };
  return { ...base, synthetic };
}

/** Run the command; returns the exit status (errors are printed as one line on stderr). */
export async function cityTransferMain(argv: readonly string[]): Promise<number> {
  let opts: CityRunOptions;
  try {
    opts = parseCityArgs(argv);
  } catch (e) {
    process.stderr.write(`gvc study city-transfer: ${(e as Error).message}\n`);
    return e instanceof OptionError ? 2 : 1;
  }
  try {
    await useBestBackend();
    const started = new Date();
    const r = await runCityTransfer(opts);
    // the same self-contained report.html as every other study (tables, figures, provenance)
    writeAtomic(join(opts.out, 'report.html'), renderReport(cityStudyResult(r, opts), {
      study: 'city-transfer',
      startedAt: started.toISOString(),
      seconds: (Date.now() - started.getTime()) / 1000,
      gvcVersion: gvcVersion(),
      nodeVersion: process.version,
      inputs: [],
      command: `gvc study city-transfer ${argv.join(' ')}`,
      notes: [],
    }));
    return 0;
  } catch (e) {
    process.stderr.write(`gvc study city-transfer: ${(e as Error).message}\n`);
    return e instanceof GeneratorError ? 3 : e instanceof OptionError ? 2 : 1;
  }
}
