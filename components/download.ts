/** Saves text as a file the way a link with `download` does: no extension API, so it works in every page. */
export function downloadText(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  // Revoking at once can cancel the download in some browsers; the URL is dropped shortly after.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
