// Errors of the search-space layer: a bad space (SpaceError) and a bad architecture or arch file (ArchError).

/** A search space that cannot be used; `field` is the SpaceConfig key at fault. */
export class SpaceError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'SpaceError';
  }
}

/**
 * An architecture (or an architecture file) that does not fit its space. `block` is the 0-based block at
 * fault (null for whole-file problems such as the version); `field` is the ArchBlock / JSON key.
 */
export class ArchError extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly block: number | null = null,
  ) {
    super(block === null ? message : `block ${block}, ${field}: ${message}`);
    this.name = 'ArchError';
  }
}
