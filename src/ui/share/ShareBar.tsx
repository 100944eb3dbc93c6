// The header's "Copy link" button and the notice listing a link's settings that were not used.
import { useState } from 'react';

export interface CopyLinkProps {
  /** The link that reproduces the current configuration. */
  link: string;
  /** Why the link cannot reproduce everything (e.g. the data is a local file), shown beside the button. */
  caveat?: string;
}

/** Copies `link` to the clipboard; where the clipboard is refused, shows the link selected for copying by hand. */
export function CopyLink({ link, caveat }: CopyLinkProps) {
  const [status, setStatus] = useState<'idle' | 'copied' | 'manual'>('idle');
  const copy = () => {
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (!clipboard) return setStatus('manual');
    clipboard.writeText(link).then(
      () => setStatus('copied'),
      () => setStatus('manual'),
    );
  };
  return (
    <div className="copy-link">
      <button type="button" onClick={copy} data-testid="copy-link" title="A link that opens this page with the same data, space, settings and seeds">
        Copy link
      </button>
      <span role="status" className="hint" data-testid="copy-link-status">
        {status === 'copied' ? 'Link copied. Opening it restores these settings; nothing runs until Start is pressed.' : ''}
      </span>
      {status === 'manual' && (
        <input className="copy-link-text" readOnly value={link} onFocus={(e) => e.target.select()} autoFocus aria-label="Link to copy" data-testid="copy-link-text" />
      )}
      {caveat && <span className="hint" data-testid="copy-link-caveat">{caveat}</span>}
    </div>
  );
}

/** The settings of the opened link that were ignored, each with its reason; dismissable. */
export function LinkNotices({ notices }: { notices: readonly string[] }) {
  const [open, setOpen] = useState(true);
  if (!open || notices.length === 0) return null;
  return (
    <div className="alert alert-warn" role="alert" data-testid="link-notices">
      <p className="alert-title">Some settings in this link were not used</p>
      <ul>
        {notices.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
      <p className="alert-next">The page uses the defaults for those instead. Check the panels below, then press Start when ready.</p>
      <button type="button" onClick={() => setOpen(false)} data-testid="link-notices-dismiss">
        Dismiss
      </button>
    </div>
  );
}
