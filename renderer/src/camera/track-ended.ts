// Watches the camera track ending (unplugged). Frames are counted by the scanner, which sees every one.

/** Returns the function that stops watching. */
export function watchTrackEnded(track: MediaStreamTrack, onEnded: () => void): () => void {
  const listener = (): void => {
    onEnded();
  };
  track.addEventListener('ended', listener);
  return () => {
    track.removeEventListener('ended', listener);
  };
}
