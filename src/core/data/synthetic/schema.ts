// The Criteo-shaped schema of the built-in sample: per-field missing rates, count shapes and Zipf shapes.

/**
 * A dense (count) field. A present cell is floor(exp(mu + sigma·z)) with z ~ N(0, 1), or -1 with
 * probability `negative`. mu and sigma were fitted to the median and 90th percentile of the same
 * column in the first 10,000 rows of Criteo's Kaggle train file (shared/data/criteo).
 */
export interface DenseFieldSpec {
  name: string;
  /** Fraction of rows whose cell is empty. */
  missing: number;
  /** Fields sharing a group share one uniform draw, so they go missing together, as in Criteo. */
  group?: string;
  mu: number;
  sigma: number;
  /** Probability that a present cell is -1 (Criteo's I2 has about 10 % of them). */
  negative: number;
}

/** A categorical field: value ranks follow Zipf(exponent) over `cardinality` values. */
export interface CategoricalFieldSpec {
  name: string;
  missing: number;
  group?: string;
  /** Number of distinct values; rank 0 is the most frequent. */
  cardinality: number;
  /** Zipf exponent s: P(rank r) ∝ (r + 1)^-s. */
  zipf: number;
}

/** I1..I13. Missing rates are Criteo's (I1 44.8 %, I12 77.4 %, …). */
export const DENSE_FIELDS: readonly DenseFieldSpec[] = [
  { name: 'I1', missing: 0.448, group: 'I1,I10', mu: 0.4, sigma: 1.36, negative: 0 },
  { name: 'I2', missing: 0, mu: 1.25, sigma: 3.1, negative: 0.1 },
  { name: 'I3', missing: 0.204, group: 'I3,I4,I13', mu: 2.0, sigma: 1.5, negative: 0.002 },
  { name: 'I4', missing: 0.198, group: 'I3,I4,I13', mu: 1.5, sigma: 1.2, negative: 0 },
  { name: 'I5', missing: 0.049, group: 'I5,I7,I9,I11', mu: 7.8, sigma: 2.0, negative: 0 },
  { name: 'I6', missing: 0.251, mu: 3.7, sigma: 1.65, negative: 0 },
  { name: 'I7', missing: 0.049, group: 'I5,I7,I9,I11', mu: 1.25, sigma: 1.7, negative: 0 },
  { name: 'I8', missing: 0.001, mu: 2.0, sigma: 1.2, negative: 0 },
  { name: 'I9', missing: 0.049, group: 'I5,I7,I9,I11', mu: 3.7, sigma: 1.57, negative: 0 },
  { name: 'I10', missing: 0.448, group: 'I1,I10', mu: 0, sigma: 0.5, negative: 0 },
  { name: 'I11', missing: 0.049, group: 'I5,I7,I9,I11', mu: 0.4, sigma: 1.0, negative: 0 },
  { name: 'I12', missing: 0.774, mu: -0.75, sigma: 1.2, negative: 0 },
  { name: 'I13', missing: 0.198, group: 'I3,I4,I13', mu: 1.7, sigma: 1.26, negative: 0 },
];

/**
 * C1..C26. Cardinalities follow the shape of Criteo's (NASRec's n_f list) scaled into 3..50,000;
 * missing rates are Criteo's (C22 ≈ 80 %, C19/C20/C25/C26 45 % together, C3/C4/C12/… 3.6 %).
 */
export const CATEGORICAL_FIELDS: readonly CategoricalFieldSpec[] = [
  { name: 'C1', missing: 0, cardinality: 1400, zipf: 1.1 },
  { name: 'C2', missing: 0, cardinality: 580, zipf: 1.05 },
  { name: 'C3', missing: 0.036, group: 'C3,C4,C12,C16,C21,C24', cardinality: 50000, zipf: 1.05 },
  { name: 'C4', missing: 0.036, group: 'C3,C4,C12,C16,C21,C24', cardinality: 30000, zipf: 1.1 },
  { name: 'C5', missing: 0, cardinality: 300, zipf: 1.2 },
  { name: 'C6', missing: 0.133, cardinality: 7, zipf: 1.2 },
  { name: 'C7', missing: 0, cardinality: 12000, zipf: 1.05 },
  { name: 'C8', missing: 0, cardinality: 630, zipf: 1.2 },
  { name: 'C9', missing: 0, cardinality: 4, zipf: 1.2 },
  { name: 'C10', missing: 0, cardinality: 20000, zipf: 1.1 },
  { name: 'C11', missing: 0, cardinality: 5600, zipf: 1.05 },
  { name: 'C12', missing: 0.036, group: 'C3,C4,C12,C16,C21,C24', cardinality: 40000, zipf: 1.05 },
  { name: 'C13', missing: 0, cardinality: 3200, zipf: 1.05 },
  { name: 'C14', missing: 0, cardinality: 28, zipf: 1.15 },
  { name: 'C15', missing: 0, cardinality: 15000, zipf: 1.05 },
  { name: 'C16', missing: 0.036, group: 'C3,C4,C12,C16,C21,C24', cardinality: 30000, zipf: 1.05 },
  { name: 'C17', missing: 0, cardinality: 11, zipf: 1.15 },
  { name: 'C18', missing: 0, cardinality: 5600, zipf: 1.1 },
  { name: 'C19', missing: 0.45, group: 'C19,C20,C25,C26', cardinality: 2200, zipf: 1.2 },
  { name: 'C20', missing: 0.45, group: 'C19,C20,C25,C26', cardinality: 3, zipf: 1.1 },
  { name: 'C21', missing: 0.036, group: 'C3,C4,C12,C16,C21,C24', cardinality: 35000, zipf: 1.05 },
  { name: 'C22', missing: 0.8, cardinality: 19, zipf: 1.2 },
  { name: 'C23', missing: 0, cardinality: 16, zipf: 1.15 },
  { name: 'C24', missing: 0.036, group: 'C3,C4,C12,C16,C21,C24', cardinality: 20000, zipf: 1.1 },
  { name: 'C25', missing: 0.45, group: 'C19,C20,C25,C26', cardinality: 106, zipf: 1.15 },
  { name: 'C26', missing: 0.45, group: 'C19,C20,C25,C26', cardinality: 10000, zipf: 1.1 },
];

/** Column names of the sample, in file order after the label: I1..I13, then C1..C26. */
export const SAMPLE_FIELD_NAMES: { dense: string[]; categorical: string[] } = {
  dense: DENSE_FIELDS.map((f) => f.name),
  categorical: CATEGORICAL_FIELDS.map((f) => f.name),
};

/** Index of a dense field by name (I1 → 0), or -1. */
export function denseIndex(name: string): number {
  return DENSE_FIELDS.findIndex((f) => f.name === name);
}

/** Index of a categorical field by name (C1 → 0), or -1. */
export function categoricalIndex(name: string): number {
  return CATEGORICAL_FIELDS.findIndex((f) => f.name === name);
}
