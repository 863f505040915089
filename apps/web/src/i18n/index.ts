import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { adminListsText } from './admin-lists';
import { auditText } from './audit';
import { en } from './en';
import { id } from './id';
import { interviewText } from './interview';
import { plenaryText } from './plenary';
import { publicText } from './public';
import { reviewText } from './review';
import { scoresText } from './scores';
import { settingsText } from './settings';

/** Areas whose texts live in a file of their own (`section` in `dictionary.ts`): each adds its top-level keys. */
const SECTIONS = [
  settingsText,
  adminListsText,
  scoresText,
  reviewText,
  interviewText,
  plenaryText,
  auditText,
  publicText,
];

/** Indonesian first; English second. Every text a person reads comes from these dictionaries. */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: {
    id: { translation: Object.assign({}, id, ...SECTIONS.map((texts) => texts.id)) },
    en: { translation: Object.assign({}, en, ...SECTIONS.map((texts) => texts.en)) },
  },
  lng: 'id',
  fallbackLng: 'id',
  interpolation: { escapeValue: false },
});
