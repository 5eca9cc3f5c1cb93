// The three language buttons, labelled in their own language (no flags: a language is not a country).
import { useTranslation } from 'react-i18next';
import { languages, type Language } from '../../../shared/domain/attendance.js';

export function LanguageButtons({ active, onChoose }: { active: Language; onChoose: (language: Language) => void }) {
  const { t } = useTranslation();
  return (
    <nav className="languages">
      {languages.map((language) => (
        <button
          key={language}
          type="button"
          className="language-button"
          lang={language}
          data-testid={`language-${language}`}
          aria-pressed={language === active}
          onClick={() => {
            onChoose(language);
          }}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </nav>
  );
}
