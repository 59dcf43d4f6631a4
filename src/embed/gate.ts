/**
 * Whether an embed's engine may work: only while the reader wants it running (autoplay,
 * Play, or the figure's own controls) AND the figure is on screen. Scrolling away holds
 * the engine; scrolling back resumes it only if the reader had not paused it meanwhile.
 * Pure logic: the bridge feeds it visibility and commands, the engine does the work.
 */
export interface GatedEngine {
  /** Let the engine work. `explicit`: the reader pressed Play (a finished run may restart). */
  run(explicit: boolean): void;
  /** Stop working (keep all state; resumable). */
  hold(): void;
}

export class RunGate {
  private visible = false;
  private wanted: boolean;

  constructor(
    private readonly engine: GatedEngine,
    autoplay: boolean,
  ) {
    this.wanted = autoplay;
  }

  get active(): boolean {
    return this.visible && this.wanted;
  }
  get wantsToRun(): boolean {
    return this.wanted;
  }
  get onScreen(): boolean {
    return this.visible;
  }

  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (!this.wanted) return;
    if (visible) this.engine.run(false);
    else this.engine.hold();
  }

  play(): void {
    this.wanted = true;
    if (this.visible) this.engine.run(true);
  }

  pause(): void {
    this.wanted = false;
    this.engine.hold();
  }

  /** The figure's own controls (e.g. the space key) changed play state while on screen. */
  noteUserPlaying(playing: boolean): void {
    if (this.visible) this.wanted = playing;
  }
}
