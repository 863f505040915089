import { section } from './dictionary';

/** The public pages: nominees and results. */
export const publicText = section({
  id: {
    nominees: {
      title: 'Uji publik: daftar nominasi',
      intro:
        'Inovasi berikut dinominasikan. Selama masa uji publik, siapa pun dapat mengajukan sanggahan terhadap nominasi dengan alasan yang jelas; sekretariat memeriksanya dan mengabarkan hasilnya ke surel Anda.',
      version: 'Daftar versi {{version}}',
      publishedAt: 'diterbitkan',
      none: 'Belum ada nominasi.',
      rank: 'Peringkat {{rank}} di kelompoknya',
      group: 'Kelompok',
      cluster: 'Klaster',
      object: 'Ajukan sanggahan',
      objectTo: 'Ajukan sanggahan terhadap {{title}}',
      form: 'Formulir sanggahan',
      formHint: 'Semua isian wajib. Kontak Anda hanya dipakai untuk mengabarkan hasil pemeriksaan sanggahan.',
      nominee: 'Nominasi yang disanggah',
      reason: 'Alasan sanggahan',
      reasonHint: 'Paling sedikit 20 karakter: apa yang keliru dan dari mana Anda mengetahuinya.',
      contactName: 'Nama Anda',
      contactEmail: 'Surel Anda',
      submit: 'Kirim sanggahan',
      filed:
        'Sanggahan Anda terhadap {{title}} telah diterima. Kami mengirim tautan konfirmasi ke {{email}}: sanggahan baru dihitung setelah Anda membukanya dan mengonfirmasi, sebelum {{closes}}.',
    },
    confirmObjection: {
      title: 'Konfirmasi sanggahan',
      intro:
        'Sanggahan diajukan dengan alamat surel Anda. Dengan mengonfirmasi, Anda menyatakan sanggahan itu milik Anda; sekretariat lalu memeriksanya dan mengabarkan hasilnya ke surel Anda.',
      confirm: 'Konfirmasi sanggahan saya',
      noCode: 'Tautan ini tidak lengkap. Buka tautan dari surel kami secara utuh, termasuk bagian setelah tanda #.',
      confirmed: 'Terima kasih. Sanggahan Anda atas {{title}} kini dihitung dan menunggu keputusan sekretariat.',
      decided: 'Sanggahan Anda atas {{title}} sudah dikonfirmasi sebelumnya.',
      back: 'Kembali ke daftar nominasi',
    },
    public: {
      results: {
        title: 'Pengumuman pemenang',
        intro: 'Pemenang yang diumumkan per klaster dan kelompok, menurut keputusan sidang pleno yang berlaku.',
        decision: 'Nomor keputusan',
        decidedAt: 'Tanggal keputusan',
        announcedAt: 'Diumumkan',
        sha256: 'SHA-256 (ekspor JSON keputusan)',
        supersedes: 'Keputusan ini mengoreksi {{number}}: {{reason}}',
        document: 'Baca berita acara keputusan',
        rank: 'Peringkat {{rank}}',
        final: 'Nilai akhir {{score}}',
        none: 'Tidak ada pemenang di klaster dan kelompok ini.',
      },
    },
  },
  en: {
    nominees: {
      title: 'Public review: the nominees',
      intro:
        'The innovations below are nominated. During the public review anyone may object to a nomination with a clear reason; the secretariat looks into it and e-mails you the outcome.',
      version: 'List version {{version}}',
      publishedAt: 'published',
      none: 'No nominees yet.',
      rank: 'Rank {{rank}} in its group',
      group: 'Group',
      cluster: 'Cluster',
      object: 'Object',
      objectTo: 'Object to {{title}}',
      form: 'Objection form',
      formHint: 'Every field is required. Your contact is used only to tell you how the objection was decided.',
      nominee: 'The nomination you object to',
      reason: 'Why you object',
      reasonHint: 'At least 20 characters: what is wrong, and how you know.',
      contactName: 'Your name',
      contactEmail: 'Your e-mail',
      submit: 'Send the objection',
      filed:
        'Your objection to {{title}} has been received. We sent a confirmation link to {{email}}: the objection counts once you open it and confirm, before {{closes}}.',
    },
    confirmObjection: {
      title: 'Confirm your objection',
      intro:
        'An objection was filed with your e-mail address. By confirming, you say the objection is yours; the secretariat then looks into it and e-mails you the outcome.',
      confirm: 'Confirm my objection',
      noCode: 'This link is incomplete. Open the whole link from our e-mail, including the part after the # sign.',
      confirmed: 'Thank you. Your objection to {{title}} now counts and awaits the secretariat’s decision.',
      decided: 'Your objection to {{title}} was already confirmed.',
      back: 'Back to the nominees',
    },
    public: {
      results: {
        title: 'Announced winners',
        intro: 'The winners announced per cluster and group, as the plenary decision in force has it.',
        decision: 'Decision number',
        decidedAt: 'Date of the decision',
        announcedAt: 'Announced',
        sha256: 'SHA-256 (the decision’s JSON export)',
        supersedes: 'This decision corrects {{number}}: {{reason}}',
        document: 'Read the decision’s record (berita acara)',
        rank: 'Rank {{rank}}',
        final: 'Final score {{score}}',
        none: 'No winner in this cluster and group.',
      },
    },
  },
});
