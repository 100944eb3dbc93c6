// Finds a Python that imports torch, for the tests and benchmarks that run PyTorch (Debian's python3-torch).
import { spawnSync } from 'node:child_process';

/**
 * The first Python that imports torch: $NASREC_PYTHON, python3, then /usr/bin/python3 (a pyenv python3 may lack
 * Debian's torch). @returns it with torch's version, or what was tried and how to install it
 */
export function findTorchPython(): { python: string; torch: string } | { missing: string } {
  const tried: string[] = [];
  for (const python of [process.env.NASREC_PYTHON, 'python3', '/usr/bin/python3']) {
    if (!python || tried.some((t) => t.startsWith(`${python}:`))) continue;
    const r = spawnSync(python, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
    if (r.status === 0) return { python, torch: r.stdout.trim() };
    tried.push(`${python}: ${r.error ? 'not found' : 'no torch'}`);
  }
  return {
    missing:
      `no Python with torch (${tried.join('; ')}). Install Debian's python3-torch ` +
      '(apt-get install -y python3-torch libopenblas0-pthread) or set NASREC_PYTHON to a Python that has torch.',
  };
}
