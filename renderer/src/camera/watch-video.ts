// Watches the scanner's <video>: every frame shown (for the watchdog) and the camera track ending (unplugged).

export interface VideoWatch {
  onFrame: () => void;
  onEnded: () => void;
}

/** Returns the function that stops watching. */
export function watchVideo(video: HTMLVideoElement, watch: VideoWatch): () => void {
  let live = true;
  let handle = 0;
  const onFrame = (): void => {
    if (!live) return;
    watch.onFrame();
    handle = video.requestVideoFrameCallback(onFrame);
  };
  handle = video.requestVideoFrameCallback(onFrame);
  const track = video.srcObject instanceof MediaStream ? video.srcObject.getVideoTracks()[0] : undefined;
  const onEnded = (): void => {
    watch.onEnded();
  };
  track?.addEventListener('ended', onEnded);
  return () => {
    live = false;
    video.cancelVideoFrameCallback(handle);
    track?.removeEventListener('ended', onEnded);
  };
}
