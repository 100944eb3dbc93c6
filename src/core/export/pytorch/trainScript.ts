// train_nasrec.py: NASRec's final-training recipe (NASREC.md §11, §8.2) for the generated module, on one GPU or
// many (torchrun + DistributedDataParallel), streaming the raw data files. Prints JSON lines.
import type { SpaceConfig } from '../../space/types.ts';
import { DEFAULT_TRAIN_CONFIG } from '../../train/config.ts';
import { ADAGRAD_EPS } from '../../train/embeddings.ts';
import { MIN_LR } from '../../train/schedule.ts';
import { pyString } from './pythonText.ts';
import { TRAIN_LIBRARY } from './trainLibrary.ts';

/** Final-training lr of a space (§11: NASRec-Small 0.10, NASRec-Full 0.16) with the comment that says where it comes from. */
export function finalTrainingLr(space: SpaceConfig): { lr: number; why: string } {
  if (space.preset === 'small') return { lr: 0.1, why: "NASRec-Small's final-training lr (NASREC.md §11)" };
  if (space.preset === 'full') return { lr: 0.16, why: "NASRec-Full's final-training lr (NASREC.md §11, Criteo and KDD; Avazu used 0.20)" };
  return { lr: DEFAULT_TRAIN_CONFIG.lr, why: `the playground's from-scratch default for a ${space.preset} space (NASREC.md §8.2's ${DEFAULT_TRAIN_CONFIG.lr}; §11 tunes only Small and Full)` };
}

const MAIN = String.raw`
def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0], formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    ap.add_argument("--train", nargs="+", metavar="PATH", help="training files, read in order (NASRec trains on train + val, §11)")
    ap.add_argument("--test", nargs="+", metavar="PATH", help="test files (default: the last --test-fraction of the training lines)")
    ap.add_argument("--test-fraction", type=float, default=0.1, help="lines held out from the end of --train when --test is absent")
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--batch", type=int, default=BATCH, help="global batch, split evenly across processes")
    ap.add_argument("--lr", type=float, default=DEFAULT_LR, help="peak Adagrad learning rate")
    ap.add_argument("--steps", type=int, help="cap on optimizer steps (the schedule spans the capped run)")
    ap.add_argument("--test-interval", type=int, default=TEST_INTERVAL, help="test every N steps and at the end (0: end only)")
    ap.add_argument("--log-interval", type=int, default=100, help="print the train loss every N steps")
    ap.add_argument("--eval-only", action="store_true", help="no training: test the initial (or --init) weights")
    ap.add_argument("--init", metavar="MODEL_JSON", help="start from the playground's trained model.json (+ its weights file)")
    ap.add_argument("--table-rows", type=int, metavar="N", help="rows of every embedding table (full-size tables); same hashing rule")
    ap.add_argument("--layer-norm", action="store_true", help="LayerNorm after the projections (off in NASRec's final training, §11)")
    ap.add_argument("--save", metavar="PATH", help="write the trained state_dict here (torch.save)")
    ap.add_argument("--device", help="cuda, cuda:1, cpu (default: cuda when available)")
    ap.add_argument("--workers", type=int, default=2, help="data-loading processes per training process (0: in-process)")
    ap.add_argument("--eval-batch", type=int, default=4096, help="rows per test batch and process")
    ap.add_argument("--seed", type=int, default=0, help="seed of the fresh weights")
    args = ap.parse_args(argv)
    if args.init and args.table_rows is not None:
        ap.error("--table-rows cannot be combined with --init: the playground's tables have the rows it hashed the data with")
    if args.init and args.layer_norm:
        ap.error("--layer-norm cannot be combined with --init: model.json says whether the model has LayerNorm")
    if not args.train and not (args.eval_only and args.test):
        ap.error("give --train files (or --eval-only with --test files)")
    if args.table_rows is not None and args.table_rows < 2:
        ap.error("--table-rows must be at least 2")
    if not 0 <= args.test_fraction < 1:
        ap.error("--test-fraction must be in [0, 1)")
    if args.batch < 1 or args.epochs < 0 or (args.steps is not None and args.steps < 0):
        ap.error("--batch must be positive, --epochs and --steps not negative")
    return args


def build_model(args):
    """The network: from the playground's model.json (--init), or fresh with NASRec's init (§8.2)."""
    if not args.init:
        rows = [args.table_rows] * len(nm.TABLE_ROWS) if args.table_rows else None
        return nm.NASRecNet(layer_norm=args.layer_norm, table_rows=rows)
    model = nm.model_from_playground(args.init)
    if model.layer_norm:
        emit({"event": "note", "message": "model.json has LayerNorm on; NASRec's final training has it off (§11)"})
    return model


def stream(args, encoder, paths, batch, start, stop, rank, world, device):
    dataset = RowBatches(encoder, paths, batch, start, stop, rank, world)
    return DataLoader(dataset, batch_size=None, num_workers=args.workers, pin_memory=device.type == "cuda")


def evaluate(args, model, encoder, test, step, device, rank, world):
    """Test metrics of the whole test range (every process scores its share; rank 0 prints them)."""
    paths, start, stop = test
    model.eval()
    probs, labels, bad = [], [], 0
    with torch.no_grad():
        for dense, cat, y, skipped in stream(args, encoder, paths, args.eval_batch, start, stop, rank, world, device):
            bad += int(skipped)
            if y.numel() > 0:
                probs.append(torch.sigmoid(model(dense.to(device), cat.to(device)).reshape(-1)))
                labels.append(y.to(device))
    model.train()
    p = torch.cat(probs) if probs else torch.zeros(0, device=device)
    y = torch.cat(labels) if labels else torch.zeros(0, device=device)
    p, y = gather_from_ranks(p, world).double().cpu(), gather_from_ranks(y, world).double().cpu()
    bad = sum_over_ranks(bad, device, world)
    if rank == 0:
        if y.numel() == 0:
            emit({"event": "test", "step": step, "rows": 0, "badRows": int(bad), "message": "no test rows"})
        else:
            emit({"event": "test", "step": step, "rows": y.numel(), "badRows": int(bad), **test_metrics(p, y)})


def train(args, model, net, encoder, rows, total, test, device, rank, world):
    """total optimizer steps of Adagrad with per-step warm-up + cosine lr, global-norm clipping and BCE (§8.2, §11)."""
    paths, stop = rows
    per_process = args.batch // world
    opt = torch.optim.Adagrad(model.parameters(), lr=args.lr, eps=ADAGRAD_EPS, initial_accumulator_value=0.0, lr_decay=0.0, weight_decay=0.0)
    step, bad, started = 0, 0, time.time()
    for epoch in range(args.epochs):
        batches = iter(stream(args, encoder, paths, per_process, 0, stop, rank, world, device))
        while step < total:
            batch = next(batches, None)
            while batch is not None and batch[2].numel() < per_process:  # a short tail: no step (§2.4)
                bad += int(batch[3])
                batch = next(batches, None)
            if not all_ranks_have(batch is not None, device, world):
                break
            dense, cat, labels, skipped = batch
            bad += int(skipped)
            lr = learning_rate(step, total, args.lr)
            for group in opt.param_groups:
                group["lr"] = lr
            opt.zero_grad(set_to_none=True)
            logits = net(dense.to(device, non_blocking=True), cat.to(device, non_blocking=True))
            loss = F.binary_cross_entropy_with_logits(logits.reshape(-1), labels.to(device, non_blocking=True))
            loss.backward()
            # Global L2 norm over every parameter, embedding tables included (§8.2); DDP has averaged the gradients.
            torch.nn.utils.clip_grad_norm_(model.parameters(), CLIP_NORM)
            opt.step()
            step += 1
            if step % args.log_interval == 0 or step == total:
                mean = sum_over_ranks(loss.item(), device, world) / world
                if rank == 0:
                    seconds = time.time() - started
                    emit({"event": "progress", "step": step, "epoch": epoch, "loss": mean, "lr": lr, "rowsPerSec": step * args.batch / max(seconds, 1e-9)})
            if args.test_interval and step % args.test_interval == 0 and step < total:
                evaluate(args, model, encoder, test, step, device, rank, world)
        if step >= total:
            break
    return step, sum_over_ranks(bad, device, world)


def main(argv):
    args = parse_args(argv)
    device, rank, world = setup_distributed(args.device)
    if args.batch % world:
        raise SystemExit(f"--batch {args.batch} does not split evenly over {world} processes")
    torch.manual_seed(args.seed)
    model = build_model(args).to(device)
    encoder = nm.RowEncoder(table_rows=model.table_rows)
    lines = sum(1 for _ in encoder.data_lines(args.train)) if args.train else 0
    if args.test:
        test, stop = (args.test, 0, None), None
    else:
        stop = lines - int(lines * args.test_fraction)
        test = (args.train, stop, None)
    train_lines = lines if stop is None else stop
    total = 0 if args.eval_only else args.epochs * (train_lines // args.batch)
    total = total if args.steps is None else min(total, args.steps)
    net = model
    if world > 1:
        ids = [device.index] if device.type == "cuda" else None
        # Ops whose output nothing reads (nm.UNUSED_OPS) get no gradient; DDP must then be told to look for them.
        net = DistributedDataParallel(model, device_ids=ids, find_unused_parameters=bool(nm.UNUSED_OPS))
    if rank == 0:
        emit({"event": "start", "architecture": nm.NAME, "key": nm.KEY, "device": str(device), "worldSize": world, "layerNorm": model.layer_norm,
              "tableRows": model.table_rows, "trainLines": train_lines, "steps": total, "batch": args.batch, "lr": args.lr, "init": args.init,
              "torch": torch.__version__})
    step, bad = (0, 0)
    if total > 0:
        step, bad = train(args, model, net, encoder, (args.train, stop), total, test, device, rank, world)
    elif not args.eval_only and rank == 0:
        emit({"event": "note", "message": f"{train_lines} training lines make no full batch of {args.batch}: no training"})
    if test[1] is not None and test[0] is args.train and test[1] >= lines:
        if rank == 0:
            emit({"event": "note", "message": "no test rows (--test-fraction 0 and no --test)"})
    else:
        evaluate(args, model, encoder, test, step, device, rank, world)
    if args.save and rank == 0:
        torch.save(model.state_dict(), args.save)
    if rank == 0:
        emit({"event": "done", "steps": step, "trainBadRows": int(bad), "saved": args.save})
    if world > 1:
        dist.barrier()
        dist.destroy_process_group()


if __name__ == "__main__":
    main(sys.argv[1:])
`;

/** The text of train_nasrec.py for an architecture of `space` called `name`, importing the model file as `modelModule`. */
export function trainScript(options: { space: SpaceConfig; name: string; key: string; modelModule: string }): string {
  const { lr, why } = finalTrainingLr(options.space);
  return `#!/usr/bin/env python3
"""Final training of ${pyString(options.name).slice(1, -1)} with NASRec's recipe (NASREC.md §11), on one GPU, many, or a cluster.

Architecture key: ${pyString(options.key).slice(1, -1)}

Generated by the NASRec playground beside ${options.modelModule}.py (the network, the weight loader and the row encoder); needs
only PyTorch >= 1.13. Streams the raw data files (the format the playground loaded), one epoch, in file order.
Prints one JSON object per line: {"event": "start" | "progress" | "test" | "note" | "done", ...}; see README.md.

  python train_nasrec.py --train train.txt val.txt --test test.txt
  torchrun --nproc_per_node 8 train_nasrec.py --train train.txt val.txt --test test.txt
"""
import argparse
import collections
import json
import math
import os
import sys
import time

import torch
import torch.distributed as dist
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel
from torch.utils.data import DataLoader, IterableDataset, get_worker_info

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ${options.modelModule} as nm  # noqa: E402

# NASRec's final-training recipe (NASREC.md §11, §8.2): Adagrad (eps 1e-2, initial accumulator 0, no weight decay),
# batch 256, per-step linear warm-up over the first 10 % of the steps from 1e-8, then cosine down to 1e-8, global-norm
# clipping at 5 over every parameter (embeddings included), BCE with logits, LayerNorm off, fresh weights, 1 epoch.
DEFAULT_LR = ${lr}  # ${why}
BATCH = ${DEFAULT_TRAIN_CONFIG.batchSize}
WARMUP_FRACTION = ${DEFAULT_TRAIN_CONFIG.warmupFraction}
MIN_LR = ${MIN_LR}
CLIP_NORM = ${DEFAULT_TRAIN_CONFIG.clipNorm.toFixed(1)}
ADAGRAD_EPS = ${ADAGRAD_EPS}  # unusually large, and it matters for the effective lr (§13.15)
TEST_INTERVAL = 10000  # NASRec tests every 10,000 steps and at the last step (§11)


${TRAIN_LIBRARY.trim()}


${MAIN.trim()}
`;
}
