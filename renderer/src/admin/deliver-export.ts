// Hands an export the core wrote to the person at the kiosk. In the web host the browser downloads it from the
// host's /exports/ route, which wants the per-launch token in a header (fetch, then a blob link: the token never
// goes into a URL). In Electron the file stays in the data folder's exports/ and its path is shown.
import { EXPORT_TOKEN_HEADER } from '../../../shared/admin/admin-contract.js';

export type Delivery = 'downloaded' | 'kept' | 'failed';

export async function deliverExport(fileName: string): Promise<Delivery> {
  if (window.kiosk) return 'kept';
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
  try {
    const response = await fetch(`/exports/${encodeURIComponent(fileName)}`, { headers: { [EXPORT_TOKEN_HEADER]: token }, cache: 'no-store' });
    if (!response.ok) return 'failed';
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    document.body.append(link);
    link.click();
    link.remove();
    // The download has its own copy by now; the blob is only needed for the click.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return 'downloaded';
  } catch {
    return 'failed';
  }
}
