// The notice offering to reopen a run that was training when the page closed, with its own settings, to resume it.
import { useState } from 'react';
import type { RunSummary } from '../../worker/protocol.ts';
import { encodeShareState, type ShareState } from './urlState.ts';

/** The address that reopens `run`'s settings with `?resume=<id>` (its stored share state, re-encoded through the codec). */
export function resumeLink(href: string, run: RunSummary): string {
  const url = new URL(href);
  let query = '';
  try {
    query = encodeShareState((run.config as { share: ShareState }).share);
  } catch {
    query = ''; // a run stored by another version: its settings fall back to the defaults
  }
  const params = new URLSearchParams(query);
  const backend = url.searchParams.get('backend');
  if (backend) params.set('backend', backend);
  const every = url.searchParams.get('checkpointEvery');
  if (every) params.set('checkpointEvery', every);
  params.set('resume', run.id);
  url.search = params.toString();
  url.hash = '';
  return url.href;
}

export function InterruptedRunBanner({ run, href }: { run: RunSummary; href: string }) {
  const [open, setOpen] = useState(true);
  if (!open) return null;
  const link = resumeLink(href, run);
  return (
    <div className="alert alert-warn" role="alert" data-testid="interrupted-run">
      <p className="alert-title">
        {run.name} was interrupted at step {run.lastStep.toLocaleString('en-US')}
      </p>
      <p>
        The page closed while it trained. Its last checkpoint is at step {(run.checkpointStep ?? 0).toLocaleString('en-US')}, so at most the steps after that are
        lost. Reopen it to load its data and settings, then resume.
      </p>
      <p>
        <a href={link} className="button primary" data-testid="reopen-run">
          Reopen {run.name}
        </a>{' '}
        <button type="button" onClick={() => setOpen(false)}>
          Not now
        </button>
      </p>
    </div>
  );
}
