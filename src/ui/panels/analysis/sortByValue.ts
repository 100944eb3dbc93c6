// Table sorting shared by the results tables: by a numeric column, missing values last. Pure.

/** A sorted copy by `value`; rows with no value (undefined or NaN) go last in either direction; ties keep input order. */
export function sortByValue<T>(rows: readonly T[], value: (row: T) => number | undefined, descending: boolean): T[] {
  const sign = descending ? -1 : 1;
  return rows
    .map((r, i) => ({ r, i, v: value(r) }))
    .sort((a, b) => {
      const ma = a.v === undefined || Number.isNaN(a.v);
      const mb = b.v === undefined || Number.isNaN(b.v);
      if (ma || mb) return ma === mb ? a.i - b.i : ma ? 1 : -1;
      return sign * (a.v! - b.v!) || a.i - b.i;
    })
    .map(({ r }) => r);
}

/** 1-based rank of `values[index]` among the finite values, lower is better (ties share the better rank). */
export function rankAmong(values: readonly number[], index: number): number | undefined {
  const v = values[index];
  if (v === undefined || !Number.isFinite(v)) return undefined;
  return values.filter((w) => Number.isFinite(w) && w < v).length + 1;
}
