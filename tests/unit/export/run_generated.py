#!/usr/bin/env python3
# Test driver for tests/unit/export/pytorch.test.ts: imports each case's generated nasrec_model.py, loads the
# playground's weights, encodes the raw lines with the generated encoder and prints logits; tries bad model files.
"""Usage: run_generated.py MANIFEST.json. Prints one JSON object: {"torch": version, "cases": {...}, "errors": {...}}.

MANIFEST: {"cases": [{"id", "dir", "data"}], "errors": [{"id", "dir", "modelJson", "layerNorm"}]}. A case's dir holds
the generated code, model.json and its weights file; data is a raw data file. An error probe builds the model of
dir's code (fresh, layer_norm as given) and loads modelJson into it, which should fail: its message is reported.
"""
import importlib.util
import json
import os
import sys

import torch


def import_generated(path, name):
    spec = importlib.util.spec_from_file_location(name, os.path.join(path, "nasrec_model.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_case(index, case):
    nm = import_generated(case["dir"], f"nasrec_model_case{index}")
    model = nm.model_from_playground(os.path.join(case["dir"], "model.json"))
    model.eval()
    encoder = nm.RowEncoder()
    dense, cat, labels = encoder.encode_files([case["data"]])
    with torch.no_grad():
        logits = model(dense, cat).reshape(-1)
    model(dense, cat).sum().backward()
    op = lambda name: "/".join(name.split("/")[1:3])  # noqa: E731 - net/b2/fc/w -> b2/fc
    blocks = [(op(n), p) for n, p, _ in model.playground_weights() if n.startswith("net/b")]
    return {
        "logits": logits.tolist(),
        "dense": dense.tolist(),
        "cat": cat.tolist(),
        "labels": labels.tolist(),
        "bad": encoder.bad,
        "unusedOps": nm.UNUSED_OPS,
        "opsWithWeights": sorted({name for name, _ in blocks}),
        "noGradOps": sorted({name for name, p in blocks if p.grad is None}),
        "initProblems": init_problems(nm, model.layer_norm),
    }


def init_problems(nm, layer_norm):
    """How a fresh NASRecNet departs from NASRec's init (NASREC.md §8.2): a list of problems, empty when none."""
    torch.manual_seed(0)
    model = nm.NASRecNet(layer_norm=layer_norm)
    problems = []
    for name, p, layout in model.playground_weights():
        p = p.detach()
        if name.startswith("embedding/"):
            std, want = p.std().item(), (2 / (p.shape[0] + p.shape[1])) ** 0.5
            if p.numel() > 200 and abs(std / want - 1) > 0.25:
                problems.append(f"{name}: std {std:.4f}, Xavier-normal {want:.4f}")
        elif name.endswith("/b"):
            if p.abs().max().item() != 0:
                problems.append(f"{name}: bias not zero")
        elif name.endswith("/g"):
            want = 0.17 if name.endswith("/lnA/g") or name.endswith("/lnF/g") else 1.0
            if (p - want).abs().max().item() > 1e-7:
                problems.append(f"{name}: gain not {want}")
        else:
            fan_out, fan_in = p.shape
            bound = (6 / (fan_in + fan_out)) ** 0.5
            if p.abs().max().item() > bound * (1 + 1e-6) or (p.numel() > 200 and p.abs().max().item() < 0.9 * bound):
                problems.append(f"{name}: not Xavier-uniform within {bound:.4f}")
    return problems


def run_error(index, probe):
    nm = import_generated(probe["dir"], f"nasrec_model_error{index}")
    model = nm.NASRecNet(layer_norm=probe["layerNorm"])
    try:
        nm.load_playground_weights(model, probe["modelJson"])
    except Exception as err:  # noqa: BLE001 - the test asserts on the type and message
        return {"type": type(err).__name__, "message": str(err)}
    return {"type": None, "message": "loaded without an error"}


def main(manifest_path):
    torch.set_num_threads(1)
    with open(manifest_path) as f:
        manifest = json.load(f)
    out = {"torch": torch.__version__, "cases": {}, "errors": {}}
    for i, case in enumerate(manifest["cases"]):
        out["cases"][case["id"]] = run_case(i, case)
    for i, probe in enumerate(manifest["errors"]):
        out["errors"][probe["id"]] = run_error(i, probe)
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1])
