// When to restart a crashed language server: at most `max` restarts within a sliding window,
// so a server that dies on start-up is not restarted forever.
export class RestartPolicy {
  private crashes: number[] = [];

  constructor(
    readonly max = 4,
    readonly windowMs = 3 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records a crash; true when the server should be restarted. */
  crashed(): boolean {
    const t = this.now();
    this.crashes = [...this.crashes.filter((c) => t - c < this.windowMs), t];
    return this.crashes.length <= this.max;
  }

  /** Crashes within the window, the one just recorded included. */
  get recent(): number {
    return this.crashes.length;
  }

  /** Forget past crashes (after a manual restart). */
  reset(): void {
    this.crashes = [];
  }
}
