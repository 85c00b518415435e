// Progressive enhancement for the API key shown once: a "Copy" button (hidden without script).
for (const button of document.querySelectorAll('button[data-copy-target]')) {
  const target = document.getElementById(button.dataset.copyTarget ?? '');
  if (!(target instanceof HTMLInputElement) || navigator.clipboard === undefined) continue;
  button.hidden = false;
  button.addEventListener('click', () => {
    target.select();
    navigator.clipboard.writeText(target.value).then(
      () => {
        button.textContent = button.dataset.copiedLabel ?? button.textContent;
      },
      () => undefined,
    );
  });
}
