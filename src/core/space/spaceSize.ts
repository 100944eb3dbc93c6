// Number of architectures in a space, counted by the official code's rules (NASREC.md §4): exact BigInt and readable.
import type { SpaceConfig } from './types.ts';

function binomial(n: number, k: number): bigint {
  let r = 1n;
  for (let j = 1; j <= k; j++) r = (r * BigInt(n - k + j)) / BigInt(j);
  return r;
}

/** Non-empty input subsets of 0..i with at most `maxInputs` members. */
function inputSubsets(i: number, maxInputs: number): bigint {
  let total = 0n;
  for (let k = 1; k <= Math.min(i + 1, maxInputs); k++) total += binomial(i + 1, k);
  return total;
}

/** Architectures per block i: dense × sparse input subsets × (i+1)² left/right × ops × widths × flags. */
export function blockChoices(space: SpaceConfig, i: number): bigint {
  const subsets = inputSubsets(i, space.maxInputs);
  const n = BigInt(i + 1);
  return (
    subsets *
    subsets *
    n *
    n *
    BigInt(space.denseOps.length * space.sparseOps.length * space.denseDims.length * space.sparseDims.length) *
    (space.interactionModules ? 4n : 1n)
  );
}

/** Readable size: exact with thousands separators below a million, else "8.1 × 10^43". */
export function formatSize(exact: bigint, log10: number): string {
  if (exact < 1_000_000n) return exact.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  let exponent = Math.floor(log10);
  let mantissa = Math.round(10 ** (log10 - exponent) * 10) / 10;
  if (mantissa >= 10) {
    mantissa /= 10;
    exponent += 1;
  }
  return `${mantissa.toFixed(1)} × 10^${exponent}`;
}

/**
 * How many distinct architectures the space holds (product over blocks of `blockChoices`).
 * Paper-scale NASRec-Full ≈ 8.1 × 10^43, NASRec-Small ≈ 4.9 × 10^39.
 * @returns log10 of the count, the exact count, and a readable form
 */
export function spaceSize(space: SpaceConfig): { log10: number; exact: bigint; text: string } {
  let exact = 1n;
  for (let i = 0; i < space.blocks; i++) exact *= blockChoices(space, i);
  const digits = exact.toString();
  const head = digits.slice(0, 15);
  const log10 = Math.log10(Number(head)) + (digits.length - head.length);
  return { log10, exact, text: formatSize(exact, log10) };
}
