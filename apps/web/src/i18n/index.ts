import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { id } from './id';

/** Indonesian first; English second. Every text a person reads comes from these two dictionaries. */
export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: 'id',
  fallbackLng: 'id',
  interpolation: { escapeValue: false },
});
