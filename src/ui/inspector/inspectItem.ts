// What the architecture inspector shows about one model, and its export texts and file names. Pure.
import { archToJson, archToNasrecJson } from '../../core/space/index.ts';
import type { Arch, ArchKey, SpaceConfig } from '../../core/space/types.ts';

/** One model to inspect: an architecture of the space (graph and JSON), or a baseline outside it (metrics only). */
export interface InspectItem {
  /** The focus id (arch key, or "baseline:<name>"). */
  id: string;
  /** Short name shown as the heading, e.g. "FC·DP·Sum #3f9a". */
  title: string;
  /** One line on what it is: "Finalist 1, trained from scratch", "Baseline". */
  kind: string;
  arch?: Arch;
  key?: ArchKey;
  /** Label and formatted value, in display order. */
  metrics: { label: string; value: string }[];
  /** Test log loss, written into the NasRec export when known. */
  testLoss?: number;
  /** A sentence shown instead of the graph and JSON when there is no architecture. */
  note?: string;
}

/** The playground's architecture file (versioned, with the space embedded), pretty-printed. */
export function archJsonText(arch: Arch, space: SpaceConfig): string {
  return `${JSON.stringify(archToJson(arch, space), null, 2)}\n`;
}

/** The official NasRec config JSON of the architecture (with its test loss when known). */
export function nasrecJsonText(arch: Arch, space: SpaceConfig, testLoss?: number): string {
  return `${JSON.stringify(archToNasrecJson(arch, space, testLoss !== undefined && Number.isFinite(testLoss) ? { testLoss } : {}), null, 2)}\n`;
}

/** A file name from a display name: "FC·DP·Sum #3f9a" → "arch-fc-dp-sum-3f9a.json" (with `suffix` before .json). */
export function exportFileName(title: string, suffix = ''): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `arch-${slug || 'model'}${suffix}.json`;
}
