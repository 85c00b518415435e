/** The page shown when a page fails: what happened in plain words, and where to go next. */
import { html, type SafeHtml } from './html.js';
import { renderLayout } from './layout.js';
import type { Page } from './page.js';
import { defineTexts } from './texts.js';

const t = defineTexts({
  notFoundTitle: { ja: 'ページが見つかりません', en: 'Page not found' },
  notFoundBody: {
    ja: 'お探しのページは存在しないか、移動しました。アドレスをご確認ください。',
    en: 'The page does not exist or has moved. Please check the address.',
  },
  tooLargeTitle: { ja: 'ファイルが大きすぎます', en: 'The file is too large' },
  tooLargeBody: {
    ja: '送信できるのは 20 MB までです。小さなファイルでもう一度お試しください。',
    en: 'At most 20 MB can be sent. Please try again with a smaller file.',
  },
  badRequestTitle: { ja: '送信内容を読み取れませんでした', en: 'The request could not be read' },
  badRequestBody: {
    ja: 'フォームの送信内容が正しくありません。前のページに戻ってもう一度お試しください。',
    en: 'The form could not be read. Please go back and try again.',
  },
  errorTitle: { ja: 'エラーが発生しました', en: 'Something went wrong' },
  errorBody: {
    ja: '処理を完了できませんでした。時間をおいてもう一度お試しください。問題が続く場合は管理者にお問い合わせください。',
    en: 'The request could not be completed. Please try again later; if it keeps happening, contact the administrator.',
  },
  home: { ja: 'トップページへ', en: 'Go to the home page' },
  requestId: { ja: '問い合わせ番号', en: 'Request id' },
});

export const renderErrorPage = (
  page: Page,
  status: number,
  error: { readonly message: string } | undefined,
): SafeHtml => {
  const l = page.language;
  const [title, body] =
    status === 404
      ? [t(l, 'notFoundTitle'), t(l, 'notFoundBody')]
      : status === 413
        ? [t(l, 'tooLargeTitle'), t(l, 'tooLargeBody')]
        : status < 500
          ? [t(l, 'badRequestTitle'), t(l, 'badRequestBody')]
          : [t(l, 'errorTitle'), t(l, 'errorBody')];
  return renderLayout(page, {
    title,
    body: html`<h1>${title}</h1>
      <p>${body}</p>
      ${status < 500 && status !== 404 && error !== undefined && html`<p class="hint">${error.message}</p>`}
      <p class="hint">${t(l, 'requestId')}: <code>${page.request.id}</code></p>
      <p><a href="/">${t(l, 'home')}</a></p>`,
  });
};
