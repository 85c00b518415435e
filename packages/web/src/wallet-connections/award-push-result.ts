/**
 * The page shown after a recipient's Open Badges host sent the browser back for an award being
 * pushed to it (`/wallet/connections/callback` when the `state` is a push's: the API
 * `POST /api/v1/awards/host-pushes/callback`): sent (new, or replacing the copy the host held)
 * or not (the host's reason), with the host's name, the award's state when it is revoked or
 * suspended (it travels as such), and a note that no access to the host was kept. Japanese and
 * English.
 */
import { html, type SafeHtml } from '../kit/html.js';
import { renderLayout } from '../kit/layout.js';
import type { Page } from '../kit/page.js';
import { defineTexts } from '../kit/texts.js';
import { segment } from '../wallet/wallet-shared.js';

/** The API's view of a push (`AwardPushView`). */
export interface AwardPushView {
  readonly id: string;
  readonly awardId: string;
  readonly state: 'pending' | 'pushed' | 'failed';
  readonly host: { readonly name: string | null; readonly baseUrl: string };
  readonly status: number | null;
  readonly description: string | null;
  readonly awardState: 'active' | 'revoked' | 'suspended';
}

export const pushText = defineTexts({
  pushedTitle: { ja: '{host} にバッジを送りました', en: 'The badge was sent to {host}' },
  failedTitle: {
    ja: '{host} にバッジを送れませんでした',
    en: 'The badge could not be sent to {host}',
  },
  created: {
    ja: 'バッジが {host} に追加されました。',
    en: 'The badge was added to {host}.',
  },
  replaced: {
    ja: '{host} は既にこのバッジを保持していました。最新の内容に更新されたか、保持中のものがそのまま残されています。',
    en: '{host} already held this badge: it was brought up to date, or the copy it holds was kept.',
  },
  reason: { ja: '理由：{reason}', en: 'Reason: {reason}' },
  denied: {
    ja: '{host} で送信が許可されませんでした。',
    en: 'Sending was not allowed at {host}.',
  },
  tryAgain: {
    ja: 'もう一度送るには、バッジ授与メールのリンクから改めて始めてください。',
    en: 'To try again, start again from the link in the award e-mail.',
  },
  revoked: {
    ja: 'このバッジは発行者によって取り消されています。送信先でも取り消し済みのバッジとして表示されます。',
    en: 'The issuer has revoked this badge: the host shows it as revoked too.',
  },
  suspended: {
    ja: 'このバッジは発行者によって一時停止されています。送信先でも一時停止中のバッジとして表示されます。',
    en: 'The issuer has suspended this badge: the host shows it as suspended too.',
  },
  noAccessKept: {
    ja: 'このサービスは {host} へのアクセス権を保持していません（送信に使った許可は直後に破棄しました）。',
    en: 'This service keeps no access to {host}: the permission used to send the badge was discarded right after.',
  },
  viewBadge: { ja: 'バッジのページを見る', en: 'View the badge page' },
});

const hostOf = (view: AwardPushView): string => view.host.name ?? view.host.baseUrl;

const awardNotice = (page: Page, view: AwardPushView): SafeHtml | '' => {
  if (view.awardState === 'active') return '';
  const key = view.awardState === 'revoked' ? 'revoked' : 'suspended';
  return html`<div class="warning" role="note" data-testid="push-award-state">
    <p>${pushText(page.language, key)}</p>
  </div>`;
};

const failureText = (page: Page, view: AwardPushView, host: string): string => {
  const l = page.language;
  const reason = view.description ?? '';
  if (reason.startsWith('access_denied')) return pushText(l, 'denied', { host });
  return pushText(l, 'reason', { reason });
};

export const renderAwardPushResult = (page: Page, view: AwardPushView): SafeHtml => {
  const l = page.language;
  const host = hostOf(view);
  const pushed = view.state === 'pushed';
  const title = pushText(l, pushed ? 'pushedTitle' : 'failedTitle', { host });
  const body = html`<section
    class="delivery"
    data-testid="push-result"
    data-state="${view.state}"
  >
    <h1>${title}</h1>
    ${
      pushed
        ? html`<p class="lead" data-testid="push-outcome">
            ${pushText(l, view.status === 201 ? 'created' : 'replaced', { host })}
          </p>`
        : html`<div class="warning" role="alert" data-testid="push-outcome">
            <p>${failureText(page, view, host)}</p>
            <p>${pushText(l, 'tryAgain')}</p>
          </div>`
    }
    ${awardNotice(page, view)}
    <p class="muted">${view.host.baseUrl}</p>
    <p class="muted">${pushText(l, 'noAccessKept', { host })}</p>
    <p>
      <a href="/badges/${segment(view.awardId)}" data-testid="push-badge-link"
        >${pushText(l, 'viewBadge')}</a
      >
    </p>
  </section>`;
  return renderLayout(page, { title, section: 'wallet', styles: ['wallet-delivery.css'], body });
};
