// The model layer's public surface: the supernet, standalone nets, weight inheritance and the width arithmetic.
export type * from './types.ts';
export { createSupernet } from './supernet.ts';
export { createStandalone, standaloneWidths } from './standalone.ts';
export { copySupernetWeightsToStandalone, type CopyReport } from './copyWeights.ts';
export { supernetWidths, dpRows, dpPairs, type SupernetWidths } from './widths.ts';
export { ATTENTION_LN_GAIN, HEAD_DIM } from './ops/attention.ts';
export { LN_EPS } from './layers.ts';
