// Static Python text of the generated module's operator classes (NASREC.md §5), their initialisation (§8.2) and
// the names their weights have in the playground's model files. Semantics as bench/reference/nasrec_ref.py.

/** Op classes, `nasrec_init_` and the weight-name helpers: pure torch, any architecture. */
export const OPS_LIBRARY = String.raw`
# ---------------------------------------------------------------------------------------------------------------
# Operators (NASREC.md §5). Tensors: dense [B, width], sparse [B, rows, E]. Every weight also knows its name in the
# playground's model files (playground_weights), which load_playground_weights uses.
# ---------------------------------------------------------------------------------------------------------------
INTERACT_ROWS = 8  # rows the dense->sparse module appends (§5.1)
HEAD_DIM = 2  # attention head dimension: E / 2 heads (8 heads at E = 16, §5)
LN_EPS = 1e-5
ATTENTION_LN_GAIN = 0.17  # initial gain of attention's two LayerNorms (LN_INIT, §5, §13.9)


def norm_or_identity(dim, on):
    """LayerNorm over the last axis when on, else the identity (final training has LayerNorm off, §11)."""
    return nn.LayerNorm(dim, eps=LN_EPS) if on else nn.Identity()


def linear_weights(name, linear, layout="linear"):
    """(playground name, parameter, layout) of a Linear: the playground stores the weight [in, out]."""
    out = [(name + "/w", linear.weight, layout)]
    if linear.bias is not None:
        out.append((name + "/b", linear.bias, "same"))
    return out


def norm_weights(name, norm):
    """The gain and bias of a LayerNorm (nothing for the identity)."""
    if not isinstance(norm, nn.LayerNorm):
        return []
    return [(name + "/g", norm.weight, "same"), (name + "/b", norm.bias, "same")]


def over_rows(f, s):
    """Applies f to the row axis of s [B, rows, E] (the official code's transpose(1, 2), op, transpose back)."""
    return f(s.transpose(1, 2)).transpose(1, 2)


def pad_to(x, width):
    """Zero-pads x [B, w] on the right to [B, width] (binary ops' step 1, §5)."""
    return F.pad(x, (0, width - x.shape[1])) if x.shape[1] < width else x


def dp_rows(d):
    """Rows P of the Dot-Product: round(sqrt(2 d)) (§5 DP step 2; no ties occur)."""
    return int(math.floor(math.sqrt(2 * d) + 0.5))


class FC(nn.Module):
    """ReLU(W x + b), or ReLU(LN(W x)) with LayerNorm (ElasticLinear, §5)."""

    def __init__(self, in_dim, out_dim, layer_norm):
        super().__init__()
        self.linear = nn.Linear(in_dim, out_dim, bias=not layer_norm)
        self.norm = norm_or_identity(out_dim, layer_norm)

    def forward(self, x):
        return F.relu(self.norm(self.linear(x)))

    def playground_weights(self, name):
        return linear_weights(name, self.linear) + norm_weights(name + "/ln", self.norm)


class Sum(nn.Module):
    """pad(left) + pad(right) to m = max width, then m -> out unless m = out (identity, §13.5); no activation."""

    def __init__(self, left_dim, right_dim, out_dim, layer_norm):
        super().__init__()
        self.width = max(left_dim, right_dim)
        self.proj = nn.Linear(self.width, out_dim, bias=not layer_norm) if self.width != out_dim else None
        self.norm = norm_or_identity(out_dim, layer_norm)

    def forward(self, left, right):
        z = pad_to(left, self.width) + pad_to(right, self.width)
        return self.norm(self.proj(z) if self.proj is not None else z)

    def playground_weights(self, name):
        proj = linear_weights(name, self.proj) if self.proj is not None else []
        return proj + norm_weights(name + "/ln", self.norm)


class SigmoidGating(nn.Module):
    """sigmoid(U pad(left) + c) * pad(right), then m -> out (always biased) unless m = out (post-09/2022 form, §5)."""

    def __init__(self, left_dim, right_dim, out_dim, layer_norm):
        super().__init__()
        self.width = max(left_dim, right_dim)
        self.gate = nn.Linear(self.width, self.width)
        self.proj = nn.Linear(self.width, out_dim) if self.width != out_dim else None
        self.norm = norm_or_identity(out_dim, layer_norm)

    def forward(self, left, right):
        z = torch.sigmoid(self.gate(pad_to(left, self.width))) * pad_to(right, self.width)
        return self.norm(self.proj(z) if self.proj is not None else z)

    def playground_weights(self, name):
        proj = linear_weights(name, self.proj) if self.proj is not None else []
        return linear_weights(name + "/u", self.gate) + proj + norm_weights(name + "/ln", self.norm)


class DotProduct(nn.Module):
    """DLRM-style pairwise dot products of [dense -> E, rows -> P], strict lower triangle, pairs -> out (§5 DP).

    Each projection is skipped when its input already has the target width: w1 when the dense input is E wide,
    w2 when the input rows equal P, w3 when the pair count equals out (§13.5). LayerNorm, if on, follows each
    projection (w1 over E, w2 over the P rows) and the output (over out, even without w3).
    """

    def __init__(self, dense_in, rows_in, out_dim, embedding_dim, layer_norm):
        super().__init__()
        p = dp_rows(out_dim)
        pairs = p * (p + 1) // 2
        ln = layer_norm
        self.w1 = nn.Linear(dense_in, embedding_dim, bias=not ln) if dense_in != embedding_dim else None
        self.w1_norm = norm_or_identity(embedding_dim, ln and self.w1 is not None)
        self.w2 = nn.Linear(rows_in, p, bias=not ln) if rows_in != p else None
        self.w2_norm = norm_or_identity(p, ln and self.w2 is not None)
        self.w3 = nn.Linear(pairs, out_dim, bias=not ln) if pairs != out_dim else None
        self.norm = norm_or_identity(out_dim, ln)
        rows, cols = torch.tril_indices(p + 1, p + 1, offset=-1)  # row-major, no self-products
        self.register_buffer("tril_rows", rows, persistent=False)
        self.register_buffer("tril_cols", cols, persistent=False)

    def forward(self, x, s):
        xd = self.w1_norm(self.w1(x)) if self.w1 is not None else x  # [B, E]
        sp = over_rows(lambda t: self.w2_norm(self.w2(t)), s) if self.w2 is not None else s  # [B, P, E]
        t = torch.cat([xd.unsqueeze(1), sp], dim=1)  # [B, P + 1, E]
        z = torch.bmm(t, t.transpose(1, 2))[:, self.tril_rows, self.tril_cols]  # [B, pairs]
        return self.norm(self.w3(z) if self.w3 is not None else z)

    def playground_weights(self, name):
        out = []
        if self.w1 is not None:
            out += linear_weights(name + "/w1", self.w1) + norm_weights(name + "/w1/ln", self.w1_norm)
        if self.w2 is not None:
            out += linear_weights(name + "/w2", self.w2) + norm_weights(name + "/w2/ln", self.w2_norm)
        if self.w3 is not None:
            out += linear_weights(name + "/w3", self.w3)
        return out + norm_weights(name + "/ln", self.norm)


class EFC(nn.Module):
    """Embedded FC (ElasticLinear3D, §5): ReLU of a Linear over the row axis, shared by the E channels.

    With LayerNorm it normalises over the rows, as the official code does in its transposed layout (§13.3).
    """

    def __init__(self, rows_in, rows_out, layer_norm):
        super().__init__()
        self.linear = nn.Linear(rows_in, rows_out, bias=not layer_norm)
        self.norm = norm_or_identity(rows_out, layer_norm)

    def forward(self, s):
        return over_rows(lambda t: F.relu(self.norm(self.linear(t))), s)

    def playground_weights(self, name):
        return linear_weights(name, self.linear) + norm_weights(name + "/ln", self.norm)


class Attention(nn.Module):
    """Row projection, E/2-head self-attention, add & LN, FFN E -> E -> E, add & LN (Transformer, §5).

    The two inner LayerNorms exist whatever layer_norm says; their gains start at 0.17. Masked-out rows do not
    exist here: in the fixed network every row is real.
    """

    def __init__(self, rows_in, rows_out, embedding_dim, layer_norm):
        super().__init__()
        e = embedding_dim
        self.proj = nn.Linear(rows_in, rows_out, bias=not layer_norm)
        self.proj_norm = norm_or_identity(rows_out, layer_norm)
        self.mha = nn.MultiheadAttention(e, e // HEAD_DIM, dropout=0.0, batch_first=True)
        self.ln_a = nn.LayerNorm(e, eps=LN_EPS)
        self.ffn1 = nn.Linear(e, e)
        self.ffn2 = nn.Linear(e, e)
        self.ln_f = nn.LayerNorm(e, eps=LN_EPS)

    def forward(self, s):
        sp = over_rows(lambda t: self.proj_norm(self.proj(t)), s)  # [B, rows, E]
        a, _ = self.mha(sp, sp, sp, need_weights=False)
        h = self.ln_a(a + sp)
        return self.ln_f(h + self.ffn2(F.relu(self.ffn1(h))))

    def playground_weights(self, name):
        # The playground keeps the fused in-projection as one [E, 3E] matrix (Q | K | V columns): the transpose of
        # nn.MultiheadAttention's in_proj_weight [3E, E] (Q, K, V row blocks).
        mha = [(name + "/mha/in/w", self.mha.in_proj_weight, "linear"), (name + "/mha/in/b", self.mha.in_proj_bias, "same")]
        return (
            linear_weights(name, self.proj)
            + norm_weights(name + "/ln", self.proj_norm)
            + mha
            + linear_weights(name + "/mha/out", self.mha.out_proj)
            + norm_weights(name + "/lnA", self.ln_a)
            + linear_weights(name + "/ffn1", self.ffn1)
            + linear_weights(name + "/ffn2", self.ffn2)
            + norm_weights(name + "/lnF", self.ln_f)
        )


class FM(nn.Module):
    """Sparse->dense FM (FactorizationMachine3D, §5): (sum_n S_n)^2 - sum_n S_n^2, no 1/2; E -> out unless equal."""

    def __init__(self, embedding_dim, out_dim, layer_norm):
        super().__init__()
        self.proj = nn.Linear(embedding_dim, out_dim, bias=not layer_norm) if embedding_dim != out_dim else None
        self.norm = norm_or_identity(out_dim, layer_norm and self.proj is not None)

    def forward(self, s):
        v = s.sum(dim=1) ** 2 - (s**2).sum(dim=1)  # [B, E]
        return self.norm(self.proj(v)) if self.proj is not None else v

    def playground_weights(self, name):
        return (linear_weights(name, self.proj) + norm_weights(name + "/ln", self.norm)) if self.proj is not None else []


class DenseToSparse(nn.Module):
    """Dense->sparse module (§5.1): d -> 8 E units (identity when d = 8 E), reshaped to 8 rows of E."""

    def __init__(self, in_dim, embedding_dim, layer_norm):
        super().__init__()
        width = INTERACT_ROWS * embedding_dim
        self.embedding_dim = embedding_dim
        self.proj = nn.Linear(in_dim, width, bias=not layer_norm) if in_dim != width else None
        self.norm = norm_or_identity(width, layer_norm and self.proj is not None)

    def forward(self, x):
        p = self.norm(self.proj(x)) if self.proj is not None else x
        return p.reshape(-1, INTERACT_ROWS, self.embedding_dim)  # row r, channel e = unit r E + e

    def playground_weights(self, name):
        return (linear_weights(name, self.proj) + norm_weights(name + "/ln", self.norm)) if self.proj is not None else []


def nasrec_init_(model):
    """NASRec's initialisation (§8.2): Linear and the attention in-projection Xavier-uniform with zero biases,
    embeddings Xavier-normal, LayerNorm gain 1 and bias 0 except attention's two LNs (gain 0.17)."""
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.Linear):  # also nn.MultiheadAttention's out_proj
                nn.init.xavier_uniform_(m.weight)
                if m.bias is not None:
                    nn.init.zeros_(m.bias)
            elif isinstance(m, nn.MultiheadAttention):
                nn.init.xavier_uniform_(m.in_proj_weight)
                nn.init.zeros_(m.in_proj_bias)
            elif isinstance(m, nn.LayerNorm):
                nn.init.ones_(m.weight)
                nn.init.zeros_(m.bias)
            elif isinstance(m, nn.Embedding):
                nn.init.xavier_normal_(m.weight)
        for m in model.modules():
            if isinstance(m, Attention):
                m.ln_a.weight.fill_(ATTENTION_LN_GAIN)
                m.ln_f.weight.fill_(ATTENTION_LN_GAIN)
`;
