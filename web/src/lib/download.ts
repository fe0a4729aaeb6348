/** The file name the server gives in Content-Disposition (filename*=UTF-8'' first), or a plain one. */
export function attachmentName(header: string | null, fallback: string): string {
  const encoded = header && /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // fall through to the plain name
    }
  }
  return (header && /filename="([^"]+)"/i.exec(header)?.[1]) || fallback;
}

/** Hands a file the server sent to the browser as a download, under the server's name for it. */
export async function saveAsDownload(res: Response, fallbackName: string): Promise<void> {
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = attachmentName(res.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Some browsers start reading the file only after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
