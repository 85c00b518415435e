// Progressive enhancement for share links: a "Copy" button beside each link's field (hidden
// without script, where the read-only field can still be selected and copied by hand).
for (const button of document.querySelectorAll('button[data-copy-target]')) {
  const target = document.getElementById(button.dataset.copyTarget ?? '');
  if (!(target instanceof HTMLInputElement) || navigator.clipboard === undefined) continue;
  const label = button.textContent;
  button.hidden = false;
  button.addEventListener('click', () => {
    target.select();
    navigator.clipboard.writeText(target.value).then(
      () => {
        button.textContent = button.dataset.copiedLabel ?? label;
        setTimeout(() => {
          button.textContent = label;
        }, 2000);
      },
      () => undefined,
    );
  });
}
