/**
 * `/p/{slug}`: a learner's public profile — the name exactly as they typed it (kanji, kana,
 * romaji), the headline, the badges they made public as cards, and their public collections with
 * every badge in them — with Open Graph tags. Each card links to the badge's page on the profile.
 */
import { formatDate } from '../kit/dates.js';
import { html, type SafeHtml } from '../kit/html.js';
import { renderLayout } from '../kit/layout.js';
import type { Page } from '../kit/page.js';
import { PUBLIC_STYLES, shorten } from './public-badge-page.js';
import { badgeName, renderBadgeImage, statusPill } from './render-badge-sections.js';
import { publicText as t } from './wallet-public-texts.js';
import type { PublicProfileAnswer, WalletCredentialCard } from './wallet-public-types.js';

const badgePath = (slug: string, id: string): string =>
  `/p/${encodeURIComponent(slug)}/credentials/${encodeURIComponent(id)}`;

const countText = (page: Page, count: number): string =>
  count === 1 ? t(page.language, 'badgeCountOne') : t(page.language, 'badgeCount', { count });

const renderCard = (page: Page, slug: string, card: WalletCredentialCard): SafeHtml => {
  const l = page.language;
  return html`<li class="card badge-card" data-testid="profile-badge" data-id="${card.id}">
    ${renderBadgeImage(l, card, page.web.publicUrl, 'small')}
    <div>
      <h3><a href="${badgePath(slug, card.id)}">${badgeName(l, card)}</a></h3>
      ${card.issuerName !== null && html`<p class="muted">${card.issuerName}</p>`}
      ${
        card.issuedAt !== null &&
        html`<p class="muted">
        ${t(l, 'issuedOn')}:
        <time datetime="${card.issuedAt}">${formatDate(card.issuedAt, l, page.calendar)}</time>
      </p>`
      }
      <p>${statusPill(l, card.status)}</p>
    </div>
  </li>`;
};

const renderCards = (
  page: Page,
  slug: string,
  cards: readonly WalletCredentialCard[],
): SafeHtml => html`<ul class="badge-cards">
  ${cards.map((card) => renderCard(page, slug, card))}
</ul>`;

/** Every distinct badge the profile shows (public ones and those in public collections). */
const distinctBadges = (profile: PublicProfileAnswer): WalletCredentialCard[] => {
  const seen = new Map<string, WalletCredentialCard>();
  for (const card of [...profile.credentials, ...profile.collections.flatMap((c) => c.credentials)])
    seen.set(card.id, card);
  return [...seen.values()];
};

export const renderPublicProfilePage = (page: Page, profile: PublicProfileAnswer): SafeHtml => {
  const l = page.language;
  const all = distinctBadges(profile);
  const pageUrl = `${page.web.publicUrl}/p/${encodeURIComponent(profile.slug)}`;
  const ogDescription = shorten(
    profile.headline ??
      t(l, 'profileOgDescription', { name: profile.displayName, count: all.length }),
    200,
  );
  return renderLayout(page, {
    title: profile.displayName,
    styles: PUBLIC_STYLES,
    openGraph: { title: profile.displayName, description: ogDescription, url: pageUrl },
    body: html`<section class="profile-head" aria-labelledby="profile-name">
        <h1 id="profile-name" data-testid="profile-name">${profile.displayName}</h1>
        ${
          (profile.nameKana !== null || profile.nameRomaji !== null) &&
          html`<p class="profile-names">
          ${profile.nameKana !== null && html`<span lang="ja" data-testid="profile-kana">${profile.nameKana}</span>`}
          ${profile.nameRomaji !== null && html`<span lang="ja-Latn" data-testid="profile-romaji">${profile.nameRomaji}</span>`}
        </p>`
        }
        ${profile.headline !== null && html`<p class="lead" data-testid="profile-headline">${profile.headline}</p>`}
      </section>
      <section aria-labelledby="badges-heading">
        <h2 id="badges-heading">${t(l, 'profileBadges')}</h2>
        ${
          profile.credentials.length === 0 && profile.collections.length === 0
            ? html`<p data-testid="profile-empty">${t(l, 'profileEmpty')}</p>`
            : renderCards(page, profile.slug, profile.credentials)
        }
      </section>
      ${
        profile.collections.length > 0 &&
        html`<section aria-labelledby="collections-heading">
        <h2 id="collections-heading">${t(l, 'profileCollections')}</h2>
        ${profile.collections.map(
          (collection) => html`<section
            class="profile-collection"
            aria-labelledby="collection-${collection.id}"
            data-testid="profile-collection"
          >
            <h3 id="collection-${collection.id}">${collection.name}</h3>
            <p class="muted">${countText(page, collection.credentials.length)}</p>
            ${collection.description !== null && html`<p>${collection.description}</p>`}
            ${
              collection.credentials.length === 0
                ? html`<p>${t(l, 'collectionEmpty')}</p>`
                : renderCards(page, profile.slug, collection.credentials)
            }
          </section>`,
        )}
      </section>`
      }`,
  });
};

/** The way back from a profile's badge to the profile. */
export const renderProfileBreadcrumb = (
  page: Page,
  slug: string,
  displayName: string | null | undefined,
): SafeHtml =>
  html`<p class="back-link">
    <a href="/p/${encodeURIComponent(slug)}" data-testid="back-to-profile"
      >${
        displayName === null || displayName === undefined
          ? t(page.language, 'breadcrumbProfile')
          : t(page.language, 'backToProfile', { name: displayName })
      }</a
    >
  </p>`;
