/**
 * Open Badges 3.0 achievement types people in Japan use most, with their names in Japanese and
 * English (the editor's suggestions, the list's "type" column). Any other term is shown as is.
 */
import type { Language } from '../kit/language.js';

export const ACHIEVEMENT_TYPE_LABELS: Readonly<Record<string, Readonly<Record<Language, string>>>> =
  {
    Badge: { ja: 'バッジ', en: 'Badge' },
    MicroCredential: { ja: 'マイクロクレデンシャル', en: 'Micro-credential' },
    Certificate: { ja: '証明書', en: 'Certificate' },
    CertificateOfCompletion: { ja: '修了証', en: 'Certificate of completion' },
    Certification: { ja: '資格認定', en: 'Certification' },
    Course: { ja: '科目・講座', en: 'Course' },
    LearningProgram: { ja: '学習プログラム', en: 'Learning programme' },
    Competency: { ja: 'コンピテンシー', en: 'Competency' },
    Assessment: { ja: '試験・評価', en: 'Assessment' },
    Award: { ja: '表彰', en: 'Award' },
    License: { ja: '免許', en: 'Licence' },
    Membership: { ja: '会員資格', en: 'Membership' },
    CommunityService: { ja: '社会貢献活動', en: 'Community service' },
    CoCurricular: { ja: '課外活動', en: 'Co-curricular' },
    Diploma: { ja: 'ディプロマ', en: 'Diploma' },
    Achievement: { ja: '達成', en: 'Achievement' },
  };

/** "マイクロクレデンシャル (MicroCredential)", or the term itself when it has no name here. */
export const achievementTypeLabel = (term: string, language: Language): string => {
  const label = ACHIEVEMENT_TYPE_LABELS[term]?.[language];
  return label === undefined || label === term ? term : `${label} (${term})`;
};
