// Progress of a long job's stage with a time-left estimate from the pace so far.
import type { JobProgressMessage } from '../protocol.ts';

/** Throttles progress posts to a few per second and estimates the seconds left in the current stage. */
export class StageProgress {
  private stage = '';
  private stageStarted = 0;
  private lastPost = 0;
  /** A report held back by the throttle, posted when the gap has passed (so the last count always shows). */
  private held: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly id: number,
    private readonly job: JobProgressMessage['job'],
    private readonly post: (msg: JobProgressMessage) => void,
    private readonly minGapMs = 250,
  ) {}

  /** Reports `done` of `total` in `stage`; always posts the first and last report of a stage, and a held-back one later. */
  report(stage: string, done: number, total: number, detail?: string): void {
    const now = performance.now();
    if (this.held !== undefined) clearTimeout(this.held);
    this.held = undefined;
    if (stage !== this.stage) {
      this.stage = stage;
      this.stageStarted = now;
    } else if (done < total && now - this.lastPost < this.minGapMs) {
      this.held = setTimeout(() => this.report(stage, done, total, detail), this.minGapMs - (now - this.lastPost));
      return;
    }
    this.lastPost = now;
    const elapsed = (now - this.stageStarted) / 1000;
    const msg: JobProgressMessage = { type: 'jobProgress', id: this.id, job: this.job, stage, done, total };
    if (done > 0 && done < total) msg.etaSeconds = (elapsed / done) * (total - done);
    if (detail) msg.detail = detail;
    this.post(msg);
  }

  /** Drops a held-back report (the job has ended). */
  dispose(): void {
    if (this.held !== undefined) clearTimeout(this.held);
    this.held = undefined;
  }
}
