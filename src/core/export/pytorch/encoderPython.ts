// Static Python text of the generated row encoder: raw text lines -> (dense, cat, label) exactly as the playground's
// loader encodes them (data/encoder.ts, cells.ts, hashing.ts, numbers.ts, schema.ts; NASREC.md §2.3).

/** `RowEncoder`, its helpers and the file reader (plain Python + torch; gzip read directly, as the loader does). */
export const ENCODER_LIBRARY = String.raw`
# ---------------------------------------------------------------------------------------------------------------
# Row encoding (NASREC.md §2.3, as the playground's loader): ENCODING lists every source column in file order.
#   label: 0 or 1 (a number equal to 0 or 1 too). dense: a decimal number, x -> ln(max(x, 0) + 1); empty -> 0.
#   categorical: empty -> index 0 (missing). Otherwise a raw 32-bit value: with hex, a cell of 1-8 hex digits is
#     that number; every other cell is the FNV-1a 32-bit hash of its UTF-8 bytes. Index = v mod (n - 1) + 1.
#   avazuHour: YYMMDDHH -> raw values hour of day (0-23) and weekday (0 = Sunday) of two categorical fields.
#   skip: ignored. A quoted cell (RFC 4180) is read without its outer quotes. Blank lines are ignored; a row with
#   the wrong number of cells, a bad label or a bad number is skipped (and counted), as the loader does.
# ---------------------------------------------------------------------------------------------------------------
_NUMBER = re.compile(rb"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")
_HEX = re.compile(rb"[0-9A-Fa-f]{1,8}")
_FNV_OFFSET, _FNV_PRIME = 0x811C9DC5, 0x01000193
_LABEL, _SKIP, _DENSE, _HEX_CAT, _STRING_CAT, _AVAZU_HOUR = range(6)


def fnv1a32(data):
    """32-bit FNV-1a of bytes: the string hash of categorical values."""
    h = _FNV_OFFSET
    for byte in data:
        h = ((h ^ byte) * _FNV_PRIME) & 0xFFFFFFFF
    return h


def parse_number(cell):
    """A decimal number (spaces around allowed), or None when the cell is not a finite number."""
    text = cell.strip(b" ")
    if not _NUMBER.fullmatch(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def split_cells(line, delimiter):
    """Cells of one line (bytes); a quoted cell loses its outer quotes (doubled quotes stay, text after the closing
    quote is dropped). None when a quote is not closed on the line."""
    if b'"' not in line:
        return line.split(delimiter)
    cells, pos, end, delim = [], 0, len(line), delimiter[0]
    while True:
        if pos < end and line[pos] == 34:
            j = pos + 1
            while True:
                if j >= end:
                    return None
                if line[j] == 34:
                    if j + 1 < end and line[j + 1] == 34:
                        j += 2
                        continue
                    break
                j += 1
            cells.append(line[pos + 1 : j])
            stop = line.find(delim, j + 1)
            pos = end if stop < 0 else stop
        else:
            stop = line.find(delim, pos)
            stop = end if stop < 0 else stop
            cells.append(line[pos:stop])
            pos = stop
        if pos >= end:
            return cells
        pos += 1


def avazu_hour(value):
    """YYMMDDHH -> (hour of day, weekday with 0 = Sunday), or None when it is not such a time."""
    if value is None or value != int(value) or value < 0 or value > 99123123:
        return None
    v = int(value)
    hh, dd, mm, yy = v % 100, v // 100 % 100, v // 10000 % 100, v // 1000000
    if hh > 23 or not 1 <= mm <= 12 or not 1 <= dd <= 31:
        return None
    try:
        day = datetime.date(2000 + yy, mm, dd)
    except ValueError:
        return None
    return hh, day.isoweekday() % 7


def _unique_names(names):
    seen, out = {}, []
    for i, raw in enumerate(names):
        base = raw if raw != "" else f"column{i + 1}"
        n = seen.get(base, 0)
        seen[base] = n + 1
        out.append(base if n == 0 else f"{base}_{n + 1}")
    return out


class RowEncoder:
    """Encodes raw lines of the data format the playground loaded (ENCODING) into network inputs.

    table_rows: rows n_f of each categorical field's table (default TABLE_ROWS); indices are v mod (n_f - 1) + 1.
    bad / bad_examples: rows skipped so far, and the first reasons (line number within its file).
    """

    def __init__(self, encoding=None, table_rows=None):
        encoding = ENCODING if encoding is None else encoding
        self.encoding = encoding
        self.delimiter = encoding["delimiter"].encode("ascii")
        self.has_header = bool(encoding["hasHeader"])
        self.names = [c["name"] for c in encoding["columns"]]
        self.table_rows = [int(n) for n in (table_rows or [c["buckets"] for c in encoding["categorical"]])]
        if len(self.table_rows) != len(encoding["categorical"]) or min(self.table_rows, default=2) < 2:
            raise ValueError(f"table_rows needs {len(encoding['categorical'])} counts of at least 2, got {self.table_rows}")
        self.dense_fields = max(1, len(encoding["dense"]))  # no dense fields: one all-zero column (§2.2)
        kinds = {"label": _LABEL, "skip": _SKIP, "dense": _DENSE, "avazuHour": _AVAZU_HOUR}
        self.plan = []
        for c in encoding["columns"]:
            kind = (_HEX_CAT if c["hex"] else _STRING_CAT) if c["role"] == "categorical" else kinds[c["role"]]
            a = c.get("field", c.get("hourField", -1))
            self.plan.append((kind, a, c.get("weekdayField", -1), c["name"]))
        self.bad = 0
        self.bad_examples = []

    def _reject(self, line_no, reason):
        self.bad += 1
        if len(self.bad_examples) < 20:
            self.bad_examples.append({"line": line_no, "reason": reason})
        return None

    def encode_line(self, line, line_no=0):
        """(dense [DENSE_FIELDS] floats, cat [F] indices, label 0/1) of one line (bytes, no newline); None if bad."""
        cells = split_cells(line, self.delimiter)
        if cells is None:
            return self._reject(line_no, "a quoted cell is not closed")
        if len(cells) != len(self.plan):
            return self._reject(line_no, f"expected {len(self.plan)} columns, found {len(cells)}")
        dense = [0.0] * self.dense_fields
        raw = [-1] * len(self.table_rows)
        label = 0
        for (kind, a, b, name), cell in zip(self.plan, cells):
            if kind == _DENSE:
                if cell:
                    x = parse_number(cell)
                    if x is None:
                        return self._reject(line_no, f"column {name}: {cell[:40]!r} is not a number")
                    dense[a] = math.log(max(x, 0.0) + 1.0)
            elif kind == _HEX_CAT:
                if cell:
                    raw[a] = int(cell, 16) if len(cell) <= 8 and _HEX.fullmatch(cell) else fnv1a32(cell)
            elif kind == _STRING_CAT:
                if cell:
                    raw[a] = fnv1a32(cell)
            elif kind == _LABEL:
                label = cell[0] - 48 if len(cell) == 1 else parse_number(cell)
                if label != 0 and label != 1:
                    return self._reject(line_no, f"label must be 0 or 1, found {cell[:40]!r}")
                label = int(label)
            elif kind == _AVAZU_HOUR:
                parts = avazu_hour(parse_number(cell))
                if parts is None:
                    return self._reject(line_no, f"column hour: {cell[:40]!r} is not a YYMMDDHH time")
                raw[a], raw[b] = parts
        cat = [0 if v < 0 else v % (n - 1) + 1 for v, n in zip(raw, self.table_rows)]
        return dense, cat, label

    def check_header(self, line, where):
        """Raises ValueError unless a header line names ENCODING's columns (case and spaces aside)."""
        cells = split_cells(line, self.delimiter)
        names = [c.decode("utf-8", "replace").strip() for c in (cells or [])]
        if self.encoding["format"] == "csv":
            names = _unique_names(names)
        if len(names) != len(self.names):
            raise ValueError(f"{where}: the header has {len(names)} columns, the model's data had {len(self.names)}: {self.names}")
        for i, (got, want) in enumerate(zip(names, self.names)):
            if got.lower() != want.strip().lower():
                raise ValueError(f"{where}: header column {i + 1} is {got!r}, the model's data had {want!r} there")

    def data_lines(self, paths):
        """(file, line number, bytes) of every non-empty data line of the files, in order; headers checked, skipped."""
        for path in paths:
            with open_data(path) as f:
                header = self.has_header
                for line_no, line in enumerate(f, 1):
                    line = line[:-1] if line.endswith(b"\n") else line
                    line = line[:-1] if line.endswith(b"\r") else line
                    if not line:
                        continue
                    if header:
                        self.check_header(line, f"{path}, line {line_no}")
                        header = False
                        continue
                    yield path, line_no, line

    def encode_files(self, paths):
        """Every good row of the files as tensors: dense [R, DENSE_FIELDS] float32, cat [R, F] int64, labels [R]."""
        rows = [r for r in (self.encode_line(line, n) for _, n, line in self.data_lines(paths)) if r is not None]
        return rows_to_tensors(rows, self.dense_fields, len(self.table_rows))


def rows_to_tensors(rows, dense_fields, cat_fields):
    """Encoded rows -> (dense [R, D] float32, cat [R, F] int64, labels [R] float32)."""
    dense = torch.tensor([r[0] for r in rows], dtype=torch.float32).reshape(len(rows), dense_fields)
    cat = torch.tensor([r[1] for r in rows], dtype=torch.int64).reshape(len(rows), cat_fields)
    labels = torch.tensor([r[2] for r in rows], dtype=torch.float32)
    return dense, cat, labels


def open_data(path):
    """A data file opened for binary reading; gzip files (magic 1f 8b) are decompressed, as the loader does."""
    with open(path, "rb") as f:
        magic = f.read(2)
    return gzip.open(path, "rb") if magic == b"\x1f\x8b" else open(path, "rb")
`;
