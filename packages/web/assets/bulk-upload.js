// Bulk upload: sends the chosen file's name along (the server sees only its bytes), so that the
// job shows which file it came from. The form works without this.
const form = document.querySelector('[data-testid="bulk-upload-form"]');
const file = form?.querySelector('input[type="file"]');
const name = form?.querySelector('[data-bulk-file-name]');
if (file instanceof HTMLInputElement && name instanceof HTMLInputElement) {
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    name.value = chosen === undefined ? '' : chosen.name.slice(0, 255);
  });
}
