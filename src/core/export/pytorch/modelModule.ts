// Python text of `NASRecNet`, unrolled for one architecture: named submodules per live block, a forward pass
// written out block by block with shape comments (NASREC.md §3, §5.1), and the playground names of its weights.
import type { BlockPlan, NetPlan } from './netPlan.ts';

const OP_CLASS = { fc: 'FC', sg: 'SigmoidGating', sum: 'Sum', dp: 'DotProduct', efc: 'EFC', attn: 'Attention' } as const;
const OP_WORDS = { fc: 'FC', sg: 'Sigmoid-Gating', sum: 'Sum', dp: 'Dot-Product', efc: 'EFC', attn: 'Attention' } as const;

const attr = (b: BlockPlan, op: string) => `b${b.index}_${op}`;
const list = (idx: readonly number[]) => `[${idx.join(', ')}]`;

/** The submodules of one live block, with what each maps. */
function blockInit(b: BlockPlan, e: number): string[] {
  const { block: k } = b;
  const d = k.denseDim;
  const lines = [`# Block ${b.index}: ${blockSummary(b)}`];
  if (k.denseOp === 'fc') lines.push(`self.${attr(b, 'fc')} = FC(${b.denseIn}, ${d}, ln)  # dense ${list(k.denseIdx)}: ${b.denseIn} -> ${d}`);
  else if (k.denseOp === 'dp') {
    const skips = [b.denseIn === e ? 'no w1 (dense input is E wide)' : `w1 ${b.denseIn} -> ${e}`, b.rowsIn === b.dpRows ? `no w2 (${b.rowsIn} rows = P)` : `w2 rows ${b.rowsIn} -> ${b.dpRows}`, b.dpPairs === d ? `no w3 (${b.dpPairs} pairs = d)` : `w3 ${b.dpPairs} pairs -> ${d}`];
    lines.push(`self.${attr(b, 'dp')} = DotProduct(${b.denseIn}, ${b.rowsIn}, ${d}, ${e}, ln)  # P = ${b.dpRows}; ${skips.join(', ')}`);
  } else {
    const m = Math.max(b.leftDim, b.rightDim);
    const proj = m === d ? `no projection (m = d = ${d})` : `${m} -> ${d}`;
    lines.push(`self.${attr(b, k.denseOp)} = ${OP_CLASS[k.denseOp]}(${b.leftDim}, ${b.rightDim}, ${d}, ln)  # left ${k.left}, right ${k.right}; ${proj}`);
  }
  lines.push(`self.${attr(b, k.sparseOp)} = ${OP_CLASS[k.sparseOp]}(${b.rowsIn}${k.sparseOp === 'attn' ? `, ${k.sparseDim}, ${e}` : `, ${k.sparseDim}`}, ln)  # sparse ${list(k.sparseIdx)}: ${b.rowsIn} rows -> ${k.sparseDim}`);
  if (k.deepFm) lines.push(`self.${attr(b, 'fm')} = FM(${e}, ${d}, ln)  # sparse->dense${d === e ? ' (no projection: d = E)' : `, E ${e} -> ${d}`}`);
  if (k.interact) lines.push(`self.${attr(b, 'd2s')} = DenseToSparse(${d}, ${e}, ln)  # dense->sparse${b.d2sProjects ? `, ${d} -> ${8 * e} = 8 rows x ${e}` : ' (identity: d = 8 E)'}`);
  if (b.unusedOps.length > 0) {
    const ops = b.unusedOps.map((op) => attr(b, op)).join(', ');
    lines.push(`# ${ops}: nothing the logit depends on reads ${b.unusedOps.length > 1 ? 'their outputs' : 'its output'}; computed (as the official eager model does), never trained (§3).`);
  }
  return lines;
}

function blockSummary(b: BlockPlan): string {
  const k = b.block;
  const dense = k.denseOp === 'sum' || k.denseOp === 'sg' ? `${OP_WORDS[k.denseOp]}(${k.left}, ${k.right})` : `${OP_WORDS[k.denseOp]} on ${list(k.denseIdx)}`;
  const extras = [k.deepFm ? 'FM' : '', k.interact ? 'dense->sparse' : ''].filter(Boolean);
  return `${dense} -> ${k.denseDim}; ${OP_WORDS[k.sparseOp]} on ${list(k.sparseIdx)} -> ${k.sparseDim} rows${extras.length ? `; ${extras.join(', ')}` : ''}`;
}

const DEAD = (i: number) =>
  `# Block ${i}: dead. Nothing the final layer reads depends on it through an input its reader uses (NASREC.md §3), so it is not built.`;

/** The forward pass of one live block: writes dense{i+1} and sparse{i+1}. */
function blockForward(b: BlockPlan, plan: NetPlan): string[] {
  const k = b.block;
  const e = plan.embeddingDim;
  const out = b.index + 1;
  const d = k.denseDim;
  const lines = [`# Block ${b.index}: ${blockSummary(b)}`];
  const cat = (name: string, idx: readonly number[]) => (idx.length === 1 ? `${name}${idx[0]}` : `torch.cat([${idx.map((j) => `${name}${j}`).join(', ')}], dim=1)`);
  let s = cat('sparse', k.sparseIdx);
  if (k.sparseIdx.length > 1) {
    lines.push(`s = ${s}  # [B, ${b.rowsIn}, ${e}]`);
    s = 's';
  }
  let call: string;
  if (k.denseOp === 'fc' || k.denseOp === 'dp') {
    let x = cat('dense', k.denseIdx);
    if (k.denseIdx.length > 1) {
      lines.push(`x = ${x}  # [B, ${b.denseIn}]`);
      x = 'x';
    }
    call = k.denseOp === 'fc' ? `self.${attr(b, 'fc')}(${x})` : `self.${attr(b, 'dp')}(${x}, ${s})`;
  } else call = `self.${attr(b, k.denseOp)}(dense${k.left}, dense${k.right})`;
  const dense = `dense${out}`;
  const pre = k.deepFm ? 'pre' : dense;
  lines.push(`${pre} = ${call}  # [B, ${d}]`);
  lines.push(`sparse${out} = self.${attr(b, k.sparseOp)}(${s})  # [B, ${k.sparseDim}, ${e}]`);
  if (k.deepFm) lines.push(`${dense} = pre + self.${attr(b, 'fm')}(sparse${out})  # [B, ${d}]: FM of the sparse op's output (§5.1)`);
  const readHere = k.interact && (!k.deepFm || !b.d2sProjects); // the dense->sparse module reads dense{out}
  if (!b.denseRead && !readHere) lines.push(`# ${dense} is never read (only this block's sparse output is): computed, as the official eager model does (§3).`);
  if (k.interact) {
    // Official SuperNetBlock: the projection reads a clone of the pre-FM output; the identity (d = 8E) reads a view
    // that the in-place FM addition then changes, i.e. the post-FM output (bench/reference/nasrec_ref.py).
    const src = b.d2sProjects ? pre : dense;
    const why = !k.deepFm ? '' : b.d2sProjects ? ', from the pre-FM output (official quirk, §5.1)' : ', from the post-FM output (official quirk, §5.1)';
    lines.push(`sparse${out} = torch.cat([sparse${out}, self.${attr(b, 'd2s')}(${src})], dim=1)  # [B, ${b.rowsOut}, ${e}]${why}`);
  }
  return lines;
}

/** `class NASRecNet(nn.Module)` for the plan. */
export function modelClass(plan: NetPlan): string {
  const e = plan.embeddingDim;
  const n = plan.blocks.length;
  const init = plan.blocks.flatMap((b) => (b.live ? blockInit(b, e) : [DEAD(b.index)]));
  const forward = plan.blocks.flatMap((b) => (b.live ? blockForward(b, plan) : [DEAD(b.index)]));
  const weights = plan.blocks
    .filter((b) => b.live)
    .flatMap((b) => {
      const k = b.block;
      const ops = [k.denseOp, k.sparseOp, ...(k.deepFm ? ['fm'] : []), ...(k.interact ? ['d2s'] : [])];
      return ops.map((op) => `weights += self.${attr(b, op)}.playground_weights("net/b${b.index}/${op}")`);
    });
  const pad8 = (lines: string[]) => lines.map((l) => `        ${l}`).join('\n');
  return `
class NASRecNet(nn.Module):
    """The architecture NAME (key KEY) as a plain PyTorch module (NASREC.md §3, §5, §5.1).

    forward(dense, cat): dense [B, DENSE_FIELDS] float (ln(max(x, 0) + 1) per field, 0 = missing; one zero column
    when the data has no dense fields), cat [B, ${plan.input.sparse}] long (bucket index per categorical field, 0 = missing)
    -> logits [B, 1] (no sigmoid; train with BCE-with-logits).
    layer_norm: LayerNorm after the projections; NASRec's final training has it off (§11), the supernet on (§8.2).
    table_rows: rows of each embedding table (default TABLE_ROWS, as the playground hashed the data).
    """

    def __init__(self, layer_norm=False, table_rows=None):
        super().__init__()
        ln = self.layer_norm = bool(layer_norm)
        self.table_rows = [int(n) for n in (TABLE_ROWS if table_rows is None else table_rows)]
        if len(self.table_rows) != len(TABLE_ROWS) or min(self.table_rows, default=2) < 2:
            raise ValueError(f"table_rows needs {len(TABLE_ROWS)} counts of at least 2, got {self.table_rows}")
        # One dense-gradient table per categorical field, as NASRec's nn.Embedding (§8.2); row 0 = missing (§2.3).
        self.embeddings = nn.ModuleList(nn.Embedding(rows, EMBEDDING_DIM) for rows in self.table_rows)
${pad8(init)}
        # Final layer (§3): the last block's dense output (${plan.finalDense}) and its sparse output (${plan.finalRows} rows x ${e}), flattened.
        self.final = nn.Linear(FINAL_DENSE + FINAL_ROWS * EMBEDDING_DIM, 1)
        nasrec_init_(self)

    def forward(self, dense, cat):
        # dense{j}, sparse{j}: stream j (0 = the input, j >= 1 = the output of block j - 1), read by later blocks (§3).
        dense0 = dense  # [B, ${plan.input.dense}]
        sparse0 = torch.stack([table(cat[:, f]) for f, table in enumerate(self.embeddings)], dim=1)  # [B, ${plan.input.sparse}, ${e}]
${pad8(forward)}
        # Final layer: dense output, then the sparse output flattened row-major (feature n E + e = row n, channel e).
        return self.final(torch.cat([dense${n}, sparse${n}.flatten(1)], dim=1))  # [B, 1]

    def playground_weights(self):
        """(name in the playground's model files, parameter, layout) of every weight; see load_playground_weights."""
        weights = []
${pad8(weights)}
        weights += linear_weights("net/final", self.final, layout="final")
        weights += [(f"embedding/{f}", table.weight, "same") for f, table in enumerate(self.embeddings)]
        return weights
`;
}
