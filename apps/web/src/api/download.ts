import { must } from './client';

/**
 * Saves a file the API answers (a CSV list, an interview's calendar) under `filename`. A plain link would carry no
 * token, so the file is fetched with the session's and handed to the browser as a download.
 */
export async function saveDownload(
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
  filename: string,
): Promise<void> {
  const file = (await must(call)) as Blob;
  const address = URL.createObjectURL(file);
  const link = document.createElement('a');
  link.href = address;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(address);
}
