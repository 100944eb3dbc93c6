// Plain-TypeScript reference operators (Float64, one example at a time, rows × E layout as NASREC.md §5 writes them).
export type Vec = number[];
/** Sparse tensor of one example: rows × E. */
export type Rows = number[][];

/** Weights by relative name (`b0/fc/w` …), matrices row-major [in, out] as the tfjs nets store them. */
export class RefWeights {
  constructor(private readonly table: ReadonlyMap<string, Float64Array>) {}
  has(name: string): boolean {
    return this.table.has(name);
  }
  get(name: string): Float64Array {
    const w = this.table.get(name);
    if (w === undefined) throw new Error(`reference: missing weight "${name}"`);
    return w;
  }
}

/** y = x·W (+ b) with W [x.length, out]; the bias is used when the weights have one. */
export function lin(w: RefWeights, name: string, x: Vec, out: number): Vec {
  const W = w.get(`${name}/w`);
  if (W.length !== x.length * out) throw new Error(`reference: ${name}/w has ${W.length} values, expected ${x.length}×${out}`);
  const b = w.has(`${name}/b`) ? w.get(`${name}/b`) : null;
  const y: Vec = [];
  for (let o = 0; o < out; o++) {
    let s = b === null ? 0 : (b[o] ?? 0);
    for (let i = 0; i < x.length; i++) s += (x[i] ?? 0) * (W[i * out + o] ?? 0);
    y.push(s);
  }
  return y;
}

export function layerNorm(w: RefWeights, name: string, x: Vec): Vec {
  const g = w.get(`${name}/g`);
  const b = w.get(`${name}/b`);
  const mean = x.reduce((a, v) => a + v, 0) / x.length;
  const variance = x.reduce((a, v) => a + (v - mean) ** 2, 0) / x.length;
  return x.map((v, i) => ((v - mean) / Math.sqrt(variance + 1e-5)) * (g[i] ?? 0) + (b[i] ?? 0));
}

export const relu = (x: Vec): Vec => x.map((v) => Math.max(v, 0));
export const sigmoid = (x: Vec): Vec => x.map((v) => 1 / (1 + Math.exp(-v)));
export const add = (a: Vec, b: Vec): Vec => a.map((v, i) => v + (b[i] ?? 0));
export const zeros = (n: number): Vec => new Array<number>(n).fill(0);
export const zeroRows = (n: number, e: number): Rows => Array.from({ length: n }, () => zeros(e));
/** Keeps the first d entries, zeroes the rest (the supernet's masks). */
export const maskVec = (x: Vec, d: number): Vec => x.map((v, i) => (i < d ? v : 0));
export const maskRows = (x: Rows, s: number): Rows => x.map((r, i) => (i < s ? r : r.map(() => 0)));
export const padVec = (x: Vec, m: number): Vec => [...x, ...zeros(m - x.length)];
export const transpose = (x: Rows): Rows => (x[0] ?? []).map((_, c) => x.map((r) => r[c] ?? 0));

/** Projects the row axis: out[r][e] = Σ_n W[n, r]·S[n][e] + b[r], then an optional LN over rows per channel. */
export function rowLinear(w: RefWeights, name: string, s: Rows, out: number, ln: boolean): Rows {
  const channels = transpose(s).map((col) => {
    const y = lin(w, name, col, out);
    return ln ? layerNorm(w, `${name}/ln`, y) : y;
  });
  return transpose(channels);
}

/** DLRM dot product with the §5 skip rules, for output width `out` (P = round(√(2·out))). */
export function dotProduct(w: RefWeights, name: string, x: Vec, s: Rows, out: number, e: number, ln: boolean): Vec {
  const p = Math.round(Math.sqrt(2 * out));
  let xd = x;
  if (x.length !== e) {
    xd = lin(w, `${name}/w1`, x, e);
    if (ln) xd = layerNorm(w, `${name}/w1/ln`, xd);
  }
  const sp = s.length === p ? s : rowLinear(w, `${name}/w2`, s, p, ln);
  const t = [xd, ...sp];
  const pairs: Vec = [];
  for (let r = 1; r <= p; r++)
    for (let c = 0; c < r; c++) pairs.push((t[r] ?? []).reduce((a, v, k) => a + v * (t[c]?.[k] ?? 0), 0));
  const y = pairs.length === out ? pairs : lin(w, `${name}/w3`, pairs, out);
  return ln ? layerNorm(w, `${name}/ln`, y) : y;
}

/** Sum / Sigmoid-Gating on left/right padded to m = max width; projection when m ≠ out. */
export function binary(w: RefWeights, name: string, op: 'sum' | 'sg', l: Vec, r: Vec, out: number, ln: boolean): Vec {
  const m = Math.max(l.length, r.length);
  const [lp, rp] = [padVec(l, m), padVec(r, m)];
  const z = op === 'sum' ? add(lp, rp) : sigmoid(lin(w, `${name}/u`, lp, m)).map((g, i) => g * (rp[i] ?? 0));
  const y = m === out ? z : lin(w, name, z, out);
  return ln ? layerNorm(w, `${name}/ln`, y) : y;
}

/** Attention: row projection, optional row mask, MHA (heads of dim 2), add & LN, FFN, add & LN. */
export function attention(w: RefWeights, name: string, s: Rows, out: number, e: number, ln: boolean, maskTo: number | null): Rows {
  let x = rowLinear(w, name, s, out, ln);
  if (maskTo !== null) x = maskRows(x, maskTo);
  const qkv = x.map((tok) => lin(w, `${name}/mha/in`, tok, 3 * e));
  const heads = e / 2;
  const ctx: Rows = x.map(() => zeros(e));
  for (let h = 0; h < heads; h++) {
    const q = (i: number, k: number): number => qkv[i]?.[h * 2 + k] ?? 0;
    const key = (j: number, k: number): number => qkv[j]?.[e + h * 2 + k] ?? 0;
    const val = (j: number, k: number): number => qkv[j]?.[2 * e + h * 2 + k] ?? 0;
    for (let i = 0; i < x.length; i++) {
      const scores = x.map((_, j) => (q(i, 0) * key(j, 0) + q(i, 1) * key(j, 1)) / Math.SQRT2);
      const mx = Math.max(...scores);
      const ex = scores.map((v) => Math.exp(v - mx));
      const z = ex.reduce((a, v) => a + v, 0);
      for (let k = 0; k < 2; k++) ctx[i]![h * 2 + k] = ex.reduce((a, p, j) => a + (p / z) * val(j, k), 0);
    }
  }
  return x.map((tok, i) => {
    const hTok = layerNorm(w, `${name}/lnA`, add(tok, lin(w, `${name}/mha/out`, ctx[i]!, e)));
    const f = add(hTok, lin(w, `${name}/ffn2`, relu(lin(w, `${name}/ffn1`, hTok, e)), e));
    return layerNorm(w, `${name}/lnF`, f);
  });
}

/** FM: (Σ_n S_n)² − Σ_n S_n², projected E → out unless equal. */
export function fm(w: RefWeights, name: string, s: Rows, out: number, e: number, ln: boolean): Vec {
  const v = transpose(s).map((col) => col.reduce((a, x) => a + x, 0) ** 2 - col.reduce((a, x) => a + x * x, 0));
  if (out === e) return v;
  const y = lin(w, name, v, out);
  return ln ? layerNorm(w, `${name}/ln`, y) : y;
}

/** Dense→sparse: projection to 8E unless the input is 8E wide, reshaped to 8 rows of E. */
export function denseToSparse(w: RefWeights, name: string, x: Vec, e: number, ln: boolean): Rows {
  let p = x;
  if (x.length !== 8 * e) {
    p = lin(w, name, x, 8 * e);
    if (ln) p = layerNorm(w, `${name}/ln`, p);
  }
  return Array.from({ length: 8 }, (_, r) => p.slice(r * e, (r + 1) * e));
}
