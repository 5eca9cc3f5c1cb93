// The floor under the idle kiosk's CPU: a bare page that opens the same camera with the same constraints and shows it
// in a <video> of the camera dock's size and shape, and does nothing else — no decoding, no React, no web host. What
// this costs is the camera device (here Chromium's fake one, reading a .y4m file), carrying its frames and drawing
// them; the kiosk cannot spend less while it shows its viewfinder. Shown false: the same stream opened and played by
// no element (the floor under a kiosk whose viewfinder sleeps, which still reads every frame).
import type { Browser } from '@playwright/test';
import { videoConstraints } from '../renderer/src/camera/scan-config.js';

/** A same-origin URL Playwright answers itself: localhost is a secure context, so getUserMedia works on it. */
const FLOOR_URL = 'http://localhost/camera-floor';

function floorHtml(shown: boolean): string {
  // The camera dock's box (renderer/src/styles.css .camera-dock, .camera-viewfinder video).
  return `<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; background: #223; }
#dock { position: absolute; top: 16px; left: 25px; width: 240px; height: 180px; overflow: hidden; border-radius: 16px; border: 3px solid rgba(255,255,255,0.5); }
video { display: block; width: 100%; height: 100%; object-fit: cover; }
</style></head><body><div id="dock"></div><script>
navigator.mediaDevices.getUserMedia({ video: ${JSON.stringify(videoConstraints(null))}, audio: false }).then(async (stream) => {
  if (${JSON.stringify(shown)}) {
    const video = document.createElement('video');
    video.muted = true;
    video.playsInline = true;
    video.srcObject = stream;
    document.getElementById('dock').append(video);
    await video.play();
  }
  // Kept from collection either way: a stream nobody holds may be stopped.
  window.floorStream = stream;
  document.body.dataset.playing = 'true';
});
</script></body></html>`;
}

/** Opens the bare camera page (shown false: its stream in no element) in the browser (which must have been launched with the fake camera) and waits until it plays. */
export async function openCameraFloorPage(browser: Browser, shown = true): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.route(FLOOR_URL, (route) => route.fulfill({ body: floorHtml(shown), contentType: 'text/html' }));
  await page.goto(FLOOR_URL);
  await page.locator('body[data-playing="true"]').waitFor({ state: 'attached' });
}
