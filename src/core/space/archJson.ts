// The playground's versioned architecture file: `{ version: 1, space?, blocks }`, strict on read.
import { ARCH_BLOCK_FIELDS, makeArch } from './arch.ts';
import { ArchError } from './errors.ts';
import { copySpace } from './presets.ts';
import type { Arch, ArchBlock, SpaceConfig } from './types.ts';
import { validateSpace } from './validateSpace.ts';

/** Current version of the architecture file. */
export const ARCH_JSON_VERSION = 1;

/** The architecture file. With `space` embedded it is self-contained (the CLI and the UI can read it alone). */
export interface ArchJson {
  version: 1;
  space?: SpaceConfig;
  blocks: ArchBlock[];
}

/** A plain, JSON-ready copy of an architecture; embeds the space when given. */
export function archToJson(arch: Arch, space?: SpaceConfig): ArchJson {
  const blocks = arch.blocks.map((b) => ({ ...b, denseIdx: [...b.denseIdx], sparseIdx: [...b.sparseIdx] }));
  return space ? { version: ARCH_JSON_VERSION, space: copySpace(space), blocks } : { version: ARCH_JSON_VERSION, blocks };
}

/** Parses JSON text, turning a syntax error into an ArchError. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ArchError('json', `not valid JSON (${err instanceof Error ? err.message : String(err)})`);
  }
}

/**
 * Reads an architecture file (an object, or its JSON text). The embedded space is used when present,
 * otherwise `space`; the architecture is validated against it.
 * @throws ArchError / SpaceError on an unknown version, unknown or missing fields, or a block that does not fit.
 */
export function archFromJson(json: unknown, space?: SpaceConfig): { arch: Arch; space: SpaceConfig } {
  const value = typeof json === 'string' ? parseJsonText(json) : json;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ArchError('json', 'an architecture file must be a JSON object');
  const o = value as Record<string, unknown>;
  for (const key of Object.keys(o)) {
    if (key !== 'version' && key !== 'space' && key !== 'blocks') throw new ArchError(key, `unknown field "${key}" in the architecture file`);
  }
  if (o.version !== ARCH_JSON_VERSION) {
    throw new ArchError('version', `unsupported architecture file version ${JSON.stringify(o.version)} (this build reads version ${ARCH_JSON_VERSION})`);
  }
  let resolved: SpaceConfig;
  if (o.space !== undefined) {
    validateSpace(o.space);
    resolved = copySpace(o.space);
  } else if (space) {
    resolved = space;
  } else {
    throw new ArchError('space', 'the architecture file has no "space" and none was given');
  }
  if (!Array.isArray(o.blocks)) throw new ArchError('blocks', 'the architecture file needs a "blocks" list');
  o.blocks.forEach((b: unknown, i) => {
    if (typeof b !== 'object' || b === null || Array.isArray(b)) throw new ArchError('block', 'must be an object', i);
    for (const key of Object.keys(b)) {
      if (!(ARCH_BLOCK_FIELDS as readonly string[]).includes(key)) throw new ArchError(key, `unknown field "${key}"`, i);
    }
  });
  return { arch: makeArch(o.blocks as ArchBlock[], resolved), space: resolved };
}
