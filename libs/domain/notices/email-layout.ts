import type { Language } from '../agency/agency-profile';
import type { NoticeText } from './notice-texts';

const FOOTER: Record<Language, string> = {
  id: 'Pesan ini dikirim otomatis oleh Tahap, Kementerian PANRB. Semua waktu dalam zona instansi Anda.',
  en: 'This message was sent automatically by Tahap, Kementerian PANRB. All times are in your agency’s zone.',
};

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** The text and HTML parts of a notice's e-mail, in the recipient's language. */
export function emailParts(notice: NoticeText, language: Language): { text: string; html: string } {
  const text = `${notice.body}\n\n--\n${FOOTER[language]}\n`;
  const html = [
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8"><title>${escapeHtml(notice.subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5">',
    `<h1 style="font-size: 1.2em">${escapeHtml(notice.subject)}</h1>`,
    `<p>${escapeHtml(notice.body)}</p>`,
    `<hr><p style="color: #555; font-size: 0.85em">${escapeHtml(FOOTER[language])}</p>`,
    '</body></html>',
  ].join('');
  return { text, html };
}
