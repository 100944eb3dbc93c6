// A failed load, in the user's words, with what to try next.

/** What to do next for a loader error code (the worker's message already says what went wrong). */
export function nextStep(code: string | undefined, fromUrl: boolean): string {
  switch (code) {
    case 'empty':
    case 'binary':
    case 'archive':
    case 'noRows':
      return 'Choose a plain-text Criteo TSV, Avazu CSV or CSV file, or load the built-in sample.';
    case 'gzip':
      return 'Unpack the file first, or choose an uncompressed copy.';
    case 'noHeader':
      if (fromUrl) return 'Check that the address points at the data file itself, not a web page about it; or pick the right Format and load again.';
      return 'Pick the right Format under Options, or add a header row naming the columns, then load the file again.';
    case 'noLabel':
      return 'Type the name of the 0/1 label column under Options → Label column, or pick the right format, then load the file again.';
    case 'tooManyBadRows':
      return 'Check that the Format option matches the file, then load it again.';
    case 'badOption':
      return 'Correct the option named above and load again.';
    case 'read':
      return fromUrl ? 'Check the address (the server must allow this page to read it), or download the file and choose it instead.' : 'Choose the file again.';
    default:
      return 'Choose another file or URL, or load the built-in sample.';
  }
}

/** `role="alert"` box shown in the Data panel after a failed load. */
export function DataErrorAlert({ message, code, fromUrl }: { message: string; code: string | undefined; fromUrl: boolean }) {
  return (
    <div className="alert alert-error" role="alert" data-testid="data-error">
      <p className="alert-title">
        <span aria-hidden="true">⚠ </span>The data could not be loaded
      </p>
      <p>{message}</p>
      <p className="alert-next">{nextStep(code, fromUrl)}</p>
    </div>
  );
}
