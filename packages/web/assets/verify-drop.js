// The verify page's drop zone: a file dropped on it goes into the file field and the same form
// is submitted, exactly as if it had been chosen and sent. Without this script the field works.
for (const zone of document.querySelectorAll('[data-verify-drop]')) {
  const input = zone.querySelector('input[type="file"]');
  const form = zone.closest('form');
  const hint = zone.querySelector('[data-verify-drop-hint]');
  if (input === null || form === null) continue;
  zone.classList.add('is-enhanced');
  if (hint !== null) hint.hidden = false;
  const over = (on) => (event) => {
    event.preventDefault();
    zone.classList.toggle('is-over', on);
  };
  zone.addEventListener('dragenter', over(true));
  zone.addEventListener('dragover', over(true));
  zone.addEventListener('dragleave', over(false));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('is-over');
    const files = event.dataTransfer?.files;
    if (files === undefined || files.length === 0) return;
    input.files = files;
    if (typeof form.requestSubmit === 'function') form.requestSubmit();
    else form.submit();
  });
}
