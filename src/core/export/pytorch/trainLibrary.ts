// Static Python text of train_nasrec.py's parts that do not depend on the architecture: the lr schedule (NASREC.md
// §8.2), streaming batches (§2.4), the test metrics (as train/metrics.ts) and the torch.distributed helpers.

/** Schedule, metrics, `RowBatches`, distributed helpers and JSON-lines output. */
export const TRAIN_LIBRARY = String.raw`
def learning_rate(step, total, peak, warmup_fraction=WARMUP_FRACTION):
    """lr of optimizer step step (0-based) of total: linear warm-up from MIN_LR over the first 10 % of the steps,
    then cosine down to MIN_LR (one cycle of the official CosineAnnealingWarmupRestarts, NASREC.md §8.2)."""
    warmup = math.floor(warmup_fraction * total)
    if step < warmup:
        return MIN_LR + (peak - MIN_LR) * step / warmup
    span = max(1, total - warmup)
    t = min(step - warmup, span)
    return MIN_LR + (peak - MIN_LR) * (1 + math.cos(math.pi * t / span)) / 2


def emit(record):
    """One JSON object per line on stdout (NaN and infinities as null, so any JSON parser reads it)."""
    clean = {k: (None if isinstance(v, float) and not math.isfinite(v) else v) for k, v in record.items()}
    print(json.dumps(clean), flush=True)


class RowBatches(IterableDataset):
    """Batches of encoded rows streamed from text files in file order (no shuffling, NASREC.md §2.4).

    Data lines [start, stop) (counted over the files in order, headers and blank lines aside) are cut into chunks of
    batch lines; chunk c goes to process c % world and, inside it, to data-loading worker (c // world) % workers, so
    the processes together read the lines once, in order. Each worker fills batches of batch good rows from its
    chunks and ends with whatever is left (possibly no rows): training skips such a short batch (the official loop
    skips its optimizer step, §2.4), testing uses it. Items: (dense, cat, labels, bad rows skipped since the last).
    """

    def __init__(self, encoder, paths, batch, start, stop, rank, world):
        super().__init__()
        self.encoder, self.paths, self.batch = encoder, list(paths), batch
        self.start, self.stop, self.rank, self.world = start, stop, rank, world

    def __iter__(self):
        info = get_worker_info()
        workers, worker = (info.num_workers, info.id) if info is not None else (1, 0)
        stride, mine = self.world * workers, self.rank + self.world * worker
        enc = self.encoder
        rows, bad = [], enc.bad
        for i, (_, line_no, line) in enumerate(enc.data_lines(self.paths)):
            if i < self.start:
                continue
            if self.stop is not None and i >= self.stop:
                break
            if (i - self.start) // self.batch % stride != mine:
                continue
            row = enc.encode_line(line, line_no)
            if row is not None:
                rows.append(row)
            if len(rows) == self.batch:
                yield (*nm.rows_to_tensors(rows, enc.dense_fields, len(enc.table_rows)), enc.bad - bad)
                rows, bad = [], enc.bad
        yield (*nm.rows_to_tensors(rows, enc.dense_fields, len(enc.table_rows)), enc.bad - bad)


def auc(p, y):
    """ROC AUC as scikit-learn's roc_auc_score: tied scores get their average rank; NaN with one class only."""
    order = torch.argsort(p)
    ps, ys = p[order], y[order]
    _, counts = torch.unique_consecutive(ps, return_counts=True)
    ends = torch.cumsum(counts, 0).double()  # 1-based rank of each tie group's last member
    ranks = torch.repeat_interleave((2 * ends - counts.double() + 1) / 2, counts)
    pos = ys.sum().item()
    neg = ys.numel() - pos
    if pos == 0 or neg == 0:
        return float("nan")
    return ((ranks * ys).sum().item() - pos * (pos + 1) / 2) / (pos * neg)


def test_metrics(p, y):
    """Log loss (nats), AUC, normalized entropy and calibration (sum p / sum y) of float64 probabilities and labels."""
    eps = 1e-12
    q = p.clamp(eps, 1 - eps)
    log_loss = -(y * q.log() + (1 - y) * (1 - q).log()).mean().item()
    rate = y.mean().item()
    base = -(rate * math.log(max(rate, eps)) + (1 - rate) * math.log(max(1 - rate, eps)))
    positives = y.sum().item()
    return {
        "logLoss": log_loss,
        "auc": auc(p, y),
        "normalizedEntropy": log_loss / base if base > 0 else float("nan"),
        "calibration": p.sum().item() / positives if positives > 0 else float("nan"),
    }


def setup_distributed(device_name):
    """(device, rank, world size). Under torchrun (WORLD_SIZE > 1) joins the process group: NCCL on CUDA, Gloo on CPU."""
    world = int(os.environ.get("WORLD_SIZE", "1"))
    want = device_name or ("cuda" if torch.cuda.is_available() else "cpu")
    if world == 1:
        return torch.device(want), 0, 1
    if want.startswith("cuda"):
        local = int(os.environ.get("LOCAL_RANK", "0"))
        torch.cuda.set_device(local)
        dist.init_process_group("nccl")
        return torch.device("cuda", local), dist.get_rank(), world
    dist.init_process_group("gloo")
    return torch.device("cpu"), dist.get_rank(), world


# The tensors of the last collectives, kept alive: a Gloo worker thread may drop its reference to one after the call
# returns, and if that were the last one it would need the GIL, which the main thread holds while it tears the
# process group down (a deadlock at exit seen with PyTorch 1.13 + Gloo).
_RECENT_COLLECTIVES = collections.deque(maxlen=64)


def _collective(t):
    _RECENT_COLLECTIVES.append(t)
    return t


def all_ranks_have(flag, device, world):
    """True when every process has flag set (each step: all stop together once one runs out of rows)."""
    if world == 1:
        return flag
    t = _collective(torch.tensor([1 if flag else 0], device=device))
    dist.all_reduce(t, op=dist.ReduceOp.MIN)
    return bool(t.item())


def sum_over_ranks(value, device, world):
    """A number summed over the processes."""
    if world == 1:
        return value
    t = _collective(torch.tensor([float(value)], dtype=torch.float64, device=device))
    dist.all_reduce(t)
    return t.item()


def gather_from_ranks(t, world):
    """The 1-D tensors of every process, concatenated in rank order (lengths may differ)."""
    if world == 1:
        return t
    size = _collective(torch.tensor([t.numel()], device=t.device))
    sizes = [_collective(torch.zeros_like(size)) for _ in range(world)]
    dist.all_gather(sizes, size)
    longest = max(int(s.item()) for s in sizes)
    padded = _collective(torch.zeros(longest, dtype=t.dtype, device=t.device))
    padded[: t.numel()] = t
    parts = [_collective(torch.zeros_like(padded)) for _ in range(world)]
    dist.all_gather(parts, padded)
    return torch.cat([part[: int(s.item())] for part, s in zip(parts, sizes)])
`;
