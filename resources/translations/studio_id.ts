<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Studio</source>
        <translation>Tentang Studio</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Pustaka</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Berkas log</translation>
    </message>
    <message>
        <source>Write, check, crop and schedule posts for every network, on your own computer.</source>
        <translation>Tulis, periksa, pangkas, dan jadwalkan unggahan untuk setiap jejaring, di komputer Anda sendiri.</translation>
    </message>
    <message>
        <source>Free software under the GNU GPL, version 3 or later.</source>
        <translation>Perangkat lunak bebas di bawah GNU GPL, versi 3 atau yang lebih baru.</translation>
    </message>
    <message>
        <source>Open library folder</source>
        <translation>Buka folder pustaka</translation>
    </message>
    <message>
        <source>Open log folder</source>
        <translation>Buka folder log</translation>
    </message>
</context>
<context>
    <name>BackupList</name>
    <message>
        <source>Backups</source>
        <translation>Cadangan</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Terjadi kesalahan</translation>
    </message>
    <message>
        <source>Studio is still running and your drafts are saved. If this keeps happening, copy the details into a bug report. They are also in the log file:</source>
        <translation>Studio masih berjalan dan draf Anda tersimpan. Jika ini terus terjadi, salin rinciannya ke laporan bug. Rinciannya juga ada di berkas log:</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Salin rincian</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Tampilkan rincian</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Tersalin</translation>
    </message>
    <message>
        <source>An unexpected error occurred: %1</source>
        <translation>Terjadi kesalahan tak terduga: %1</translation>
    </message>
    <message>
        <source>An unexpected error occurred.</source>
        <translation>Terjadi kesalahan tak terduga.</translation>
    </message>
</context>
<context>
    <name>GrammarDownloadDialog</name>
    <message>
        <source>Download LanguageTool</source>
        <translation>Unduh LanguageTool</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Local grammar checking needs LanguageTool&lt;/b&gt;, which is not on this computer yet.&lt;/p&gt;&lt;p&gt;Studio can download it now (about 250 MB, once). It runs on this computer only: nothing you write is sent anywhere. It needs Java 17 or newer.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Pemeriksaan tata bahasa lokal memerlukan LanguageTool&lt;/b&gt;, yang belum ada di komputer ini.&lt;/p&gt;&lt;p&gt;Studio dapat mengunduhnya sekarang (sekitar 250 MB, sekali saja). LanguageTool hanya berjalan di komputer ini: tidak ada tulisan Anda yang dikirim ke mana pun. Diperlukan Java 17 atau yang lebih baru.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>Unduh</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>Nanti saja</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Menghubungkan…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Membatalkan…</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 dari %2</translation>
    </message>
    <message>
        <source>%1 downloaded</source>
        <translation>%1 terunduh</translation>
    </message>
    <message>
        <source>Unpacking…</source>
        <translation>Membuka kemasan…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>LanguageTool is installed in %1.</source>
        <translation>LanguageTool terpasang di %1.</translation>
    </message>
    <message>
        <source>Download cancelled; nothing was installed.</source>
        <translation>Unduhan dibatalkan; tidak ada yang dipasang.</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Kesalahan tak terduga</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Coba lagi</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Studio cannot open the library</source>
        <translation>Studio tidak dapat membuka pustaka</translation>
    </message>
    <message>
        <source>Restore the newest backup you trust. The damaged file is kept beside it, renamed, so nothing is lost.</source>
        <translation>Pulihkan cadangan terbaru yang Anda percayai. Berkas yang rusak disimpan di sebelahnya dengan nama lain, jadi tidak ada yang hilang.</translation>
    </message>
    <message>
        <source>There is no backup of this library yet.</source>
        <translation>Belum ada cadangan untuk pustaka ini.</translation>
    </message>
    <message>
        <source>Restore this backup</source>
        <translation>Pulihkan cadangan ini</translation>
    </message>
    <message>
        <source>Start an empty library</source>
        <translation>Mulai dengan pustaka kosong</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>That backup could not be restored: %1</source>
        <translation>Cadangan itu tidak dapat dipulihkan: %1</translation>
    </message>
    <message>
        <source>The damaged file could not be moved aside: %1.</source>
        <translation>Berkas yang rusak tidak dapat dipindahkan: %1.</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <source>Reschedule</source>
        <translation>Jadwalkan ulang</translation>
    </message>
    <message>
        <source>Being sent or already published: it stays where it is.</source>
        <translation>Sedang dikirim atau sudah terbit: jadwalnya tetap.</translation>
    </message>
    <message>
        <source>This draft is not scheduled. Use Schedule… to give it a time.</source>
        <translation>Draf ini belum dijadwalkan. Gunakan Jadwalkan… untuk memberinya waktu.</translation>
    </message>
    <message>
        <source>A new time is in the past: the post would go out at once. Choose a later time.</source>
        <translation>Waktu baru sudah lewat: unggahan akan langsung terbit. Pilih waktu yang lebih lambat.</translation>
    </message>
</context>
<context>
    <name>RestoreBackupDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Pulihkan dari cadangan</translation>
    </message>
    <message>
        <source>Studio backs up the library once a day. Restoring a backup replaces every client, draft and schedule with the backup&apos;s; what is there now is backed up first, so you can come back to it.</source>
        <translation>Studio mencadangkan pustaka sekali sehari. Memulihkan cadangan mengganti semua klien, draf, dan jadwal dengan isi cadangan; isi yang ada sekarang dicadangkan lebih dulu, jadi Anda dapat kembali ke sana.</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Cadangkan sekarang</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Pulihkan</translation>
    </message>
    <message>
        <source>There is no backup yet. “Back up now” makes one.</source>
        <translation>Belum ada cadangan. “Cadangkan sekarang” membuatnya.</translation>
    </message>
    <message>
        <source>Backed up to %1.</source>
        <translation>Dicadangkan ke %1.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Memulihkan…</translation>
    </message>
    <message>
        <source>Restored. What was there before is kept as %1: restore it to undo.</source>
        <translation>Dipulihkan. Isi sebelumnya disimpan sebagai %1: pulihkan untuk membatalkan.</translation>
    </message>
    <message>
        <source>That did not work</source>
        <translation>Itu tidak berhasil</translation>
    </message>
</context>
<context>
    <name>RevisionsDialog</name>
    <message>
        <source>created</source>
        <translation>dibuat</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>disunting</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>dipulihkan</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>diimpor</translation>
    </message>
    <message>
        <source>History of this draft</source>
        <translation>Riwayat draf ini</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versi</translation>
    </message>
    <message>
        <source>The chosen version</source>
        <translation>Versi yang dipilih</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>Pulihkan versi ini</translation>
    </message>
    <message>
        <source>Undo restore</source>
        <translation>Batalkan pemulihan</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(kosong)</translation>
    </message>
    <message>
        <source>now</source>
        <translation>sekarang</translation>
    </message>
    <message>
        <source>Restore undone.</source>
        <translation>Pemulihan dibatalkan.</translation>
    </message>
    <message>
        <source>Restored. “Undo restore” puts back what was there.</source>
        <translation>Dipulihkan. “Batalkan pemulihan” mengembalikan isi sebelumnya.</translation>
    </message>
    <message>
        <source>That did not work</source>
        <translation>Itu tidak berhasil</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>The public LanguageTool API sends every paragraph you check to LanguageTool GmbH&apos;s servers in Germany. Your clients&apos; unpublished posts would leave this computer. Choose it only if your clients agree; local checking is private and works offline.</source>
        <translation>API publik LanguageTool mengirim setiap paragraf yang Anda periksa ke server LanguageTool GmbH di Jerman. Unggahan klien yang belum terbit akan keluar dari komputer ini. Pilih hanya jika klien Anda setuju; pemeriksaan lokal bersifat pribadi dan bekerja tanpa internet.</translation>
    </message>
    <message>
        <source>Enter the LanguageTool server&apos;s address, starting with http:// or https://.</source>
        <translation>Masukkan alamat server LanguageTool, diawali http:// atau https://.</translation>
    </message>
    <message>
        <source>To use the public API, tick the box that says you understand your text is sent to it.</source>
        <translation>Untuk memakai API publik, centang kotak yang menyatakan Anda paham teks Anda dikirim ke sana.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <source>Workspaces</source>
        <translation>Ruang kerja</translation>
    </message>
</context>
<context>
    <name>Studio</name>
    <message>
        <source>Write</source>
        <translation>Tulis</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Gambar</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Pustaka</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Penerbitan</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Analitik</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>English (US)</source>
        <translation>Inggris (AS)</translation>
    </message>
    <message>
        <source>English (UK)</source>
        <translation>Inggris (Britania)</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Jerman</translation>
    </message>
    <message>
        <source>French</source>
        <translation>Prancis</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Spanyol</translation>
    </message>
    <message>
        <source>Detect for each draft</source>
        <translation>Deteksi untuk setiap draf</translation>
    </message>
    <message>
        <source>Welcome to Studio</source>
        <translation>Selamat datang di Studio</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to Studio&lt;/h2&gt;&lt;p&gt;Studio keeps each brand you write for as a &lt;b&gt;client&lt;/b&gt;, with its own colour, language, brand rules and accounts. Start with one; you can add more at any time from the client switcher.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Selamat datang di Studio&lt;/h2&gt;&lt;p&gt;Studio menyimpan setiap merek yang Anda tulis sebagai &lt;b&gt;klien&lt;/b&gt;, dengan warna, bahasa, aturan merek, dan akunnya sendiri. Mulailah dengan satu; Anda dapat menambah lagi kapan saja dari pemilih klien.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>My brand, or a client&apos;s name</source>
        <translation>Merek saya, atau nama klien</translation>
    </message>
    <message>
        <source>Client name</source>
        <translation>Nama klien</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Warna</translation>
    </message>
    <message>
        <source>Writes in</source>
        <translation>Menulis dalam</translation>
    </message>
    <message>
        <source>Create client</source>
        <translation>Buat klien</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Nanti</translation>
    </message>
    <message>
        <source>Client colour</source>
        <translation>Warna klien</translation>
    </message>
</context>
<context>
    <name>studio.settings</name>
    <message>
        <source>General</source>
        <translation>Umum</translation>
    </message>
    <message>
        <source>Colour scheme</source>
        <translation>Skema warna</translation>
    </message>
    <message>
        <source>Follow the system&apos;s light or dark mode, or choose one.</source>
        <translation>Ikuti mode terang atau gelap sistem, atau pilih salah satu.</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Ikuti sistem</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Terang</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Gelap</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>The language of Studio&apos;s menus and dialogs, dates and numbers. Takes effect when Studio starts again.</source>
        <translation>Bahasa menu dan dialog Studio, tanggal, dan angka. Berlaku saat Studio dibuka lagi.</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Bahasa Indonesia</source>
        <translation>Bahasa Indonesia</translation>
    </message>
    <message>
        <source>Grammar</source>
        <translation>Tata bahasa</translation>
    </message>
    <message>
        <source>Grammar checking</source>
        <translation>Pemeriksaan tata bahasa</translation>
    </message>
    <message>
        <source>Local runs LanguageTool on this computer: nothing you write leaves it.</source>
        <translation>Lokal menjalankan LanguageTool di komputer ini: tidak ada tulisan Anda yang keluar darinya.</translation>
    </message>
    <message>
        <source>Local LanguageTool on this computer (private)</source>
        <translation>LanguageTool lokal di komputer ini (pribadi)</translation>
    </message>
    <message>
        <source>A LanguageTool server of my own or my team&apos;s</source>
        <translation>Server LanguageTool milik saya atau tim saya</translation>
    </message>
    <message>
        <source>The public LanguageTool API (sends text to languagetool.org)</source>
        <translation>API publik LanguageTool (mengirim teks ke languagetool.org)</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Mati</translation>
    </message>
    <message>
        <source>LanguageTool server URL</source>
        <translation>URL server LanguageTool</translation>
    </message>
    <message>
        <source>For example http://localhost:8081 or https://lt.example.com.</source>
        <translation>Misalnya http://localhost:8081 atau https://lt.example.com.</translation>
    </message>
    <message>
        <source>I understand that the public API receives my text</source>
        <translation>Saya paham bahwa API publik menerima teks saya</translation>
    </message>
    <message>
        <source>The public LanguageTool API sends each paragraph you check to LanguageTool GmbH&apos;s servers.</source>
        <translation>API publik LanguageTool mengirim setiap paragraf yang Anda periksa ke server LanguageTool GmbH.</translation>
    </message>
    <message>
        <source>Check after a pause of (ms)</source>
        <translation>Periksa setelah jeda (md)</translation>
    </message>
    <message>
        <source>How long typing must pause before the changed paragraphs are checked.</source>
        <translation>Berapa lama mengetik harus berhenti sebelum paragraf yang berubah diperiksa.</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Pustaka</translation>
    </message>
    <message>
        <source>Daily backups to keep</source>
        <translation>Cadangan harian yang disimpan</translation>
    </message>
    <message>
        <source>Studio copies the library once a day and keeps this many copies.</source>
        <translation>Studio menyalin pustaka sekali sehari dan menyimpan sebanyak ini.</translation>
    </message>
    <message>
        <source>Publishing</source>
        <translation>Penerbitan</translation>
    </message>
    <message>
        <source>Publish due posts while Studio is open</source>
        <translation>Terbitkan unggahan yang jatuh tempo selama Studio terbuka</translation>
    </message>
    <message>
        <source>Turn off if a cron job or systemd timer runs `studio publish --due` instead.</source>
        <translation>Matikan jika tugas cron atau timer systemd yang menjalankan `studio publish --due`.</translation>
    </message>
    <message>
        <source>Look for due posts every (seconds)</source>
        <translation>Cari unggahan jatuh tempo setiap (detik)</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Analitik</translation>
    </message>
    <message>
        <source>Agency name on client reports</source>
        <translation>Nama agensi di laporan klien</translation>
    </message>
    <message>
        <source>Shown as “Prepared by …” on the client reports Studio writes.</source>
        <translation>Tampil sebagai “Disusun oleh …” di laporan klien yang dibuat Studio.</translation>
    </message>
</context>
</TS>
