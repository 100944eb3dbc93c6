// Progress of a long job's stage with a time-left estimate from the pace so far.
import type { JobProgressMessage } from '../protocol.ts';

/** Throttles progress posts to a few per second and estimates the seconds left in the current stage. */
export class StageProgress {
  private stage = '';
  private stageStarted = 0;
  private lastPost = 0;

  constructor(
    private readonly id: number,
    private readonly job: JobProgressMessage['job'],
    private readonly post: (msg: JobProgressMessage) => void,
    private readonly minGapMs = 250,
  ) {}

  /** Reports `done` of `total` in `stage`; always posts the first and last report of a stage. */
  report(stage: string, done: number, total: number, detail?: string): void {
    const now = performance.now();
    if (stage !== this.stage) {
      this.stage = stage;
      this.stageStarted = now;
    } else if (done < total && now - this.lastPost < this.minGapMs) return;
    this.lastPost = now;
    const elapsed = (now - this.stageStarted) / 1000;
    const msg: JobProgressMessage = { type: 'jobProgress', id: this.id, job: this.job, stage, done, total };
    if (done > 0 && done < total) msg.etaSeconds = (elapsed / done) * (total - done);
    if (detail) msg.detail = detail;
    this.post(msg);
  }
}
