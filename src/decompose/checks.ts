/**
 * The accounting identities of each method, evaluated on the rows a decomposition returns:
 *   KWW   the 9 terms sum to gross exports; with FDC computed directly (not as the residual, country
 *         level) T1..T8 + FDC = exports, which is the identity that can fail
 *   WWZ   16 terms = texp; DVA_FIN + OVA_FIN + MVA_FIN = texpfd; the other 13 = texpint (WWZ 2013)
 *   BM    DC + FC = GEXP (V B = 1'); DVA + DDC = DC; VAX + REF = DVA; FVA + FDC = FC;
 *         GVCB + GVCF = GVC; DAVAX + GVC = GEXP (source approach only)
 *   Leontief  value added of all sources embodied in a using sector's exports = its exports
 */
import { checkSum, type IdentityCheck } from './identities.js';
import { WWZ_TERMS, WWZ_FINAL } from './wwz.js';

export interface Totals {
  /** Gross exports per returned row (KWW, Leontief). */
  exports?: Float64Array;
  /** KWW's FDC computed directly (country level). */
  FDC_direct?: Float64Array;
  /** Leontief: label of a using unit (country-sector or country). */
  unitLabel?: (unit: number) => string;
}

export function identitiesFor(
  method: 'kww' | 'wwz' | 'bm' | 'leontief',
  c: Record<string, Float64Array>,
  totals: Totals,
  label: (row: number) => string,
): IdentityCheck[] {
  const out: IdentityCheck[] = [];
  const cols = (names: readonly string[]) => names.map((n) => c[n]);
  if (method === 'kww') {
    const nine = ['DVA_FIN', 'DVA_INT', 'DVA_INTrex', 'RDV_FIN', 'RDV_INT', 'DDC', 'FVA_FIN', 'FVA_INT', 'FDC'];
    out.push(checkSum('sum of 9 KWW terms = gross exports', cols(nine), totals.exports!, label));
    if (totals.FDC_direct) {
      out.push(checkSum('KWW T1..T8 + FDC (computed directly) = gross exports', [...cols(nine.slice(0, 8)), totals.FDC_direct], totals.exports!, label));
    }
  } else if (method === 'wwz') {
    const inter = WWZ_TERMS.filter((t) => !WWZ_FINAL.includes(t));
    out.push(checkSum('sum of 16 WWZ terms = texp', cols(WWZ_TERMS), c.texp, label));
    out.push(checkSum('DVA_FIN + OVA_FIN + MVA_FIN = texpfd', cols(WWZ_FINAL), c.texpfd, label));
    out.push(checkSum('13 intermediate WWZ terms = texpint', cols(inter), c.texpint, label));
  } else if (method === 'bm') {
    out.push(checkSum('DC + FC = GEXP', cols(['DC', 'FC']), c.GEXP, label));
    out.push(checkSum('DVA + DDC = DC', cols(['DVA', 'DDC']), c.DC, label));
    out.push(checkSum('VAX + REF = DVA', cols(['VAX', 'REF']), c.DVA, label));
    out.push(checkSum('FVA + FDC = FC', cols(['FVA', 'FDC']), c.FC, label));
    if (c.GVC) {
      out.push(checkSum('GVCB + GVCF = GVC', cols(['GVCB', 'GVCF']), c.GVC, label));
      out.push(checkSum('DAVAX + GVC = GEXP', cols(['DAVAX', 'GVC']), c.GEXP, label));
    }
  } else {
    out.push(leontiefCheck(c.FVAX, totals.exports!, totals.unitLabel ?? ((r) => `unit ${r + 1}`)));
  }
  return out;
}

/** Column sums of the square FVAX (row-major, n x n) equal exports of the using unit. */
function leontiefCheck(F: Float64Array, e: Float64Array, unit: (r: number) => string): IdentityCheck {
  const n = e.length;
  const sums = new Float64Array(n);
  for (let s = 0; s < n; s++) for (let r = 0; r < n; r++) sums[r] += F[s * n + r];
  return checkSum('sum over sources of FVAX = exports of the using unit', [sums], e, unit);
}
