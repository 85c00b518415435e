/**
 * The badge image: the upload form (edit and detail pages) and what the upload route does with
 * the file: the bytes say what it is (PNG signature, or text starting with `<svg` / `<?xml`), the
 * raw bytes go to `PUT …/achievements/{id}/image` with that content type, and the API checks and
 * cleans them (a hostile SVG loses its scripts; a broken or oversized file is refused).
 */
import type { ConsoleContext } from '../kit/console.js';
import { csrfInput } from '../kit/forms.js';
import { html, type SafeHtml } from '../kit/html.js';
import type { AchievementView } from './achievement-api-types.js';
import { localPath, pickText } from './achievement-api-types.js';
import { achievementsText as t } from './achievements-texts.js';

export type ImageFormOrigin = 'edit' | 'detail';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** `image/png`, `image/svg+xml`, or undefined for anything else. */
export const sniffImageType = (bytes: Buffer): 'image/png' | 'image/svg+xml' | undefined => {
  if (bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return 'image/png';
  const start = bytes
    .subarray(0, 512)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return start.startsWith('<svg') || start.startsWith('<?xml') ? 'image/svg+xml' : undefined;
};

export const renderImageUpload = (
  context: ConsoleContext,
  achievement: AchievementView,
  from: ImageFormOrigin,
  error: string | undefined,
): SafeHtml => {
  const l = context.page.language;
  const id = 'f-image';
  return html`<section class="card image-upload" aria-labelledby="image-heading">
    <h2 id="image-heading">${t(l, 'imageTitle')}</h2>
    <div class="image-row">
      <img
        class="badge-image"
        src="${localPath(achievement.urls.image)}"
        alt="${t(l, 'imageAlt', { name: pickText(achievement.name, l) })}"
        width="128"
        height="128"
        data-testid="achievement-image"
      />
      <form
        method="post"
        enctype="multipart/form-data"
        action="${context.base}/achievements/${achievement.id}/image"
        class="stack"
        data-testid="achievement-image-form"
      >
        ${csrfInput(context.session)}
        <input type="hidden" name="from" value="${from}" />
        ${achievement.imageId === null && html`<p class="hint">${t(l, 'imageDefault')}</p>`}
        <div class="field${error !== undefined ? ' has-error' : ''}">
          <label for="${id}">${t(l, 'image')}</label>
          <p class="hint" id="${id}-hint">${t(l, 'imageHint')}</p>
          ${error !== undefined && html`<p class="field-error" id="${id}-error" data-testid="image-error">${error}</p>`}
          <input
            id="${id}"
            type="file"
            name="image"
            accept="image/png,image/svg+xml"
            required
            data-testid="achievement-image-input"
            aria-describedby="${id}-hint${error !== undefined ? ` ${id}-error` : ''}"
            ${error !== undefined && html` aria-invalid="true"`}
          />
        </div>
        <div>
          <button type="submit" class="secondary" data-testid="upload-image">
            ${t(l, 'upload')}
          </button>
        </div>
      </form>
    </div>
  </section>`;
};
