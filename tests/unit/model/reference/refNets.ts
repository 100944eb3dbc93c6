// Reference logits of a supernet path (masks, zero-filled inputs, §7) and of a standalone net (§5.1), in plain loops.
import type { Arch, ArchBlock, InputShape, PathBlock, SpaceConfig, SupernetPath } from '../../../../src/core/space/types.ts';
import { add, attention, binary, denseToSparse, dotProduct, fm, layerNorm, lin, maskRows, maskVec, relu, rowLinear, zeroRows, zeros } from './refOps.ts';
import type { RefWeights, Rows, Vec } from './refOps.ts';

export interface RefNetConfig {
  space: SpaceConfig;
  input: InputShape;
  layerNorm: boolean;
}

/** One example's input: dense features and sparse rows (F × E). */
export interface RefExample {
  dense: Vec;
  sparse: Rows;
}

/** Final layer over [dense, sparse flattened channel-major (e·N + n)], as both tfjs nets lay it out. */
function finalLogit(w: RefWeights, dense: Vec, sparse: Rows): number {
  const e = sparse[0]?.length ?? 0;
  const flat: Vec = [];
  for (let c = 0; c < e; c++) for (const row of sparse) flat.push(row[c] ?? 0);
  return lin(w, 'final', [...dense, ...flat], 1)[0] ?? 0;
}

interface BlockIo {
  x: () => Vec;
  s: Rows;
  l: () => Vec;
  r: () => Vec;
}

function denseOp(w: RefWeights, name: string, op: ArchBlock['denseOp'], io: BlockIo, d: number, cfg: RefNetConfig): Vec {
  const ln = cfg.layerNorm;
  if (op === 'fc') {
    const y = lin(w, name, io.x(), d);
    return relu(ln ? layerNorm(w, `${name}/ln`, y) : y);
  }
  if (op === 'dp') return dotProduct(w, name, io.x(), io.s, d, cfg.space.embeddingDim, ln);
  return binary(w, name, op, io.l(), io.r(), d, ln);
}

function sparseOp(w: RefWeights, name: string, op: ArchBlock['sparseOp'], s: Rows, rows: number, cfg: RefNetConfig, maskTo: number | null): Rows {
  if (op === 'attn') return attention(w, name, s, rows, cfg.space.embeddingDim, cfg.layerNorm, maskTo);
  return rowLinear(w, name, s, rows, cfg.layerNorm).map(relu);
}

/** Logit of one example on a supernet path. */
export function refSupernetLogit(w: RefWeights, cfg: RefNetConfig, path: SupernetPath, ex: RefExample): number {
  const e = cfg.space.embeddingDim;
  const dmax = Math.max(...cfg.space.denseDims);
  const smax = Math.max(...cfg.space.sparseDims);
  const dense: Vec[] = [ex.dense];
  const sparse: Rows[] = [ex.sparse];
  path.forEach((pb: PathBlock, i) => {
    const zf = (chosen: readonly number[]): Vec => dense.flatMap((t, j) => (chosen.includes(j) ? t : zeros(t.length)));
    const io: BlockIo = {
      x: () => zf(pb.denseIdx),
      s: sparse.flatMap((t, j) => (pb.sparseIdx.includes(j) ? t : zeroRows(t.length, e))),
      l: () => zf(pb.leftRightAll === true ? dense.map((_, j) => j) : [pb.left]),
      r: () => zf(pb.leftRightAll === true ? dense.map((_, j) => j) : [pb.right]),
    };
    const ops = ['fc', 'sg', 'sum', 'dp'] as const;
    const pre = maskVec(
      ops.filter((op) => pb.denseOps.includes(op)).map((op) => denseOp(w, `b${i}/${op}`, op, io, dmax, cfg)).reduce(add),
      pb.denseDim,
    );
    const sp = maskRows(
      (['efc', 'attn'] as const)
        .filter((op) => pb.sparseOps.includes(op))
        .map((op) => sparseOp(w, `b${i}/${op}`, op, io.s, smax, cfg, pb.sparseDim))
        .reduce((a, b) => a.map((row, n) => add(row, b[n] ?? []))),
      pb.sparseDim,
    );
    const post = pb.deepFm ? add(pre, maskVec(fm(w, `b${i}/fm`, sp, dmax, e, cfg.layerNorm), pb.denseDim)) : pre;
    // Official aliasing: an identity module sees the post-FM output, a projection the pre-FM one.
    const rows = pb.interact ? denseToSparse(w, `b${i}/d2s`, dmax === 8 * e ? post : pre, e, cfg.layerNorm) : zeroRows(8, e);
    dense.push(post);
    sparse.push([...sp, ...rows]);
  });
  return finalLogit(w, dense[dense.length - 1]!, sparse[sparse.length - 1]!);
}

/** Logit of one example through the standalone network of `arch` (every block computed, dead ones included). */
export function refStandaloneLogit(w: RefWeights, cfg: RefNetConfig, arch: Arch, ex: RefExample, live: readonly boolean[]): number {
  const e = cfg.space.embeddingDim;
  const dense: Vec[] = [ex.dense];
  const sparse: Rows[] = [ex.sparse];
  arch.blocks.forEach((b, i) => {
    if (!live[i]) {
      dense.push([]);
      sparse.push([]);
      return;
    }
    const io: BlockIo = {
      x: () => b.denseIdx.flatMap((j) => dense[j] ?? []),
      s: b.sparseIdx.flatMap((j) => sparse[j] ?? []),
      l: () => dense[b.left] ?? [],
      r: () => dense[b.right] ?? [],
    };
    const pre = denseOp(w, `b${i}/${b.denseOp}`, b.denseOp, io, b.denseDim, cfg);
    const sp = sparseOp(w, `b${i}/${b.sparseOp}`, b.sparseOp, io.s, b.sparseDim, cfg, null);
    const post = b.deepFm ? add(pre, fm(w, `b${i}/fm`, sp, b.denseDim, e, cfg.layerNorm)) : pre;
    const rows = b.interact ? denseToSparse(w, `b${i}/d2s`, b.denseDim === 8 * e ? post : pre, e, cfg.layerNorm) : [];
    dense.push(post);
    sparse.push([...sp, ...rows]);
  });
  return finalLogit(w, dense[dense.length - 1]!, sparse[sparse.length - 1]!);
}
