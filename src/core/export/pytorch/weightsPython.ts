// Static Python text of the generated module's reader of the playground's model files (export/modelFiles.ts):
// checks the architecture, converts our weight layout to PyTorch's, and names every problem.
import { MODEL_FORMAT, MODEL_TOPOLOGY_VERSION } from '../modelFiles.ts';

/** `read_playground_model_json`, `load_playground_weights` and `model_from_playground`. */
export const WEIGHTS_LIBRARY = String.raw`
# ---------------------------------------------------------------------------------------------------------------
# The playground's model files: model.json (topology + weights manifest) and one little-endian float32 file.
# ---------------------------------------------------------------------------------------------------------------
PLAYGROUND_FORMAT = "${MODEL_FORMAT}"
PLAYGROUND_TOPOLOGY_VERSION = ${MODEL_TOPOLOGY_VERSION}


class PlaygroundWeightsError(ValueError):
    """A problem with the playground's model files; the message names the file or the weight."""


def read_playground_model_json(json_path):
    """model.json's content, checked to be a model the playground exported."""
    try:
        with open(json_path, "rb") as f:
            doc = json.loads(f.read().decode("utf-8"))
    except (OSError, ValueError) as err:
        raise PlaygroundWeightsError(f"{json_path}: cannot read it as JSON ({err})") from None
    if not isinstance(doc, dict) or doc.get("format") != PLAYGROUND_FORMAT:
        found = doc.get("format") if isinstance(doc, dict) else None
        raise PlaygroundWeightsError(f"{json_path}: format is {found!r}, not {PLAYGROUND_FORMAT!r}: not a model the playground exported")
    topology = doc.get("modelTopology")
    if not isinstance(topology, dict) or topology.get("version") != PLAYGROUND_TOPOLOGY_VERSION:
        raise PlaygroundWeightsError(f"{json_path}: modelTopology is missing or not version {PLAYGROUND_TOPOLOGY_VERSION}")
    return doc


def check_playground_architecture(topology, where):
    """Raises unless the topology holds this module's architecture (ARCH), input shape and embedding dim."""
    blocks = (topology.get("arch") or {}).get("blocks")
    if not isinstance(blocks, list) or len(blocks) != len(ARCH):
        count = len(blocks) if isinstance(blocks, list) else "no"
        raise PlaygroundWeightsError(f"{where}: holds a different architecture ({count} blocks; this module's, key {KEY}, has {len(ARCH)})")
    for i, (theirs, ours) in enumerate(zip(blocks, ARCH)):
        for field, value in ours.items():
            other = theirs.get(field) if isinstance(theirs, dict) else None
            other = sorted(other) if isinstance(other, list) else other
            if other != value or type(other) is not type(value):
                raise PlaygroundWeightsError(
                    f"{where}: holds a different architecture: block {i} has {field} = {other!r} there, {value!r} in this "
                    f"module (key {KEY}). Generate the code for that architecture, or use this architecture's model.json."
                )
    shape = topology.get("input") or {}
    if shape.get("dense") != DENSE_FIELDS or shape.get("sparse") != len(TABLE_ROWS):
        raise PlaygroundWeightsError(
            f"{where}: the input is {shape.get('dense')} dense and {shape.get('sparse')} categorical fields; "
            f"this module reads {DENSE_FIELDS} and {len(TABLE_ROWS)} (a different dataset)"
        )
    if topology.get("embeddingDim") != EMBEDDING_DIM:
        raise PlaygroundWeightsError(f"{where}: embedding dim {topology.get('embeddingDim')}, this module has {EMBEDDING_DIM}")


def _playground_shape(param, layout):
    """The shape a parameter has in the playground's files."""
    if layout == "linear":
        return [int(param.shape[1]), int(param.shape[0])]  # stored [in, out], applied as x W
    if layout == "final":
        return [int(param.shape[1]), 1]
    return [int(d) for d in param.shape]


def _to_torch_layout(value, layout):
    """A playground weight in this module's layout."""
    if layout == "linear":
        return value.t()
    if layout == "final":
        # The playground's final layer reads the sparse output channel-major (feature e N + n holds row n, channel e);
        # this module flattens it row-major (n E + e).
        w = value[:, 0]
        sparse = w[FINAL_DENSE:].reshape(EMBEDDING_DIM, FINAL_ROWS).t().reshape(-1)
        return torch.cat([w[:FINAL_DENSE], sparse]).reshape(1, -1)
    return value


def _read_floats(path, count):
    try:
        with open(path, "rb") as f:
            raw = bytearray(f.read())
    except OSError as err:
        raise PlaygroundWeightsError(f"{path}: cannot read the weights file that model.json names ({err.strerror})") from None
    if len(raw) != 4 * count:
        raise PlaygroundWeightsError(
            f"{path}: the weights file has {len(raw)} bytes, model.json describes {4 * count} ({count} float32 values): "
            "it is truncated or belongs to another export"
        )
    if count == 0:
        return torch.zeros(0)
    if sys.byteorder != "little":
        floats = array.array("f", bytes(raw))
        floats.byteswap()
        raw = bytearray(floats.tobytes())
    return torch.frombuffer(raw, dtype=torch.float32)


def load_playground_weights(model, json_path):
    """Copies the weights of the playground's model.json and its weights file (same folder) into model.

    Checks that the files hold this architecture, with the model's table rows and LayerNorm setting, and uses every
    weight exactly once (PlaygroundWeightsError names the file or weight otherwise). Layouts converted: Linear
    weights stored [in, out] are transposed; the final layer's sparse columns go from channel-major to row-major;
    the attention in-projection [E, 3E] becomes in_proj_weight [3E, E]. Returns model.json's content.
    """
    model = getattr(model, "module", model)  # a DistributedDataParallel wrapper
    doc = read_playground_model_json(json_path)
    topology = doc["modelTopology"]
    check_playground_architecture(topology, json_path)
    if [int(n) for n in topology.get("tableRows") or []] != list(model.table_rows):
        raise PlaygroundWeightsError(
            f"{json_path}: the embedding tables have {topology.get('tableRows')} rows there, {model.table_rows} in this model "
            "(build NASRecNet(table_rows=...) with the file's rows; train_nasrec.py's --table-rows cannot be combined with --init)"
        )
    if bool(topology.get("layerNorm")) != model.layer_norm:
        raise PlaygroundWeightsError(f"{json_path}: layerNorm is {bool(topology.get('layerNorm'))} there; build NASRecNet(layer_norm={bool(topology.get('layerNorm'))})")
    groups = doc.get("weightsManifest")
    if not isinstance(groups, list) or len(groups) != 1 or len(groups[0].get("paths") or []) != 1:
        raise PlaygroundWeightsError(f"{json_path}: weightsManifest must be one group with one weights file")
    specs = groups[0].get("weights") or []
    count = sum(math.prod(int(d) for d in s.get("shape", [])) for s in specs)
    values = _read_floats(os.path.join(os.path.dirname(os.path.abspath(json_path)), groups[0]["paths"][0]), count)
    targets = {name: (param, layout) for name, param, layout in model.playground_weights()}
    named = [id(param) for param, _ in targets.values()]
    if len(set(named)) != len(named) or set(named) != {id(p) for p in model.parameters()}:
        raise RuntimeError("playground_weights does not name every parameter once (a bug in the generated code)")
    used, at = set(), 0
    with torch.no_grad():
        for spec in specs:
            name, shape = spec.get("name"), [int(d) for d in spec.get("shape", [])]
            if spec.get("dtype") != "float32":
                raise PlaygroundWeightsError(f"{json_path}: {name} has dtype {spec.get('dtype')!r}; only float32 is supported")
            n = math.prod(shape)
            value, at = values[at : at + n].reshape(shape), at + n
            if name in used:
                raise PlaygroundWeightsError(f"{json_path}: {name} appears twice in the weights manifest")
            if name not in targets:
                raise PlaygroundWeightsError(f"{json_path}: {name} is not a weight of this architecture (key {KEY})")
            param, layout = targets[name]
            want = _playground_shape(param, layout)
            if shape != want:
                raise PlaygroundWeightsError(f"{json_path}: {name} has shape {shape} there; this architecture needs {want}")
            param.copy_(_to_torch_layout(value, layout))
            used.add(name)
    missing = [name for name in targets if name not in used]
    if missing:
        raise PlaygroundWeightsError(f"{json_path}: lacks {len(missing)} weights of this architecture, first {missing[0]}")
    return doc


def model_from_playground(json_path):
    """NASRecNet with model.json's LayerNorm setting, table rows and weights (on the CPU; move it with .to())."""
    topology = read_playground_model_json(json_path)["modelTopology"]
    check_playground_architecture(topology, json_path)
    model = NASRecNet(layer_norm=bool(topology.get("layerNorm")), table_rows=topology.get("tableRows"))
    load_playground_weights(model, json_path)
    return model
`;
