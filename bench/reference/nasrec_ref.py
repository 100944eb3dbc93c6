#!/usr/bin/env python3
# NASRec's fixed network in PyTorch (NASREC.md §5, §5.1, §8.2): checks our logits and gradients, times a train step.
"""Reference for `bench/reference.ts` (issue #6). Needs only torch (Debian's python3-torch 1.13 works).

Usage: nasrec_ref.py CASE.json [--threads 1,2] [--warmup 5] [--steps 20] [--min-seconds 2] [--no-timing]

The case (written by bench/reference.ts) is a JSON manifest plus a little-endian binary sidecar (`blob`):
  space, arch ({version, space, blocks}: our canonical JSON), input {dense, sparse}, layerNorm, live (our
  per-block liveness), tableRows, lr, clipNorm, adagradEps, ours (backend names) and
  tensors {name: {dtype: float32|int32, shape, offset}} with
    param/<name>             every network weight by our parameter name, in our layout
    batch/dense [B, Din]     batch/indices [F, B] (field-major)     batch/labels [B]
    batch/embeddings [B,F,E] the gathered embedding rows the network reads
    ours/<backend>/logits [B, 1], ours/<backend>/loss [1], ours/<backend>/grad/<name>, ours/<backend>/grad/@embeddings

The network is written the PyTorch way, from NASREC.md and the official modules: sparse tensors [B, rows, E],
Linear weights [out, in] applied with F.linear, attention through F.multi_head_attention_forward. Our layout
differs in two places, both converted at load time: our Linear stores W as [in, out] (2-D weights are transposed
in, and their gradients transposed back), and our final layer reads the sparse output flattened channel-major
(index e*N + n), so the features are flattened the same way here.

Relative difference of a tensor: max|ours - ref| / max(max|ref|, 1e-6), ref = PyTorch. `grads` is the largest
over every network gradient and the embedding gradient, except gradients that are zero in exact arithmetic (the
parameters of an op whose output nothing reads: the standalone net drops dead blocks only), where any float32
value would be rounding noise: a float64 run finds them (max|grad| <= 1e-9 times the largest gradient entry), and
they are reported apart (`zeroGrads`), as max|ours| over that largest entry.

ReLU kinks: a ReLU input that is ~1e-8 in float64 may round to either side of 0 in float32, and its gradient then
passes or not: one such element moved a Full case's gradients by 1.7e-3 (relative), in ours and against float64
alike. ReLU inputs within KINK of zero (float64 run) are listed, and the float32 reference is recomputed with every
subset of them on the other side (up to MAX_KINKS); each backend is compared with the subset that matches it best
(`kinks`, `kinkFlips` in the output). A real bug does not vanish under such flips of a few elements.

Timing reports the median step time (and the mean): the median is robust to another process taking the core
for a moment. Prints one JSON line to stdout.
"""
import argparse
import json
import math
import os
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

INTERACT_ROWS = 8  # rows appended by the dense->sparse module (§5.1)
HEAD_DIM = 2  # attention head dim: heads = E / 2 (8 heads at E = 16, §5)
LN_EPS = 1e-5
ZERO_GRAD = 1e-9  # float64 |grad| / largest |grad| below which a gradient is zero in exact arithmetic
REL_FLOOR = 1e-6
KINK = 1e-6  # float64 |ReLU input| / largest |input| of that ReLU below which float32 cannot tell its sign
MAX_KINKS = 6  # near-zero ReLU inputs whose gradient sides are searched (2^k float32 backward passes)


def load_case(path):
    with open(path) as f:
        case = json.load(f)
    with open(os.path.join(os.path.dirname(os.path.abspath(path)), case["blob"]), "rb") as f:
        blob = f.read()
    dtypes = {"float32": torch.float32, "int32": torch.int32}
    tensors = {}
    for name, e in case["tensors"].items():
        n = math.prod(e["shape"])
        chunk = bytearray(blob[e["offset"] : e["offset"] + 4 * n])
        t = torch.frombuffer(chunk, dtype=dtypes[e["dtype"]]) if n > 0 else torch.zeros(0, dtype=dtypes[e["dtype"]])
        tensors[name] = t.reshape(e["shape"]).clone()
    return case, tensors


class Params:
    """Parameters by our name, loaded from the case. 2-D weights arrive [in, out] and are kept as [out, in]."""

    def __init__(self, values, dtype, relu):
        self.values = values  # name -> tensor in our layout
        self.dtype = dtype
        self.relu = relu  # every op's ReLU (a ReluSites in the check)
        self.table = {}  # name -> nn.Parameter in PyTorch layout

    def get(self, name, shape):
        if name in self.table:
            raise KeyError(f"parameter {name} declared twice")
        if name not in self.values:
            raise KeyError(f"the reference needs parameter {name} {list(shape)}, which the case lacks")
        v = self.values[name]
        if list(v.shape) != list(shape):
            raise ValueError(f"parameter {name}: the case has shape {list(v.shape)}, the reference wants {list(shape)}")
        p = nn.Parameter((v.t() if v.dim() == 2 else v).to(self.dtype).contiguous())
        self.table[name] = p
        return p

    @staticmethod
    def ours_layout(t):
        """A gradient in our layout ([in, out] for 2-D weights)."""
        return t.t() if t.dim() == 2 else t

    def linear(self, name, din, dout, bias):
        w = self.get(f"{name}/w", (din, dout))
        b = self.get(f"{name}/b", (dout,)) if bias else None
        return lambda x: F.linear(x, w, b)

    def layer_norm(self, name, dim):
        g = self.get(f"{name}/g", (dim,))
        b = self.get(f"{name}/b", (dim,))
        return lambda x: F.layer_norm(x, (dim,), g, b, LN_EPS)

    def maybe_ln(self, name, dim, on):
        return self.layer_norm(name, dim) if on else (lambda x: x)


class FlipRelu(torch.autograd.Function):
    """ReLU whose gradient takes the other side of 0 where `flip` is set."""

    @staticmethod
    def forward(ctx, x, flip):
        ctx.save_for_backward((x > 0) ^ flip)
        return F.relu(x)

    @staticmethod
    def backward(ctx, dy):
        (passes,) = ctx.saved_tensors
        return dy * passes.to(dy.dtype), None


class ReluSites:
    """Every ReLU of one forward pass in call order: keeps the inputs, flips the gradient side of chosen elements."""

    def __init__(self, flips=None):
        self.inputs = []
        self.flips = flips or {}  # call index -> bool mask

    def __call__(self, x):
        flip = self.flips.get(len(self.inputs))
        self.inputs.append(x.detach())
        return F.relu(x) if flip is None else FlipRelu.apply(x, flip)


def over_rows(f, s):
    """Applies f to the row axis of s [B, N, E] (official: transpose(1, 2), op, transpose back)."""
    return f(s.transpose(1, 2)).transpose(1, 2)


def pad_to(x, m):
    return F.pad(x, (0, m - x.shape[1])) if x.shape[1] < m else x


def dp_rows(d):
    return int(math.floor(math.sqrt(2 * d) + 0.5))  # round(sqrt(2d)), JS rounding (ties never occur)


# Dense ops: x [B, Din], s [B, N, E], left/right [B, w] -> [B, d].
def make_fc(P, name, din, d, ln):
    lin, norm = P.linear(name, din, d, not ln), P.maybe_ln(f"{name}/ln", d, ln)
    return lambda x, s, l, r: P.relu(norm(lin(x())))


def make_sum(P, name, dl, dr, d, ln):
    m = max(dl, dr)
    proj = P.linear(name, m, d, not ln) if m != d else (lambda z: z)
    norm = P.maybe_ln(f"{name}/ln", d, ln)
    return lambda x, s, l, r: norm(proj(pad_to(l(), m) + pad_to(r(), m)))


def make_sg(P, name, dl, dr, d, ln):
    m = max(dl, dr)
    u = P.linear(f"{name}/u", m, m, True)
    proj = P.linear(name, m, d, True) if m != d else (lambda z: z)
    norm = P.maybe_ln(f"{name}/ln", d, ln)
    return lambda x, s, l, r: norm(proj(torch.sigmoid(u(pad_to(l(), m))) * pad_to(r(), m)))


def make_dp(P, name, din, nin, d, e, ln):
    p = dp_rows(d)
    pairs = p * (p + 1) // 2
    w1 = P.linear(f"{name}/w1", din, e, not ln) if din != e else None
    ln1 = P.maybe_ln(f"{name}/w1/ln", e, ln and w1 is not None)
    w2 = P.linear(f"{name}/w2", nin, p, not ln) if nin != p else None
    ln2 = P.maybe_ln(f"{name}/w2/ln", p, ln and w2 is not None)
    w3 = P.linear(f"{name}/w3", pairs, d, not ln) if pairs != d else None
    ln3 = P.maybe_ln(f"{name}/ln", d, ln)
    li, lj = torch.tril_indices(p + 1, p + 1, offset=-1)

    def apply(x, s, l, r):
        xd = ln1(w1(x())) if w1 is not None else x()
        y = over_rows(lambda t: ln2(w2(t)), s) if w2 is not None else s
        t = torch.cat([xd.unsqueeze(1), y], dim=1)  # [B, P+1, E]
        z = torch.bmm(t, t.transpose(1, 2))[:, li, lj]
        return ln3(w3(z) if w3 is not None else z)

    return apply


# Sparse ops: s [B, Nin, E] -> [B, rows, E].
def make_efc(P, name, nin, rows, e, ln):
    lin, norm = P.linear(name, nin, rows, not ln), P.maybe_ln(f"{name}/ln", rows, ln)
    return lambda s: over_rows(lambda t: P.relu(norm(lin(t))), s)


def make_attn(P, name, nin, rows, e, ln):
    lin, norm = P.linear(name, nin, rows, not ln), P.maybe_ln(f"{name}/ln", rows, ln)
    heads = e // HEAD_DIM
    in_w, in_b = P.get(f"{name}/mha/in/w", (e, 3 * e)), P.get(f"{name}/mha/in/b", (3 * e,))
    out_w, out_b = P.get(f"{name}/mha/out/w", (e, e)), P.get(f"{name}/mha/out/b", (e,))
    ln_a = P.layer_norm(f"{name}/lnA", e)
    ffn1, ffn2 = P.linear(f"{name}/ffn1", e, e, True), P.linear(f"{name}/ffn2", e, e, True)
    ln_f = P.layer_norm(f"{name}/lnF", e)

    def apply(s):
        sp = over_rows(lambda t: norm(lin(t)), s)  # [B, rows, E]
        q = sp.transpose(0, 1)  # nn.MultiheadAttention(batch_first=True) runs sequence-first
        a, _ = F.multi_head_attention_forward(
            q, q, q, e, heads, in_w, in_b, None, None, False, 0.0, out_w, out_b, training=True, need_weights=False
        )
        h = ln_a(a.transpose(0, 1) + sp)
        return ln_f(h + ffn2(P.relu(ffn1(h))))

    return apply


def make_fm(P, name, e, d, ln):
    proj = P.linear(name, e, d, not ln) if e != d else None
    norm = P.maybe_ln(f"{name}/ln", d, ln and proj is not None)

    def apply(s):
        v = s.sum(dim=1) ** 2 - (s**2).sum(dim=1)  # no 1/2 (§5 FM)
        return norm(proj(v)) if proj is not None else v

    return apply


def dead_blocks(blocks):
    """§3 liveness: blocks the last one reaches through inputs it uses (dense for FC/DP, left/right for Sum/SG)."""
    live = [False] * len(blocks)
    stack = [len(blocks) - 1] if blocks else []
    while stack:
        i = stack.pop()
        if live[i]:
            continue
        live[i] = True
        b = blocks[i]
        used = list(b["sparseIdx"])
        used += b["denseIdx"] if b["denseOp"] in ("fc", "dp") else []
        used += [b["left"], b["right"]] if b["denseOp"] in ("sum", "sg") else []
        stack += [j - 1 for j in used if j >= 1 and not live[j - 1]]
    return live


class Block:
    """One block of the fixed network (§5.1)."""

    def __init__(self, P, b, i, dense_w, rows_w, e, ln):
        self.b = b
        din = sum(dense_w[j] for j in b["denseIdx"])
        nin = sum(rows_w[j] for j in b["sparseIdx"])
        d, rows, n = b["denseDim"], b["sparseDim"], lambda op: f"b{i}/{op}"
        op = b["denseOp"]
        if op == "fc":
            self.dense = make_fc(P, n("fc"), din, d, ln)
        elif op == "dp":
            self.dense = make_dp(P, n("dp"), din, nin, d, e, ln)
        else:
            make = make_sg if op == "sg" else make_sum
            self.dense = make(P, n(op), dense_w[b["left"]], dense_w[b["right"]], d, ln)
        self.sparse = (make_efc if b["sparseOp"] == "efc" else make_attn)(P, n(b["sparseOp"]), nin, rows, e, ln)
        self.fm = make_fm(P, n("fm"), e, d, ln) if b["deepFm"] else None
        self.d2s = None
        if b["interact"]:
            width = INTERACT_ROWS * e
            self.d2s_projects = d != width
            if self.d2s_projects:
                lin = P.linear(n("d2s"), d, width, not ln)
                norm = P.maybe_ln(f"{n('d2s')}/ln", width, ln)
                self.d2s = lambda x: norm(lin(x))
            else:
                self.d2s = lambda x: x
        self.e = e

    def forward(self, dense_list, sparse_list):
        b = self.b
        s = torch.cat([sparse_list[j] for j in b["sparseIdx"]], dim=1)
        pre = self.dense(
            lambda: torch.cat([dense_list[j] for j in b["denseIdx"]], dim=1),
            s,
            lambda: dense_list[b["left"]],
            lambda: dense_list[b["right"]],
        )
        sparse = self.sparse(s)
        dense = pre + self.fm(sparse) if self.fm is not None else pre
        if self.d2s is None:
            return dense, sparse
        # Official SuperNetBlock: a projection reads a clone of the pre-FM output; the identity (d = 8E) reads a
        # view of it that the in-place `+=` of the FM then changes, i.e. the post-FM output.
        rows = self.d2s(pre if self.d2s_projects else dense).reshape(-1, INTERACT_ROWS, self.e)
        return dense, torch.cat([sparse, rows], dim=1)


class Net:
    """The standalone network of an arch with the case's weights, in `dtype`."""

    def __init__(self, case, values, dtype, relu=F.relu):
        space, blocks, inp = case["space"], case["arch"]["blocks"], case["input"]
        e, ln = space["embeddingDim"], case["layerNorm"]
        self.live = dead_blocks(blocks)
        if self.live != case["live"]:
            raise ValueError(f"block liveness differs: reference {self.live}, ours {case['live']}")
        self.P = Params(values, dtype, relu)
        dense_w = [inp["dense"]] + [b["denseDim"] for b in blocks]
        rows_w = [inp["sparse"]] + [b["sparseDim"] + (INTERACT_ROWS if b["interact"] else 0) for b in blocks]
        make = lambda i, b: Block(self.P, b, i, dense_w, rows_w, e, ln) if self.live[i] else None  # noqa: E731
        self.blocks = [make(i, b) for i, b in enumerate(blocks)]
        self.final = self.P.linear("final", dense_w[-1] + rows_w[-1] * e, 1, True)
        extra = sorted(set(values) - set(self.P.table))
        if extra:
            raise ValueError(f"the case has parameters the reference does not use: {extra}")

    def parameters(self):
        return list(self.P.table.values())

    def forward(self, dense0, sparse0):
        """dense0 [B, Din], sparse0 [B, F, E] -> logits [B, 1]."""
        dense_list, sparse_list = [dense0], [sparse0]
        for block in self.blocks:
            d, s = block.forward(dense_list, sparse_list) if block is not None else (None, None)
            dense_list.append(d)
            sparse_list.append(s)
        d, s = dense_list[-1], sparse_list[-1]
        # Our final layer reads the sparse output channel-major (index e*N + n).
        return self.final(torch.cat([d, s.transpose(1, 2).reshape(d.shape[0], -1)], dim=1))


def reference_grads(case, t, dtype, relu=F.relu):
    params = {k[len("param/") :]: v for k, v in t.items() if k.startswith("param/")}
    net = Net(case, params, dtype, relu)
    emb = t["batch/embeddings"].to(dtype, copy=True).requires_grad_(True)
    logits = net.forward(t["batch/dense"].to(dtype), emb)
    loss = F.binary_cross_entropy_with_logits(logits.reshape(-1), t["batch/labels"].to(dtype))
    loss.backward()
    # A parameter the logit does not depend on (e.g. the dense op of a block whose dense output nothing reads) has
    # no gradient: zero, as in tfjs.
    grads = {}
    for name, p in net.P.table.items():
        grads[name] = net.P.ours_layout(p.grad if p.grad is not None else torch.zeros_like(p)).detach()
    grads["@embeddings"] = emb.grad.detach()
    return logits.detach(), loss.item(), grads


def rel_diff(ours, ref):
    ours, ref = ours.double(), ref.double()
    if list(ours.shape) != list(ref.shape):
        raise ValueError(f"shape mismatch: ours {list(ours.shape)}, reference {list(ref.shape)}")
    return ((ours - ref).abs().max() / max(ref.abs().max().item(), REL_FLOOR)).item() if ref.numel() else 0.0


def compare(ours_logits, ours_grads, ref_logits, ref_grads, zero):
    missing = sorted(set(ref_grads) - set(ours_grads))
    if missing:
        raise ValueError(f"our case lacks gradients of {missing}")
    scale = max(g.abs().max().item() for g in ref_grads.values())
    per = {n: rel_diff(ours_grads[n], ref_grads[n]) for n in ref_grads if n not in zero}
    worst = max(per, key=per.get)
    return {
        "logits": rel_diff(ours_logits, ref_logits),
        "grads": per[worst],
        "worstGrad": worst,
        "embeddings": per["@embeddings"],
        "zeroGrads": {n: ours_grads[n].abs().max().item() / scale for n in sorted(zero)},
    }


def kink_variants(case, t, sites64):
    """Float32 reference runs, one per subset of the near-zero ReLU inputs put on the other side: [(flipped, run)]."""
    kinks = []
    for i, x in enumerate(sites64.inputs):
        near = x.abs() <= KINK * max(x.abs().max().item(), REL_FLOOR)
        kinks += [(i, tuple(j)) for j in near.nonzero().tolist()]
    subsets = range(1 << len(kinks)) if len(kinks) <= MAX_KINKS else [0]
    variants = []
    for bits in subsets:
        flips = {}
        for k, (i, j) in enumerate(kinks):
            if bits >> k & 1:
                flips.setdefault(i, torch.zeros_like(sites64.inputs[i], dtype=torch.bool))[j] = True
        variants.append((bin(bits).count("1"), reference_grads(case, t, torch.float32, ReluSites(flips))))
    return len(kinks), variants


def check(case, t):
    sites64 = ReluSites()
    logits64, loss64, grads64 = reference_grads(case, t, torch.float64, sites64)
    kinks, variants = kink_variants(case, t, sites64)
    logits32, loss32, grads32 = variants[0][1]
    scale = max(g.abs().max().item() for g in grads64.values())
    zero = {n for n, g in grads64.items() if g.abs().max().item() <= ZERO_GRAD * scale}
    out = {"parameters": len(grads32) - 1, "loss": loss32, "kinks": kinks}
    out["torchFloat32VsFloat64"] = compare(logits32, grads32, logits64, grads64, zero)
    for backend in case["ours"]:
        p = f"ours/{backend}/"
        ours_grads = {k[len(p + "grad/") :]: v for k, v in t.items() if k.startswith(p + "grad/")}
        extra = sorted(set(ours_grads) - set(grads32))
        if extra:
            raise ValueError(f"our {backend} case has gradients the reference does not compute: {extra}")
        tried = [(compare(t[p + "logits"], ours_grads, v[0], v[2], zero), flipped) for flipped, v in variants]
        result, flipped = min(tried, key=lambda r: max(r[0]["logits"], r[0]["grads"]))
        result["kinkFlips"] = flipped
        result["unflipped"] = {k: tried[0][0][k] for k in ("logits", "grads", "worstGrad")}
        result["vsFloat64"] = compare(t[p + "logits"], ours_grads, logits64, grads64, zero)
        result["loss"] = {"ours": t[p + "loss"].item(), "torch": loss32, "absDiff": abs(t[p + "loss"].item() - loss32)}
        out[backend] = result
    return out


def time_training(case, t, threads, warmup, steps, min_seconds):
    """Training steps of the subnet at the case's batch: lookup, forward, backward, clip, Adagrad (§8.2)."""
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    params = {k[len("param/") :]: v for k, v in t.items() if k.startswith("param/")}
    net = Net(case, params, torch.float32)
    e = case["space"]["embeddingDim"]
    tables = [nn.Embedding(n, e) for n in case["tableRows"]]  # dense gradients, as NASRec's nn.Embedding
    for table in tables:
        nn.init.xavier_normal_(table.weight)
    weights = net.parameters() + [table.weight for table in tables]
    opt = torch.optim.Adagrad(weights, lr=case["lr"], eps=case["adagradEps"], initial_accumulator_value=0.0)
    idx = t["batch/indices"].long()
    dense, labels = t["batch/dense"], t["batch/labels"]

    def step():
        opt.zero_grad(set_to_none=True)
        emb = torch.stack([table(idx[f]) for f, table in enumerate(tables)], dim=1)  # [B, F, E]
        loss = F.binary_cross_entropy_with_logits(net.forward(dense, emb).reshape(-1), labels)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(weights, case["clipNorm"])
        opt.step()
        return loss

    for _ in range(warmup):
        step()
    times, started = [], time.perf_counter()
    while len(times) < steps or time.perf_counter() - started < min_seconds:
        t0 = time.perf_counter()
        loss = step().item()  # CPU ops are synchronous; .item() only reads the scalar
        times.append((time.perf_counter() - t0) * 1000)
    # The median step: robust to another process taking the core for a moment.
    ms = sorted(times)[len(times) // 2]
    batch = dense.shape[0]
    return {
        "threads": threads,
        "steps": len(times),
        "msPerStep": ms,
        "meanMsPerStep": sum(times) / len(times),
        "samplesPerSec": 1000 * batch / ms,
        "finalLoss": loss,
    }


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("case")
    ap.add_argument("--threads", default=str(os.cpu_count() or 1), help="comma-separated thread counts to time")
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--min-seconds", type=float, default=2.0)
    ap.add_argument("--no-timing", action="store_true")
    args = ap.parse_args(argv)
    case, t = load_case(args.case)
    out = {"torch": torch.__version__, "python": sys.version.split()[0], "batch": int(t["batch/dense"].shape[0])}
    torch.set_num_threads(1)
    out["check"] = check(case, t)
    out["maxRelDiff"] = {k: max(out["check"][b][k] for b in case["ours"]) for k in ("logits", "grads")}
    if not args.no_timing:
        threads = [int(n) for n in args.threads.split(",")]
        runs = [time_training(case, t, n, args.warmup, args.steps, args.min_seconds) for n in threads]
        out["timing"] = runs
        out.update({k: runs[0][k] for k in ("threads", "samplesPerSec", "msPerStep")})
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])
