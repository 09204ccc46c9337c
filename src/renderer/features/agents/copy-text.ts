// Copies text to the clipboard: the async Clipboard API where the page may use it, else the
// older selection-and-copy way (pages on plain http://127.0.0.1 are a secure context, but an
// embedding or a policy may still refuse the API).
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}
