// Live preview of the badge editor: redraws the preview card (data-testid="achievement-preview")
// from the form as the user types. Progressive enhancement: without it, the server draws the
// preview from the last saved or posted values ("Update preview" posts _action=preview).

const preview = document.querySelector('[data-testid="achievement-preview"]');
const form = preview === null ? null : preview.closest('form');

const graphemes =
  typeof Intl.Segmenter === 'function'
    ? new Intl.Segmenter('ja', { granularity: 'grapheme' })
    : null;

const excerpt = (text, length) => {
  const chars =
    graphemes === null ? Array.from(text) : Array.from(graphemes.segment(text), (s) => s.segment);
  return chars.length > length ? `${chars.slice(0, length).join('')}…` : text;
};

const value = (name) => {
  const field = form.elements.namedItem(name);
  return field !== null && 'value' in field ? field.value : '';
};

const badgeLanguage = () => {
  const checked = form.querySelector('input[name="_previewLanguage"]:checked');
  return checked !== null && checked.value === 'en' ? 'en' : 'ja';
};

const pick = (field, language) => {
  const english = value(`${field}.en`);
  return language === 'en' && english !== '' ? english : value(`${field}.ja`);
};

const part = (name) => preview.querySelector(`[data-preview="${name}"]`);

const setText = (name, text) => {
  const element = part(name);
  if (element !== null) element.textContent = text;
  return element;
};

const typeLabel = (term, language) => {
  const option = Array.from(document.querySelectorAll('#achievement-types option')).find(
    (o) => o.value === term,
  );
  const label =
    option === undefined ? undefined : option.dataset[`label${language === 'en' ? 'En' : 'Ja'}`];
  return label === undefined || label === term ? term : `${label} (${term})`;
};

const issuerName = (language) => {
  const select = form.elements.namedItem('issuerProfileId');
  if (select === null || !('selectedOptions' in select)) return '';
  const option = select.selectedOptions[0];
  if (option === undefined) return '';
  return (
    (language === 'en' ? option.dataset.nameEn : option.dataset.nameJa) ||
    option.dataset.nameJa ||
    ''
  );
};

const redraw = () => {
  const language = badgeLanguage();
  preview.lang = language;
  const name = pick('name', language);
  setText('name', name === '' ? preview.dataset.emptyName : name);
  const description = pick('description', language);
  setText(
    'description',
    description === ''
      ? preview.dataset.emptyDescription
      : excerpt(description, Number(preview.dataset.descriptionExcerpt)),
  );
  const type = value('achievementType').trim();
  const typeElement = setText('achievementType', type === '' ? '' : typeLabel(type, language));
  if (typeElement !== null) typeElement.hidden = type === '';
  const issuer = issuerName(language);
  const issuerElement = setText('issuer', issuer);
  if (issuerElement !== null && issuerElement.parentElement !== null) {
    issuerElement.parentElement.hidden = issuer === '';
  }
  setText(
    'criteria',
    excerpt(pick('criteria.narrative', language), Number(preview.dataset.criteriaExcerpt)),
  );
  const url = value('criteria.url').trim();
  const link = setText('criteriaUrl', url);
  if (link !== null) link.setAttribute('href', url.startsWith('https://') ? url : '#');
  const wrap = part('criteriaUrlWrap');
  if (wrap !== null) wrap.hidden = url === '';
  const tags = value('tags')
    .split(/[,、，\r\n]+/)
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
  const list = part('tags');
  if (list !== null) {
    list.replaceChildren(
      ...tags.map((tag) => {
        const item = document.createElement('li');
        item.textContent = tag;
        return item;
      }),
    );
    list.hidden = tags.length === 0;
  }
};

if (preview !== null && form !== null) {
  form.addEventListener('input', redraw);
  form.addEventListener('change', redraw);
  redraw();
}
