<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id">
<context>
    <name>AboutDialog</name>
    <message>
        <source>not installed</source>
        <translation>tidak terpasang</translation>
    </message>
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
    <name>AccountsPanel</name>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Jejaring</translation>
    </message>
    <message>
        <source>Posting slots</source>
        <translation>Slot unggah</translation>
    </message>
    <message>
        <source>Token expires</source>
        <translation>Token berakhir</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Does not expire</source>
        <translation>Tidak berakhir</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Tidak diketahui</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>No accounts yet. Connect one to publish from Studio.</source>
        <translation>Belum ada akun. Hubungkan satu akun untuk menerbitkan dari Studio.</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Uji</translation>
    </message>
    <message>
        <source>Reconnect…</source>
        <translation>Hubungkan ulang…</translation>
    </message>
    <message>
        <source>Edit slots…</source>
        <translation>Ubah slot…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Hapus…</translation>
    </message>
    <message>
        <source>Connect account…</source>
        <translation>Hubungkan akun…</translation>
    </message>
    <message>
        <source>None (Add to queue needs one)</source>
        <translation>Tidak ada (Tambah ke antrean memerlukannya)</translation>
    </message>
    <message>
        <source>No token</source>
        <translation>Tanpa token</translation>
    </message>
    <message>
        <source>Needs reconnecting</source>
        <translation>Perlu dihubungkan ulang</translation>
    </message>
    <message>
        <source>Testing…</source>
        <translation>Menguji…</translation>
    </message>
    <message>
        <source>Slots for “Add to queue” (e.g. mon 09:30, thu 17:00):</source>
        <translation>Slot untuk “Tambah ke antrean” (misalnya mon 09:30, thu 17:00):</translation>
    </message>
    <message>
        <source>Remove account</source>
        <translation>Hapus akun</translation>
    </message>
    <message>
        <source>Remove %1? Its secret leaves the keyring; posts scheduled on it will not be sent.</source>
        <translation>Hapus %1? Rahasianya dihapus dari keyring; unggahan yang dijadwalkan di akun ini tidak akan dikirim.</translation>
    </message>
    <message>
        <source>Ready: packages go to %1.</source>
        <translation>Siap: paket disimpan di %1.</translation>
    </message>
    <message>
        <source>Works: connected as %1.</source>
        <translation>Berfungsi: terhubung sebagai %1.</translation>
    </message>
</context>
<context>
    <name>AnalyticsWorkspace</name>
    <message>
        <source>Client report</source>
        <translation>Laporan klien</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Web page (*.html)</source>
        <translation>PDF (*.pdf);;Halaman web (*.html)</translation>
    </message>
    <message>
        <source>Wrote the client report to %1.</source>
        <translation>Laporan klien ditulis ke %1.</translation>
    </message>
    <message>
        <source>Writing the report</source>
        <translation>Menulis laporan</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Bulan ini</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Bulan lalu</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>30 hari terakhir</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>90 hari terakhir</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Terbit</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Jejaring</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Unggahan</translation>
    </message>
    <message>
        <source>Engagements</source>
        <translation>Interaksi</translation>
    </message>
    <message>
        <source>ER · followers</source>
        <translation>ER · pengikut</translation>
    </message>
    <message>
        <source>ER · reach</source>
        <translation>ER · jangkauan</translation>
    </message>
    <message>
        <source>ER · impressions</source>
        <translation>ER · tayangan</translation>
    </message>
    <message>
        <source>No numbers yet for this client in this period. Studio measures published Mastodon and Bluesky posts by itself, 1 hour, 24 hours, 7 days and 30 days after they go out; for other networks, import their insights export or enter the numbers by hand.</source>
        <translation>Belum ada angka untuk klien ini pada periode ini. Studio mengukur sendiri unggahan Mastodon dan Bluesky yang sudah terbit, 1 jam, 24 jam, 7 hari, dan 30 hari setelah terbit; untuk jejaring lain, impor ekspor insight-nya atau masukkan angkanya secara manual.</translation>
    </message>
    <message>
        <source>The period shown</source>
        <translation>Periode yang ditampilkan</translation>
    </message>
    <message>
        <source>All networks</source>
        <translation>Semua jejaring</translation>
    </message>
    <message>
        <source>All tags</source>
        <translation>Semua label</translation>
    </message>
    <message>
        <source>Fetch now</source>
        <translation>Ambil sekarang</translation>
    </message>
    <message>
        <source>Read the numbers that are due from Mastodon, Bluesky and Telegram now</source>
        <translation>Baca sekarang angka yang sudah waktunya dari Mastodon, Bluesky, dan Telegram</translation>
    </message>
    <message>
        <source>Import insights…</source>
        <translation>Impor insight…</translation>
    </message>
    <message>
        <source>Import the CSV that Instagram, Facebook, TikTok, LinkedIn, X or YouTube export</source>
        <translation>Impor CSV yang diekspor Instagram, Facebook, TikTok, LinkedIn, X, atau YouTube</translation>
    </message>
    <message>
        <source>Enter numbers…</source>
        <translation>Masukkan angka…</translation>
    </message>
    <message>
        <source>Enter the numbers of the selected post by hand</source>
        <translation>Masukkan angka unggahan terpilih secara manual</translation>
    </message>
    <message>
        <source>Client report…</source>
        <translation>Laporan klien…</translation>
    </message>
    <message>
        <source>Links…</source>
        <translation>Tautan…</translation>
    </message>
    <message>
        <source>UTM parameters on this client&apos;s links when posts go out</source>
        <translation>Parameter UTM pada tautan klien ini saat unggahan terbit</translation>
    </message>
    <message>
        <source>Posts measured</source>
        <translation>Unggahan terukur</translation>
    </message>
    <message>
        <source>Average ER by followers</source>
        <translation>Rata-rata ER per pengikut</translation>
    </message>
    <message>
        <source>Followers</source>
        <translation>Pengikut</translation>
    </message>
    <message>
        <source>Engagement rate by followers, per post</source>
        <translation>Tingkat interaksi per pengikut, per unggahan</translation>
    </message>
    <message>
        <source>The client&apos;s accounts added up, per day</source>
        <translation>Jumlah semua akun klien, per hari</translation>
    </message>
    <message>
        <source>When the audience engaged</source>
        <translation>Kapan audiens berinteraksi</translation>
    </message>
    <message>
        <source>Average engagements of the posts that went out in each hour of each weekday</source>
        <translation>Rata-rata interaksi unggahan yang terbit pada setiap jam di setiap hari dalam seminggu</translation>
    </message>
    <message>
        <source>&lt;b&gt;Posts&lt;/b&gt; (best first; “unknown” where the network does not give the denominator: hover for why)</source>
        <translation>&lt;b&gt;Unggahan&lt;/b&gt; (terbaik lebih dulu; “tidak diketahui” jika jejaring tidak memberikan penyebutnya: arahkan penunjuk untuk melihat alasannya)</translation>
    </message>
    <message>
        <source>Engagements = likes + reposts + replies + quotes + comments + shares + saves + link clicks. ROI = (revenue − cost) ÷ cost.</source>
        <translation>Interaksi = suka + unggah ulang + balasan + kutipan + komentar + bagikan + simpan + klik tautan. ROI = (pendapatan − biaya) ÷ biaya.</translation>
    </message>
    <message>
        <source>Choose a client in the switcher at the top to see its numbers.</source>
        <translation>Pilih klien di pemilih klien di atas untuk melihat angkanya.</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Analitik</translation>
    </message>
    <message>
        <source>%1 in this period</source>
        <translation>%1 pada periode ini</translation>
    </message>
    <message>
        <source>not counted yet</source>
        <translation>belum dihitung</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <source>Fetching numbers…</source>
        <translation>Mengambil angka…</translation>
    </message>
    <message>
        <source>Fetched %1 posts&apos; numbers and %2 follower counts</source>
        <translation>Angka %1 unggahan dan %2 jumlah pengikut sudah diambil</translation>
    </message>
    <message>
        <source>Fetching numbers</source>
        <translation>Mengambil angka</translation>
    </message>
    <message>
        <source>the network gave no interaction counts</source>
        <translation>jejaring tidak memberikan jumlah interaksi</translation>
    </message>
    <message>
        <source>followers</source>
        <translation>pengikut</translation>
    </message>
    <message>
        <source>reach</source>
        <translation>jangkauan</translation>
    </message>
    <message>
        <source>impressions</source>
        <translation>tayangan</translation>
    </message>
    <message>
        <source>the network does not report %1</source>
        <translation>jejaring tidak melaporkan %1</translation>
    </message>
    <message>
        <source>%1 is 0</source>
        <translation>%1 bernilai 0</translation>
    </message>
    <message>
        <source>no earlier numbers</source>
        <translation>belum ada angka sebelumnya</translation>
    </message>
    <message>
        <source>same as the period before</source>
        <translation>sama dengan periode sebelumnya</translation>
    </message>
    <message>
        <source>%1 points</source>
        <translation>%1 poin</translation>
    </message>
    <message>
        <source>%1 since the period before</source>
        <translation>%1 sejak periode sebelumnya</translation>
    </message>
</context>
<context>
    <name>BackupList</name>
    <message>
        <source>unreadable</source>
        <translation>tidak terbaca</translation>
    </message>
    <message>
        <source> (made before a restore)</source>
        <translation> (dibuat sebelum pemulihan)</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Cadangan</translation>
    </message>
</context>
<context>
    <name>CalendarGrid</name>
    <message>
        <source>Calendar of scheduled posts</source>
        <translation>Kalender unggahan terjadwal</translation>
    </message>
    <message>
        <source>Drag a post to move it; double-click a day, or drop a draft from the list on it, to schedule there. Keyboard: Alt+arrows move the selected post, Enter opens it.</source>
        <translation>Seret unggahan untuk memindahkannya; klik ganda sebuah hari, atau jatuhkan draf dari daftar ke hari itu, untuk menjadwalkannya di sana. Papan ketik: Alt+panah memindahkan unggahan terpilih, Enter membukanya.</translation>
    </message>
    <message>
        <source>+%1 more</source>
        <translation>+%1 lagi</translation>
    </message>
</context>
<context>
    <name>CalendarView</name>
    <message>
        <source>Previous</source>
        <translation>Sebelumnya</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Berikutnya</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Minggu</translation>
    </message>
    <message>
        <source>%1 has passed; a post moved there would be published at once. Drop it on a later day or time.</source>
        <translation>%1 sudah lewat; unggahan yang dipindahkan ke sana akan langsung terbit. Jatuhkan di hari atau jam yang lebih lambat.</translation>
    </message>
    <message>
        <source>The calendar could not be updated</source>
        <translation>Kalender tidak dapat diperbarui</translation>
    </message>
</context>
<context>
    <name>ChangesDialog</name>
    <message>
        <source>What changed since the approval</source>
        <translation>Apa yang berubah sejak persetujuan</translation>
    </message>
    <message>
        <source>Approve this version</source>
        <translation>Setujui versi ini</translation>
    </message>
    <message>
        <source>Approved by %1.</source>
        <translation>Disetujui oleh %1.</translation>
    </message>
</context>
<context>
    <name>ChangesView</name>
    <message>
        <source>added</source>
        <translation>ditambahkan</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>dihapus</translation>
    </message>
    <message>
        <source>cropped differently</source>
        <translation>dipangkas berbeda</translation>
    </message>
    <message>
        <source>new alt text</source>
        <translation>teks alternatif baru</translation>
    </message>
    <message>
        <source>This post was never approved.</source>
        <translation>Unggahan ini belum pernah disetujui.</translation>
    </message>
    <message>
        <source>still holds</source>
        <translation>masih berlaku</translation>
    </message>
    <message>
        <source>no longer holds: what would be published changed</source>
        <translation>tidak berlaku lagi: yang akan diterbitkan sudah berubah</translation>
    </message>
    <message>
        <source>%1 approved it on %2 UTC; the approval %3.</source>
        <translation>%1 menyetujuinya pada %2 UTC; persetujuan itu %3.</translation>
    </message>
    <message>
        <source>Nothing changed since.</source>
        <translation>Tidak ada yang berubah sejak itu.</translation>
    </message>
    <message>
        <source>Image %1 on %2: %3</source>
        <translation>Gambar %1 di %2: %3</translation>
    </message>
    <message>
        <source>Schedule moved from %1 to %2 (UTC).</source>
        <translation>Jadwal dipindahkan dari %1 ke %2 (UTC).</translation>
    </message>
    <message>
        <source>Changes since the approval</source>
        <translation>Perubahan sejak persetujuan</translation>
    </message>
</context>
<context>
    <name>ChannelsRow</name>
    <message>
        <source>Other network versions: post by hand, or connect an account later</source>
        <translation>Versi jejaring lain: unggah secara manual, atau hubungkan akun nanti</translation>
    </message>
    <message>
        <source>More networks</source>
        <translation>Jejaring lain</translation>
    </message>
    <message>
        <source>{handle} on {network}: click to post there or not</source>
        <translation>{handle} di {network}: klik untuk mengunggah di sana atau tidak</translation>
    </message>
    <message>
        <source>{handle}: choose which network&apos;s version it posts (Publishing → Accounts)</source>
        <translation>{handle}: pilih versi jejaring mana yang diunggahnya (Penerbitan → Akun)</translation>
    </message>
    <message>
        <source>{network}: no account, posted by hand. Click to leave it out</source>
        <translation>{network}: tanpa akun, diunggah secara manual. Klik untuk tidak menyertakannya</translation>
    </message>
</context>
<context>
    <name>ClientManagerDialog</name>
    <message>
        <source>Clients</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Show archived clients</source>
        <translation>Tampilkan klien yang diarsipkan</translation>
    </message>
    <message>
        <source>New client&apos;s name</source>
        <translation>Nama klien baru</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>Warna</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>One per line: phrase =&gt; suggested replacement</source>
        <translation>Satu per baris: frasa =&gt; pengganti yang disarankan</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Tanpa batas</translation>
    </message>
    <message>
        <source>Flag words in ALL CAPS</source>
        <translation>Tandai kata dalam HURUF KAPITAL SEMUA</translation>
    </message>
    <message>
        <source>House style notes for whoever writes for this client</source>
        <translation>Catatan gaya selingkung untuk siapa pun yang menulis bagi klien ini</translation>
    </message>
    <message>
        <source>Words the spell checker should accept, one per line</source>
        <translation>Kata yang harus diterima pemeriksa ejaan, satu per baris</translation>
    </message>
    <message>
        <source>Ignored grammar rules</source>
        <translation>Aturan tata bahasa yang diabaikan</translation>
    </message>
    <message>
        <source>LanguageTool rules never checked in this client&apos;s posts, one id per line (Write: right click → Ignore in all posts)</source>
        <translation>Aturan LanguageTool yang tidak pernah diperiksa pada unggahan klien ini, satu id per baris (Tulis: klik kanan → Abaikan di semua unggahan)</translation>
    </message>
    <message>
        <source>Snippets</source>
        <translation>Cuplikan</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>Add snippet</source>
        <translation>Tambah cuplikan</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Archived (hidden from the client switcher; drafts are kept)</source>
        <translation>Diarsipkan (disembunyikan dari pemilih klien; draf tetap disimpan)</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Tinjauan</translation>
    </message>
    <message>
        <source>Banned phrases</source>
        <translation>Frasa terlarang</translation>
    </message>
    <message>
        <source>Required hashtags</source>
        <translation>Tagar wajib</translation>
    </message>
    <message>
        <source>Hashtags at most</source>
        <translation>Tagar paling banyak</translation>
    </message>
    <message>
        <source>Style notes</source>
        <translation>Catatan gaya</translation>
    </message>
    <message>
        <source>Dictionary</source>
        <translation>Kamus</translation>
    </message>
    <message>
        <source>Ignored rules</source>
        <translation>Aturan diabaikan</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Brand rules</source>
        <translation>Aturan merek</translation>
    </message>
    <message>
        <source>Words and snippets</source>
        <translation>Kata dan cuplikan</translation>
    </message>
    <message>
        <source>Save client</source>
        <translation>Simpan klien</translation>
    </message>
    <message>
        <source>  (archived)</source>
        <translation>  (diarsipkan)</translation>
    </message>
    <message>
        <source>this client</source>
        <translation>klien ini</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Perubahan belum disimpan</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>Simpan perubahan pada %1?</translation>
    </message>
    <message>
        <source>Client colour</source>
        <translation>Warna klien</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Tidak tersimpan</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <source>Comments</source>
        <translation>Komentar</translation>
    </message>
    <message>
        <source>Show resolved</source>
        <translation>Tampilkan yang selesai</translation>
    </message>
    <message>
        <source>Write a comment or a reply…</source>
        <translation>Tulis komentar atau balasan…</translation>
    </message>
    <message>
        <source>Comment text</source>
        <translation>Teks komentar</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Komentari</translation>
    </message>
    <message>
        <source>Comment on the selected words (or on the whole post)</source>
        <translation>Komentari kata yang dipilih (atau seluruh unggahan)</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Balas</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>Selesaikan</translation>
    </message>
    <message>
        <source>Comments (%1 open)</source>
        <translation>Komentar (%1 terbuka)</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>selesai</translation>
    </message>
    <message>
        <source>outdated</source>
        <translation>usang</translation>
    </message>
    <message>
        <source> on “%1”</source>
        <translation> pada “%1”</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Buka lagi</translation>
    </message>
</context>
<context>
    <name>ConflictNotice</name>
    <message>
        <source>Team conflict</source>
        <translation>Konflik tim</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Bandingkan</translation>
    </message>
    <message>
        <source>Open the draft&apos;s revisions with your kept text chosen</source>
        <translation>Buka revisi draf dengan teks Anda yang disimpan terpilih</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Tutup</translation>
    </message>
    <message numerus="yes">
        <source>Your text and a teammate&apos;s overlapped: yours is kept as revision %n.</source>
        <translation>
            <numerusform>Teks Anda dan teks rekan tim bertumpang tindih: teks Anda disimpan sebagai revisi %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Studio could not dismiss the notice</source>
        <translation>Studio tidak dapat menutup pemberitahuan ini</translation>
    </message>
</context>
<context>
    <name>ConflictsFilter</name>
    <message>
        <source>Drafts with a team conflict</source>
        <translation>Draf dengan konflik tim</translation>
    </message>
    <message>
        <source>List only the drafts where a teammate&apos;s edit overlapped yours</source>
        <translation>Tampilkan hanya draf yang suntingan rekan timnya bertumpang tindih dengan suntingan Anda</translation>
    </message>
    <message>
        <source>1 conflict</source>
        <translation>1 konflik</translation>
    </message>
    <message numerus="yes">
        <source>%n conflicts</source>
        <translation>
            <numerusform>%n konflik</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ConnectAccountDialog</name>
    <message>
        <source>Telegram channel</source>
        <translation>Kanal Telegram</translation>
    </message>
    <message>
        <source>Webhook (Zapier, Make, n8n…)</source>
        <translation>Webhook (Zapier, Make, n8n…)</translation>
    </message>
    <message>
        <source>Folder (post by hand)</source>
        <translation>Folder (unggah secara manual)</translation>
    </message>
    <message>
        <source>Instagram (professional account)</source>
        <translation>Instagram (akun profesional)</translation>
    </message>
    <message>
        <source>Facebook Page</source>
        <translation>Halaman Facebook</translation>
    </message>
    <message>
        <source>LinkedIn profile</source>
        <translation>Profil LinkedIn</translation>
    </message>
    <message>
        <source>Postiz server (TikTok, YouTube, …)</source>
        <translation>Server Postiz (TikTok, YouTube, …)</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>Token akses</translation>
    </message>
    <message>
        <source>PDS (optional)</source>
        <translation>PDS (opsional)</translation>
    </message>
    <message>
        <source>Handle</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>App password</source>
        <translation>Kata sandi aplikasi</translation>
    </message>
    <message>
        <source>Bot API (optional)</source>
        <translation>Bot API (opsional)</translation>
    </message>
    <message>
        <source>Bot token</source>
        <translation>Token bot</translation>
    </message>
    <message>
        <source>Webhook URL</source>
        <translation>URL webhook</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Shared secret</source>
        <translation>Rahasia bersama</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Instagram (by hand)</source>
        <translation>Instagram (manual)</translation>
    </message>
    <message>
        <source>Graph API (optional)</source>
        <translation>Graph API (opsional)</translation>
    </message>
    <message>
        <source>Page access token</source>
        <translation>Token akses Halaman</translation>
    </message>
    <message>
        <source>Threads API (optional)</source>
        <translation>Threads API (opsional)</translation>
    </message>
    <message>
        <source>API (optional)</source>
        <translation>API (opsional)</translation>
    </message>
    <message>
        <source>Postiz backend</source>
        <translation>Backend Postiz</translation>
    </message>
    <message>
        <source>API key</source>
        <translation>Kunci API</translation>
    </message>
    <message>
        <source>Connect account</source>
        <translation>Hubungkan akun</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>@mychannel or -100…</source>
        <translation>@kanalsaya atau -100…</translation>
    </message>
    <message>
        <source>The base text</source>
        <translation>Teks dasar</translation>
    </message>
    <message>
        <source>The %1 variant</source>
        <translation>Varian %1</translation>
    </message>
    <message>
        <source>mon 09:30, wed 12:00 (for “Add to queue”)</source>
        <translation>mon 09:30, wed 12:00 (untuk “Tambah ke antrean”)</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Jejaring</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Rahasia</translation>
    </message>
    <message>
        <source>Chat id</source>
        <translation>ID obrolan</translation>
    </message>
    <message>
        <source>Sends</source>
        <translation>Mengirim</translation>
    </message>
    <message>
        <source>Posting slots</source>
        <translation>Slot unggah</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Uji koneksi</translation>
    </message>
    <message>
        <source>Test the connection to see the account&apos;s name and limits.</source>
        <translation>Uji koneksi untuk melihat nama dan batas akun.</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Hubungkan</translation>
    </message>
    <message>
        <source>Reconnect %1</source>
        <translation>Hubungkan ulang %1</translation>
    </message>
    <message>
        <source>Reconnect</source>
        <translation>Hubungkan ulang</translation>
    </message>
    <message>
        <source>Enter the new secret, then test the connection.</source>
        <translation>Masukkan rahasia baru, lalu uji koneksinya.</translation>
    </message>
    <message>
        <source>Folder for ready-to-post packages</source>
        <translation>Folder untuk paket siap unggah</translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation>Menguji koneksi…</translation>
    </message>
    <message>
        <source>1 character</source>
        <translation>1 karakter</translation>
    </message>
    <message>
        <source>%1 characters</source>
        <translation>%1 karakter</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 gambar</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 gambar</translation>
    </message>
    <message>
        <source>Ready: packages go to %1.</source>
        <translation>Siap: paket disimpan di %1.</translation>
    </message>
    <message>
        <source>Connected as %1.</source>
        <translation>Terhubung sebagai %1.</translation>
    </message>
    <message>
        <source>Limits: %1.</source>
        <translation>Batas: %1.</translation>
    </message>
    <message>
        <source>Create folder</source>
        <translation>Buat folder</translation>
    </message>
    <message>
        <source>The folder %1 does not exist. Create it?</source>
        <translation>Folder %1 tidak ada. Buat sekarang?</translation>
    </message>
    <message>
        <source>Creating the folder…</source>
        <translation>Membuat folder…</translation>
    </message>
    <message>
        <source>Something went wrong: %1. Details are in the log.</source>
        <translation>Terjadi kesalahan: %1. Rinciannya ada di log.</translation>
    </message>
    <message>
        <source>Add a client first (Library → Clients).</source>
        <translation>Tambahkan klien dulu (Pustaka → Klien).</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Menghubungkan…</translation>
    </message>
</context>
<context>
    <name>CountersBar</name>
    <message>
        <source>weighted characters (links 23, emoji and CJK 2)</source>
        <translation>karakter berbobot (tautan 23, emoji dan CJK 2)</translation>
    </message>
    <message>
        <source>characters (links 23, @user@server as @user)</source>
        <translation>karakter (tautan 23, @user@server sebagai @user)</translation>
    </message>
    <message>
        <source>characters as you see them</source>
        <translation>karakter seperti yang terlihat</translation>
    </message>
    <message>
        <source>bytes</source>
        <translation>bita</translation>
    </message>
    <message>
        <source>characters (emoji count 2)</source>
        <translation>karakter (emoji dihitung 2)</translation>
    </message>
    <message>
        <source>characters</source>
        <translation>karakter</translation>
    </message>
    <message>
        <source>characters (emoji count as their bytes)</source>
        <translation>karakter (emoji dihitung sebanyak bitanya)</translation>
    </message>
    <message>
        <source>hashtags</source>
        <translation>tagar</translation>
    </message>
    <message>
        <source>mentions</source>
        <translation>sebutan</translation>
    </message>
    <message>
        <source>%1: %2 of %3 %4</source>
        <translation>%1: %2 dari %3 %4</translation>
    </message>
    <message>
        <source>The part over the limit is marked in the text (click to show it).</source>
        <translation>Bagian yang melewati batas ditandai di teks (klik untuk menampilkannya).</translation>
    </message>
    <message>
        <source>Choose the networks this post is for to see their counters.</source>
        <translation>Pilih jejaring tujuan unggahan ini untuk melihat penghitungnya.</translation>
    </message>
</context>
<context>
    <name>CropEditor</name>
    <message>
        <source>Preset being cropped</source>
        <translation>Prasetel yang sedang dipangkas</translation>
    </message>
    <message>
        <source>Rotate 90°</source>
        <translation>Putar 90°</translation>
    </message>
    <message>
        <source>Turn the photo a quarter clockwise (R)</source>
        <translation>Putar foto seperempat putaran searah jarum jam (R)</translation>
    </message>
    <message>
        <source>Flip</source>
        <translation>Cerminkan</translation>
    </message>
    <message>
        <source>Mirror the photo left to right (H)</source>
        <translation>Cerminkan foto dari kiri ke kanan (H)</translation>
    </message>
    <message>
        <source>Straighten: turn the photo a few degrees</source>
        <translation>Luruskan: putar foto beberapa derajat</translation>
    </message>
    <message>
        <source>Straighten</source>
        <translation>Luruskan</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>Perkecil (−)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>Perbesar (+)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Pas</translation>
    </message>
    <message>
        <source>Show the whole photo (0)</source>
        <translation>Tampilkan seluruh foto (0)</translation>
    </message>
    <message>
        <source>Thirds</source>
        <translation>Sepertiga</translation>
    </message>
    <message>
        <source>Rule-of-thirds grid</source>
        <translation>Kisi aturan sepertiga</translation>
    </message>
    <message>
        <source>Safe zones</source>
        <translation>Zona aman</translation>
    </message>
    <message>
        <source>Show what the network covers or cuts</source>
        <translation>Tampilkan bagian yang ditutupi atau dipotong jejaring</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Atur ulang</translation>
    </message>
    <message>
        <source>Put this preset&apos;s frame back on the focal point</source>
        <translation>Kembalikan bingkai prasetel ini ke titik fokus</translation>
    </message>
    <message>
        <source>⚠ The frame covers %1 x %2 pixels of the photo; %3 needs %4 x %5, so the export will be enlarged %6x and look soft.</source>
        <translation>⚠ Bingkai mencakup %1 x %2 piksel foto; %3 memerlukan %4 x %5, jadi hasil ekspor akan diperbesar %6x dan tampak kurang tajam.</translation>
    </message>
</context>
<context>
    <name>CropView</name>
    <message>
        <source>Crop frame</source>
        <translation>Bingkai pangkas</translation>
    </message>
</context>
<context>
    <name>DraftSaver</name>
    <message>
        <source>Studio could not save the post</source>
        <translation>Studio tidak dapat menyimpan unggahan</translation>
    </message>
</context>
<context>
    <name>DraftsModel</name>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Networks</source>
        <translation>Jejaring</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Terjadwal</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Diubah</translation>
    </message>
    <message>
        <source>1 comment</source>
        <translation>1 komentar</translation>
    </message>
    <message>
        <source>%1 comments</source>
        <translation>%1 komentar</translation>
    </message>
    <message>
        <source>refused by the team, kept here</source>
        <translation>ditolak tim, disimpan di sini</translation>
    </message>
    <message>
        <source>Last changed in the team by %1</source>
        <translation>Terakhir diubah dalam tim oleh %1</translation>
    </message>
    <message numerus="yes">
        <source>Your text and a teammate&apos;s overlapped: yours is kept as revision %n.</source>
        <translation>
            <numerusform>Teks Anda dan teks rekan tim bertumpang tindih: teks Anda disimpan sebagai revisi %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Studio could not read the drafts</source>
        <translation>Studio tidak dapat membaca draf</translation>
    </message>
</context>
<context>
    <name>EmojiPicker</name>
    <message>
        <source>Insert emoji</source>
        <translation>Sisipkan emoji</translation>
    </message>
    <message>
        <source>Search: heart, rocket, party…</source>
        <translation>Cari: hati, roket, pesta…</translation>
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
    <name>ExportDialog</name>
    <message>
        <source>Exported %1 as %2 to %3.</source>
        <translation>%1 diekspor sebagai %2 ke %3.</translation>
    </message>
    <message>
        <source>1 preset</source>
        <translation>1 prasetel</translation>
    </message>
    <message>
        <source>%1 presets</source>
        <translation>%1 prasetel</translation>
    </message>
    <message>
        <source>1 file</source>
        <translation>1 berkas</translation>
    </message>
    <message>
        <source>%1 files</source>
        <translation>%1 berkas</translation>
    </message>
    <message>
        <source>The same picture for %1: one file, %2.</source>
        <translation>Gambar yang sama untuk %1: satu berkas, %2.</translation>
    </message>
    <message>
        <source>Export images</source>
        <translation>Ekspor gambar</translation>
    </message>
    <message>
        <source>Presets to export</source>
        <translation>Prasetel yang diekspor</translation>
    </message>
    <message>
        <source>Folder for the files</source>
        <translation>Folder untuk berkas</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Telusuri…</translation>
    </message>
    <message>
        <source>Automatic (JPEG for photos, PNG for transparency)</source>
        <translation>Otomatis (JPEG untuk foto, PNG untuk transparansi)</translation>
    </message>
    <message>
        <source>The colour behind transparent areas in JPEG files</source>
        <translation>Warna di balik area transparan dalam berkas JPEG</translation>
    </message>
    <message>
        <source>Keep the copyright and author fields (all other metadata, including GPS, is removed)</source>
        <translation>Pertahankan kolom hak cipta dan pembuat (semua metadata lain, termasuk GPS, dihapus)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Buka folder</translation>
    </message>
    <message>
        <source>Show the exported files in the file manager</source>
        <translation>Tampilkan berkas hasil ekspor di pengelola berkas</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>Behind transparency</source>
        <translation>Di balik transparansi</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Prasetel</translation>
    </message>
    <message>
        <source>Export to</source>
        <translation>Ekspor ke</translation>
    </message>
    <message>
        <source>Colour behind transparency</source>
        <translation>Warna di balik transparansi</translation>
    </message>
    <message>
        <source>Choose at least one preset.</source>
        <translation>Pilih setidaknya satu prasetel.</translation>
    </message>
    <message>
        <source>Choose a folder for the files.</source>
        <translation>Pilih folder untuk berkas.</translation>
    </message>
    <message>
        <source>Reading the photo…</source>
        <translation>Membaca foto…</translation>
    </message>
    <message>
        <source>%1 of %2: %3</source>
        <translation>%1 dari %2: %3</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Cancelled. %1 complete file(s) were written; nothing is half written.</source>
        <translation>Dibatalkan. %1 berkas lengkap sudah ditulis; tidak ada yang setengah tertulis.</translation>
    </message>
    <message>
        <source>The export failed</source>
        <translation>Ekspor gagal</translation>
    </message>
    <message>
        <source>No file manager opened %1: open it yourself.</source>
        <translation>Tidak ada pengelola berkas yang membuka %1: bukalah sendiri.</translation>
    </message>
    <message>
        <source>Cancelling after the files being written…</source>
        <translation>Membatalkan setelah berkas yang sedang ditulis selesai…</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <source>Any date</source>
        <translation>Tanggal apa pun</translation>
    </message>
    <message>
        <source>Changed today</source>
        <translation>Diubah hari ini</translation>
    </message>
    <message>
        <source>Changed in the last 7 days</source>
        <translation>Diubah dalam 7 hari terakhir</translation>
    </message>
    <message>
        <source>Changed in the last 30 days</source>
        <translation>Diubah dalam 30 hari terakhir</translation>
    </message>
    <message>
        <source>Changed between…</source>
        <translation>Diubah antara…</translation>
    </message>
    <message>
        <source>Scheduled in the next 7 days</source>
        <translation>Terjadwal dalam 7 hari ke depan</translation>
    </message>
    <message>
        <source>Scheduled in the next 30 days</source>
        <translation>Terjadwal dalam 30 hari ke depan</translation>
    </message>
    <message>
        <source>Scheduled between…</source>
        <translation>Terjadwal antara…</translation>
    </message>
    <message>
        <source>Search text, variants, tags, notes, clients…</source>
        <translation>Cari teks, varian, label, catatan, klien…</translation>
    </message>
    <message>
        <source>Search drafts</source>
        <translation>Cari draf</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>Semua klien</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Status apa pun</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Jejaring</translation>
    </message>
    <message>
        <source>Any network</source>
        <translation>Jejaring apa pun</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Any tag</source>
        <translation>Label apa pun</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>To (inclusive)</source>
        <translation>Sampai (termasuk)</translation>
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
    <name>GrammarEngine</name>
    <message>
        <source>local</source>
        <translation>lokal</translation>
    </message>
    <message>
        <source>server</source>
        <translation>server</translation>
    </message>
    <message>
        <source>public API</source>
        <translation>API publik</translation>
    </message>
    <message>
        <source>Grammar: ready (%1)</source>
        <translation>Tata bahasa: siap (%1)</translation>
    </message>
    <message>
        <source>Grammar: starting LanguageTool…</source>
        <translation>Tata bahasa: memulai LanguageTool…</translation>
    </message>
    <message>
        <source>Grammar: connecting…</source>
        <translation>Tata bahasa: menghubungkan…</translation>
    </message>
    <message>
        <source>Grammar: off</source>
        <translation>Tata bahasa: mati</translation>
    </message>
    <message>
        <source>Grammar: unavailable</source>
        <translation>Tata bahasa: tidak tersedia</translation>
    </message>
    <message>
        <source>Grammar: %1</source>
        <translation>Tata bahasa: %1</translation>
    </message>
    <message>
        <source>Grammar: not started</source>
        <translation>Tata bahasa: belum dimulai</translation>
    </message>
    <message>
        <source>Grammar checking failed: %1</source>
        <translation>Pemeriksaan tata bahasa gagal: %1</translation>
    </message>
    <message>
        <source>See the log for details.</source>
        <translation>Lihat log untuk rinciannya.</translation>
    </message>
    <message>
        <source>The local LanguageTool server keeps stopping (last exit code %1).</source>
        <translation>Server LanguageTool lokal terus berhenti (kode keluar terakhir %1).</translation>
    </message>
</context>
<context>
    <name>GrammarRunner</name>
    <message>
        <source>The grammar check failed</source>
        <translation>Pemeriksaan tata bahasa gagal</translation>
    </message>
</context>
<context>
    <name>ImageTile</name>
    <message>
        <source>This image could not be read.</source>
        <translation>Gambar ini tidak dapat dibaca.</translation>
    </message>
    <message>
        <source>{width}×{height} px, as it will be sent</source>
        <translation>{width}×{height} px, seperti yang akan dikirim</translation>
    </message>
    <message>
        <source>ALT</source>
        <translation>ALT</translation>
    </message>
    <message>
        <source>Alt text: {alt}</source>
        <translation>Teks alternatif: {alt}</translation>
    </message>
    <message>
        <source>No alt text</source>
        <translation>Tanpa teks alternatif</translation>
    </message>
    <message>
        <source>No alt text: people who use a screen reader will not know what it shows.</source>
        <translation>Tanpa teks alternatif: pengguna pembaca layar tidak akan tahu isi gambar ini.</translation>
    </message>
</context>
<context>
    <name>ImagesWorkspace</name>
    <message>
        <source>(empty post)</source>
        <translation>(unggahan kosong)</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff *.bmp *.avif *.heic *.heif)</source>
        <translation>Gambar (*.jpg *.jpeg *.png *.webp *.gif *.tif *.tiff *.bmp *.avif *.heic *.heif)</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>Buka gambar…</translation>
    </message>
    <message>
        <source>Open an image file (Ctrl+O), or drop one here</source>
        <translation>Buka berkas gambar (Ctrl+O), atau jatuhkan di sini</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Ekspor…</translation>
    </message>
    <message>
        <source>Export every preset (Ctrl+E)</source>
        <translation>Ekspor semua prasetel (Ctrl+E)</translation>
    </message>
    <message>
        <source>New preset…</source>
        <translation>Prasetel baru…</translation>
    </message>
    <message>
        <source>Add a size of your own (a shop banner, a newsletter header)</source>
        <translation>Tambahkan ukuran Anda sendiri (spanduk toko, kepala buletin)</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Prasetel</translation>
    </message>
    <message>
        <source>Choose the placements to crop and export</source>
        <translation>Pilih penempatan yang dipangkas dan diekspor</translation>
    </message>
    <message>
        <source>Drop an image here, or press Ctrl+O to open one.

Crop it once and see every network&apos;s placement; export them all in one go, without the location the photo was taken at.</source>
        <translation>Jatuhkan gambar di sini, atau tekan Ctrl+O untuk membukanya.

Pangkas sekali dan lihat penempatannya di setiap jejaring; ekspor semuanya sekaligus, tanpa lokasi tempat foto diambil.</translation>
    </message>
    <message>
        <source>Post this image belongs to</source>
        <translation>Unggahan pemilik gambar ini</translation>
    </message>
    <message>
        <source>Not attached to a post</source>
        <translation>Tanpa unggahan</translation>
    </message>
    <message>
        <source>Alt text</source>
        <translation>Teks alternatif</translation>
    </message>
    <message>
        <source>Describe the image for people who cannot see it: who or what, doing what, where; any text it shows.</source>
        <translation>Gambarkan isi gambar untuk orang yang tidak dapat melihatnya: siapa atau apa, sedang apa, di mana; juga teks yang tampak.</translation>
    </message>
    <message>
        <source>Find the subject</source>
        <translation>Temukan subjek</translation>
    </message>
    <message>
        <source>Guess the focal point from the photo&apos;s detail and colour</source>
        <translation>Tebak titik fokus dari detail dan warna foto</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Unggahan</translation>
    </message>
    <message>
        <source>A custom preset was skipped: %1</source>
        <translation>Sebuah prasetel buatan sendiri dilewati: %1</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>Buka gambar</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>Membuka %1…</translation>
    </message>
    <message>
        <source>The focal point is a first guess: drag the circle to the subject.</source>
        <translation>Titik fokus ini tebakan awal: seret lingkaran ke subjek.</translation>
    </message>
    <message>
        <source>Studio could not do that</source>
        <translation>Studio tidak dapat melakukannya</translation>
    </message>
    <message>
        <source>Opened %1; Studio crops one image at a time.</source>
        <translation>%1 dibuka; Studio memangkas satu gambar setiap kali.</translation>
    </message>
    <message>
        <source> — too long for X</source>
        <translation> — terlalu panjang untuk X</translation>
    </message>
    <message>
        <source>Open an image first (Ctrl+O).</source>
        <translation>Buka gambar dulu (Ctrl+O).</translation>
    </message>
    <message>
        <source>Exported %1 image(s) to %2</source>
        <translation>%1 gambar diekspor ke %2</translation>
    </message>
</context>
<context>
    <name>InsightsDialog</name>
    <message>
        <source>Likes</source>
        <translation>Suka</translation>
    </message>
    <message>
        <source>Reposts</source>
        <translation>Unggah ulang</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Balasan</translation>
    </message>
    <message>
        <source>Quotes</source>
        <translation>Kutipan</translation>
    </message>
    <message>
        <source>Comments</source>
        <translation>Komentar</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>Dibagikan</translation>
    </message>
    <message>
        <source>Saves</source>
        <translation>Disimpan</translation>
    </message>
    <message>
        <source>Link clicks</source>
        <translation>Klik tautan</translation>
    </message>
    <message>
        <source>Reach</source>
        <translation>Jangkauan</translation>
    </message>
    <message>
        <source>Impressions</source>
        <translation>Tayangan</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>Dilihat</translation>
    </message>
    <message>
        <source>Import insights</source>
        <translation>Impor insight</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Belum ada berkas yang dipilih</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Pilih berkas…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>Choose the CSV that the network&apos;s insights export gave you.</source>
        <translation>Pilih CSV hasil ekspor insight dari jejaring.</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>Kolom dalam berkas</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Dibaca sebagai</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
    <message>
        <source>Insights export</source>
        <translation>Ekspor insight</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Berkas CSV (*.csv *.txt);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Membaca…</translation>
    </message>
    <message>
        <source>which post (%1)</source>
        <translation>unggahan mana (%1)</translation>
    </message>
    <message>
        <source>ignored</source>
        <translation>diabaikan</translation>
    </message>
    <message>
        <source> (line %1 matches no post and is left out)</source>
        <translation> (baris %1 tidak cocok dengan unggahan mana pun dan dilewati)</translation>
    </message>
    <message>
        <source> (lines %1 match no post and are left out)</source>
        <translation> (baris %1 tidak cocok dengan unggahan mana pun dan dilewati)</translation>
    </message>
    <message>
        <source>%1 of %2 rows match a post in the library%3.</source>
        <translation>%1 dari %2 baris cocok dengan unggahan di pustaka%3.</translation>
    </message>
    <message>
        <source>Reading the export</source>
        <translation>Membaca ekspor</translation>
    </message>
    <message>
        <source>Imported the numbers of 1 post.</source>
        <translation>Angka 1 unggahan diimpor.</translation>
    </message>
    <message>
        <source>Imported the numbers of %1 posts.</source>
        <translation>Angka %1 unggahan diimpor.</translation>
    </message>
</context>
<context>
    <name>IssueCard</name>
    <message>
        <source>Issue</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <source>Rule: {0}</source>
        <translation>Aturan: {0}</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Replace “{0}” with “{1}”</source>
        <translation>Ganti “{0}” dengan “{1}”</translation>
    </message>
    <message>
        <source>No suggestion</source>
        <translation>Tidak ada saran</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Abaikan</translation>
    </message>
    <message>
        <source>Hide this issue in this post</source>
        <translation>Sembunyikan masalah ini di unggahan ini</translation>
    </message>
    <message>
        <source>Add to dictionary</source>
        <translation>Tambahkan ke kamus</translation>
    </message>
    <message>
        <source>Add “{0}” to the client&apos;s dictionary</source>
        <translation>Tambahkan “{0}” ke kamus klien</translation>
    </message>
</context>
<context>
    <name>IssuePanel</name>
    <message>
        <source>Spelling</source>
        <translation>Ejaan</translation>
    </message>
    <message>
        <source>Grammar</source>
        <translation>Tata bahasa</translation>
    </message>
    <message>
        <source>Punctuation</source>
        <translation>Tanda baca</translation>
    </message>
    <message>
        <source>Typography</source>
        <translation>Tipografi</translation>
    </message>
    <message>
        <source>Style</source>
        <translation>Gaya</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation>Merek</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
    <message>
        <source>Check this post again for the rules ignored in it (the client&apos;s own stay ignored)</source>
        <translation>Periksa lagi unggahan ini dengan aturan yang diabaikan di dalamnya (aturan yang diabaikan klien tetap diabaikan)</translation>
    </message>
    <message>
        <source>Part %1 · </source>
        <translation>Bagian %1 · </translation>
    </message>
    <message>
        <source>1 issue</source>
        <translation>1 masalah</translation>
    </message>
    <message>
        <source>%1 issues</source>
        <translation>%1 masalah</translation>
    </message>
    <message>
        <source>%1 · F8 next, Ctrl+. fixes</source>
        <translation>%1 · F8 berikutnya, Ctrl+. perbaikan</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Memeriksa…</translation>
    </message>
    <message>
        <source>No issues found.</source>
        <translation>Tidak ada masalah.</translation>
    </message>
    <message>
        <source>1 rule ignored in this post · Show again</source>
        <translation>1 aturan diabaikan di unggahan ini · Tampilkan lagi</translation>
    </message>
    <message>
        <source>%1 rules ignored in this post · Show again</source>
        <translation>%1 aturan diabaikan di unggahan ini · Tampilkan lagi</translation>
    </message>
</context>
<context>
    <name>LanguageControl</name>
    <message>
        <source>Language of this post</source>
        <translation>Bahasa unggahan ini</translation>
    </message>
    <message>
        <source>Detect</source>
        <translation>Deteksi</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>The language this post is checked in (click to change it)</source>
        <translation>Bahasa yang dipakai untuk memeriksa unggahan ini (klik untuk mengubahnya)</translation>
    </message>
    <message>
        <source>Choose the language</source>
        <translation>Pilih bahasa</translation>
    </message>
    <message>
        <source>{0} · detected</source>
        <translation>{0} · terdeteksi</translation>
    </message>
    <message>
        <source>Language not recognised: not checked</source>
        <translation>Bahasa tidak dikenali: tidak diperiksa</translation>
    </message>
</context>
<context>
    <name>LibraryWorkspace</name>
    <message>
        <source>Drafts</source>
        <translation>Draf</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Daftar</translation>
    </message>
    <message>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <source>New draft</source>
        <translation>Draf baru</translation>
    </message>
    <message>
        <source>Clients…</source>
        <translation>Klien…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Impor…</translation>
    </message>
    <message>
        <source>Backups…</source>
        <translation>Cadangan…</translation>
    </message>
    <message>
        <source>1 draft</source>
        <translation>1 draf</translation>
    </message>
    <message>
        <source>%1 drafts</source>
        <translation>%1 draf</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>History…</source>
        <translation>Riwayat…</translation>
    </message>
    <message>
        <source>Schedule…</source>
        <translation>Jadwalkan…</translation>
    </message>
    <message>
        <source>Add to queue</source>
        <translation>Tambah ke antrean</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Kirim sekarang</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Jadwalkan ulang…</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Gandakan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Hapus…</translation>
    </message>
    <message>
        <source>Delete draft</source>
        <translation>Hapus draf</translation>
    </message>
    <message>
        <source>Delete this draft, its variants, history and schedules? This cannot be undone.</source>
        <translation>Hapus draf ini beserta varian, riwayat, dan jadwalnya? Tindakan ini tidak dapat dibatalkan.</translation>
    </message>
    <message>
        <source>Import drafts</source>
        <translation>Impor draf</translation>
    </message>
    <message>
        <source>Drafts (*.csv *.json *.zip);;All files (*)</source>
        <translation>Draf (*.csv *.json *.zip);;Semua berkas (*)</translation>
    </message>
</context>
<context>
    <name>LinkCardView</name>
    <message>
        <source>A link card for {url}</source>
        <translation>Kartu tautan untuk {url}</translation>
    </message>
</context>
<context>
    <name>LinksDialog</name>
    <message>
        <source>Links</source>
        <translation>Tautan</translation>
    </message>
    <message>
        <source>Add UTM parameters to links when posts go out</source>
        <translation>Tambahkan parameter UTM ke tautan saat unggahan terbit</translation>
    </message>
    <message>
        <source>Each post&apos;s first tag</source>
        <translation>Label pertama setiap unggahan</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampanye</translation>
    </message>
    <message>
        <source>utm_source is the network, utm_medium is “social”, utm_content names the post. A link that already has utm_ parameters is sent as you wrote it. The client&apos;s web analytics can then tell which post brought each visit.</source>
        <translation>utm_source adalah jejaring, utm_medium adalah “social”, utm_content menamai unggahan. Tautan yang sudah memiliki parameter utm_ dikirim seperti yang Anda tulis. Dengan begitu, analitik web klien dapat mengetahui unggahan mana yang mendatangkan setiap kunjungan.</translation>
    </message>
    <message>
        <source>Links go out as you wrote them.</source>
        <translation>Tautan dikirim seperti yang Anda tulis.</translation>
    </message>
    <message>
        <source>On Instagram, post 42: {link}</source>
        <translation>Di Instagram, unggahan 42: {link}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Switch client (Ctrl+Shift+K)</source>
        <translation>Ganti klien (Ctrl+Shift+K)</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source> Client: </source>
        <translation> Klien: </translation>
    </message>
    <message>
        <source>Grammar checking</source>
        <translation>Pemeriksaan tata bahasa</translation>
    </message>
    <message>
        <source>Publisher</source>
        <translation>Penerbit</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Jejaring</translation>
    </message>
    <message>
        <source>Team sync</source>
        <translation>Sinkronisasi tim</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Pengaturan…</translation>
    </message>
    <message>
        <source>&amp;Team…</source>
        <translation>&amp;Tim…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>Next workspace</source>
        <translation>Ruang kerja berikutnya</translation>
    </message>
    <message>
        <source>Previous workspace</source>
        <translation>Ruang kerja sebelumnya</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>Layar pen&amp;uh</translation>
    </message>
    <message>
        <source>&amp;Clients</source>
        <translation>&amp;Klien</translation>
    </message>
    <message>
        <source>&amp;Switch client</source>
        <translation>&amp;Ganti klien</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ban&amp;tuan</translation>
    </message>
    <message>
        <source>&amp;About Studio</source>
        <translation>&amp;Tentang Studio</translation>
    </message>
    <message>
        <source>Studio could not save your work in %1. It is still on screen: copy it somewhere safe, then look at the log (Help → About).</source>
        <translation>Studio tidak dapat menyimpan pekerjaan Anda di %1. Pekerjaan itu masih di layar: salin ke tempat yang aman, lalu periksa log (Bantuan → Tentang).</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>Semua klien</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Tidak tersimpan</translation>
    </message>
    <message>
        <source>Studio could not save your latest changes (the message says why). Try again, keep Studio open, or quit without them?</source>
        <translation>Studio tidak dapat menyimpan perubahan terakhir Anda (pesannya menjelaskan alasannya). Coba lagi, biarkan Studio terbuka, atau keluar tanpa perubahan itu?</translation>
    </message>
</context>
<context>
    <name>NetworkFields</name>
    <message>
        <source>1. At developers.facebook.com create an app (type Business) in development mode and add the &lt;b&gt;Instagram&lt;/b&gt; product (“API setup with Instagram login”). 2. Add your professional account as an Instagram tester and accept the invitation in Instagram. 3. Generate a token for it (instagram_business_basic, instagram_business_content_publish) and paste it below. 4. Instagram fetches images from a web address: enter your media host (an S3-compatible bucket).</source>
        <translation>1. Di developers.facebook.com, buat aplikasi (jenis Business) dalam mode pengembangan dan tambahkan produk &lt;b&gt;Instagram&lt;/b&gt; (“API setup with Instagram login”). 2. Tambahkan akun profesional Anda sebagai penguji Instagram dan terima undangannya di Instagram. 3. Buat token untuk akun itu (instagram_business_basic, instagram_business_content_publish) dan tempelkan di bawah. 4. Instagram mengambil gambar dari sebuah alamat web: masukkan host media Anda (bucket yang kompatibel dengan S3).</translation>
    </message>
    <message>
        <source>1. Create a Meta app with the &lt;b&gt;Threads&lt;/b&gt; use case (development mode). 2. Add your Threads profile as a Threads tester and accept it in Threads settings. 3. Generate a long-lived token (threads_basic, threads_content_publish) and paste it below. 4. For images, enter your media host.</source>
        <translation>1. Buat aplikasi Meta dengan kasus penggunaan &lt;b&gt;Threads&lt;/b&gt; (mode pengembangan). 2. Tambahkan profil Threads Anda sebagai penguji Threads dan terima undangannya di pengaturan Threads. 3. Buat token berumur panjang (threads_basic, threads_content_publish) dan tempelkan di bawah. 4. Untuk gambar, masukkan host media Anda.</translation>
    </message>
    <message>
        <source>1. Create a Meta app (type Business) in development mode; you must be an admin of the Page. 2. In the Graph API Explorer get a user token with pages_manage_posts and pages_read_engagement, make it long-lived, then ask for /me/accounts: paste that Page&apos;s access_token (it does not expire).</source>
        <translation>1. Buat aplikasi Meta (jenis Business) dalam mode pengembangan; Anda harus menjadi admin Halaman itu. 2. Di Graph API Explorer, dapatkan token pengguna dengan pages_manage_posts dan pages_read_engagement, jadikan berumur panjang, lalu minta /me/accounts: tempelkan access_token Halaman itu (tidak berakhir).</translation>
    </message>
    <message>
        <source>1. At linkedin.com/developers create an app for your own company page, add the products “Share on LinkedIn” and “Sign In with LinkedIn using OpenID Connect”. 2. Use the OAuth token tool (scopes openid, profile, w_member_social) and paste the token: it lasts 60 days, and Studio warns a week before it ends.</source>
        <translation>1. Di linkedin.com/developers, buat aplikasi untuk halaman perusahaan Anda sendiri, tambahkan produk “Share on LinkedIn” dan “Sign In with LinkedIn using OpenID Connect”. 2. Gunakan alat token OAuth (cakupan openid, profile, w_member_social) dan tempelkan tokennya: token berlaku 60 hari, dan Studio memperingatkan seminggu sebelum berakhir.</translation>
    </message>
    <message>
        <source>Your own Postiz server publishes to the networks Studio does not reach (TikTok, YouTube, Pinterest…), even with Studio closed. Enter the backend&apos;s address, the API key from Settings › Developers › Public API, and the channel (its name or id). Posts are handed over as soon as they are scheduled.</source>
        <translation>Server Postiz Anda sendiri menerbitkan ke jejaring yang tidak dijangkau Studio (TikTok, YouTube, Pinterest…), bahkan saat Studio tertutup. Masukkan alamat backend, kunci API dari Settings › Developers › Public API, dan kanalnya (nama atau id). Unggahan diserahkan segera setelah dijadwalkan.</translation>
    </message>
    <message>
        <source>Create an access token under Preferences › Development (scopes read and write). Tick “Let the server publish” to hand scheduled posts to the server ahead of time, so they go out with Studio closed.</source>
        <translation>Buat token akses di Preferences › Development (cakupan read dan write). Centang “Biarkan server menerbitkan” untuk menyerahkan unggahan terjadwal ke server lebih awal, sehingga tetap terbit saat Studio tertutup.</translation>
    </message>
    <message>
        <source>optional: the Page of the token</source>
        <translation>opsional: Halaman pemilik token</translation>
    </message>
    <message>
        <source>Let the server publish (posts go out with Studio closed)</source>
        <translation>Biarkan server menerbitkan (unggahan terbit saat Studio tertutup)</translation>
    </message>
    <message>
        <source>https://&lt;account&gt;.r2.cloudflarestorage.com (empty for AWS S3)</source>
        <translation>https://&lt;akun&gt;.r2.cloudflarestorage.com (kosongkan untuk AWS S3)</translation>
    </message>
    <message>
        <source>us-east-1 (R2: auto)</source>
        <translation>us-east-1 (R2: auto)</translation>
    </message>
    <message>
        <source>Page id</source>
        <translation>ID Halaman</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Media host</source>
        <translation>Host media</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpoint</translation>
    </message>
    <message>
        <source>Bucket</source>
        <translation>Bucket</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <source>Access key id</source>
        <translation>ID kunci akses</translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation>Kunci akses rahasia</translation>
    </message>
</context>
<context>
    <name>NumbersDialog</name>
    <message>
        <source>Enter numbers</source>
        <translation>Masukkan angka</translation>
    </message>
    <message>
        <source>Leave a field empty when the network does not show that number: Studio keeps it as unknown, never as 0.</source>
        <translation>Biarkan kolom kosong jika jejaring tidak menampilkan angka itu: Studio menyimpannya sebagai tidak diketahui, tidak pernah sebagai 0.</translation>
    </message>
    <message>
        <source>Enter at least one number.</source>
        <translation>Masukkan setidaknya satu angka.</translation>
    </message>
    <message>
        <source>Saving the numbers</source>
        <translation>Menyimpan angka</translation>
    </message>
</context>
<context>
    <name>PostEditor</name>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>No suggestion</source>
        <translation>Tidak ada saran</translation>
    </message>
    <message>
        <source>Ignore once</source>
        <translation>Abaikan sekali</translation>
    </message>
    <message>
        <source>this brand rule</source>
        <translation>aturan merek ini</translation>
    </message>
    <message>
        <source>the rule “{0}”</source>
        <translation>aturan “{0}”</translation>
    </message>
    <message>
        <source>Ignore {0} in this post</source>
        <translation>Abaikan {0} di unggahan ini</translation>
    </message>
    <message>
        <source>Ignore {0} in all of the client&apos;s posts</source>
        <translation>Abaikan {0} di semua unggahan klien</translation>
    </message>
    <message>
        <source>Add “{0}” to the client&apos;s dictionary</source>
        <translation>Tambahkan “{0}” ke kamus klien</translation>
    </message>
    <message>
        <source>(remove)</source>
        <translation>(hapus)</translation>
    </message>
    <message>
        <source>Suggestions: %1</source>
        <translation>Saran: %1</translation>
    </message>
    <message>
        <source>Ctrl+. for fixes</source>
        <translation>Ctrl+. untuk perbaikan</translation>
    </message>
    <message>
        <source>This client has no saved snippets yet</source>
        <translation>Klien ini belum memiliki cuplikan tersimpan</translation>
    </message>
</context>
<context>
    <name>PostLanguage</name>
    <message>
        <source>Language not recognised: not checked</source>
        <translation>Bahasa tidak dikenali: tidak diperiksa</translation>
    </message>
    <message>
        <source>{0} cannot be checked here: not checked</source>
        <translation>{0} tidak dapat diperiksa di sini: tidak diperiksa</translation>
    </message>
</context>
<context>
    <name>PresetDialog</name>
    <message>
        <source>New image preset</source>
        <translation>Prasetel gambar baru</translation>
    </message>
    <message>
        <source>shop</source>
        <translation>toko</translation>
    </message>
    <message>
        <source>banner</source>
        <translation>spanduk</translation>
    </message>
    <message>
        <source>Shop banner</source>
        <translation>Spanduk toko</translation>
    </message>
    <message>
        <source>Network or place</source>
        <translation>Jejaring atau tempat</translation>
    </message>
    <message>
        <source>Placement</source>
        <translation>Penempatan</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Width (pixels)</source>
        <translation>Lebar (piksel)</translation>
    </message>
    <message>
        <source>Height (pixels)</source>
        <translation>Tinggi (piksel)</translation>
    </message>
    <message>
        <source>Largest file</source>
        <translation>Berkas terbesar</translation>
    </message>
    <message>
        <source>Formats</source>
        <translation>Format</translation>
    </message>
</context>
<context>
    <name>PresetStrip</name>
    <message>
        <source>Every preset&apos;s crop</source>
        <translation>Pangkasan setiap prasetel</translation>
    </message>
</context>
<context>
    <name>PresetThumb</name>
    <message>
        <source>The crop is smaller than this size: the export will be enlarged (less sharp).</source>
        <translation>Pangkasan lebih kecil dari ukuran ini: hasil ekspor akan diperbesar (kurang tajam).</translation>
    </message>
</context>
<context>
    <name>PreviewCard</name>
    <message>
        <source>more</source>
        <translation>selengkapnya</translation>
    </message>
    <message>
        <source>now</source>
        <translation>baru saja</translation>
    </message>
    <message>
        <source>Instagram needs a photo or a video: attach an image to post this.</source>
        <translation>Instagram memerlukan foto atau video: lampirkan gambar untuk mengunggah ini.</translation>
    </message>
    <message>
        <source>See more</source>
        <translation>Lihat selengkapnya</translation>
    </message>
    <message>
        <source>Like</source>
        <translation>Suka</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Komentari</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Bagikan</translation>
    </message>
    <message>
        <source>TikTok posts a video or photos: attach an image.</source>
        <translation>TikTok mengunggah video atau foto: lampirkan gambar.</translation>
    </message>
    <message>
        <source>...more</source>
        <translation>...selengkapnya</translation>
    </message>
    <message>
        <source>A Pin needs an image: attach one to post this.</source>
        <translation>Pin memerlukan gambar: lampirkan satu untuk mengunggah ini.</translation>
    </message>
    <message>
        <source>the base text</source>
        <translation>teks dasar</translation>
    </message>
    <message>
        <source>Folder “{where}”: a package with the {version} version</source>
        <translation>Folder “{where}”: paket dengan versi {version}</translation>
    </message>
    <message>
        <source>Webhook “{where}”: a signed JSON POST with the {version} version</source>
        <translation>Webhook “{where}”: POST JSON bertanda tangan dengan versi {version}</translation>
    </message>
    <message>
        <source>{count} characters</source>
        <translation>{count} karakter</translation>
    </message>
    <message>
        <source>{count} parts</source>
        <translation>{count} bagian</translation>
    </message>
    <message>
        <source>{width}×{height} px</source>
        <translation>{width}×{height} px</translation>
    </message>
    <message>
        <source>ALT</source>
        <translation>ALT</translation>
    </message>
    <message>
        <source>no alt text</source>
        <translation>tanpa teks alternatif</translation>
    </message>
    <message>
        <source>the alt texts</source>
        <translation>teks alternatif</translation>
    </message>
    <message>
        <source>a reminder at the scheduled time</source>
        <translation>pengingat pada waktu terjadwal</translation>
    </message>
</context>
<context>
    <name>PreviewsPanel</name>
    <message>
        <source>This image could not be made</source>
        <translation>Gambar ini tidak dapat dibuat</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <source>Webhook</source>
        <translation>Webhook</translation>
    </message>
    <message>
        <source>Choose a network above to see how the post will look there.</source>
        <translation>Pilih jejaring di atas untuk melihat tampilan unggahan di sana.</translation>
    </message>
    <message>
        <source>the base text</source>
        <translation>teks dasar</translation>
    </message>
    <message>
        <source>The images of the previews could not be made</source>
        <translation>Gambar pratinjau tidak dapat dibuat</translation>
    </message>
</context>
<context>
    <name>PublicationsWorkspace</name>
    <message>
        <source>Scheduled</source>
        <translation>Terjadwal</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Mengirim…</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Terbit</translation>
    </message>
    <message>
        <source>Will retry</source>
        <translation>Akan dicoba lagi</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Check: may be posted</source>
        <translation>Periksa: mungkin sudah terunggah</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>Upcoming and failed</source>
        <translation>Mendatang dan gagal</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Perlu perhatian</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Mendatang</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Semua</translation>
    </message>
    <message>
        <source>Nothing here yet. Scheduled posts and their outcomes show up in this list.</source>
        <translation>Belum ada apa-apa di sini. Unggahan terjadwal dan hasilnya muncul di daftar ini.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Post</source>
        <translation>Unggahan</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Percobaan</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Percobaan berikutnya</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Galat terakhir</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Cancel post</source>
        <translation>Batalkan unggahan</translation>
    </message>
    <message>
        <source>Mark as published</source>
        <translation>Tandai sudah terbit</translation>
    </message>
    <message>
        <source>Reconnect account…</source>
        <translation>Hubungkan ulang akun…</translation>
    </message>
    <message>
        <source>Enter a new token or app password for this post&apos;s account</source>
        <translation>Masukkan token atau kata sandi aplikasi baru untuk akun unggahan ini</translation>
    </message>
    <message>
        <source>Publish due posts now</source>
        <translation>Terbitkan unggahan yang jatuh tempo sekarang</translation>
    </message>
    <message>
        <source>Connect account…</source>
        <translation>Hubungkan akun…</translation>
    </message>
    <message>
        <source>Posts go out while Studio runs. With the laptop closed: let Mastodon publish (Connect account → “Let the server publish”), run &lt;code&gt;studio scheduler&lt;/code&gt; on an always-on machine, or hand off to your Postiz server (see the README).</source>
        <translation>Unggahan terbit selama Studio berjalan. Saat laptop tertutup: biarkan Mastodon yang menerbitkan (Hubungkan akun → “Biarkan server menerbitkan”), jalankan &lt;code&gt;studio scheduler&lt;/code&gt; di mesin yang selalu menyala, atau serahkan ke server Postiz Anda (lihat README).</translation>
    </message>
    <message>
        <source>Queue</source>
        <translation>Antrean</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>No posts in “%1”. %2 in “All”.</source>
        <translation>Tidak ada unggahan di “%1”. %2 di “Semua”.</translation>
    </message>
    <message>
        <source>Not posted: send again</source>
        <translation>Belum terunggah: kirim lagi</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Kirim sekarang</translation>
    </message>
    <message>
        <source>1 attempt</source>
        <translation>1 percobaan</translation>
    </message>
    <message>
        <source>%1 attempts</source>
        <translation>%1 percobaan</translation>
    </message>
</context>
<context>
    <name>PublishActions</name>
    <message>
        <source>&amp;Schedule…</source>
        <translation>&amp;Jadwalkan…</translation>
    </message>
    <message>
        <source>Add to &amp;queue</source>
        <translation>Tambah ke &amp;antrean</translation>
    </message>
    <message>
        <source>Send &amp;now</source>
        <translation>Kirim &amp;sekarang</translation>
    </message>
    <message>
        <source>Select a draft first.</source>
        <translation>Pilih draf dulu.</translation>
    </message>
    <message>
        <source>Scheduled on 1 account.</source>
        <translation>Dijadwalkan di 1 akun.</translation>
    </message>
    <message>
        <source>Scheduled on %1 accounts.</source>
        <translation>Dijadwalkan di %1 akun.</translation>
    </message>
    <message>
        <source>Add to queue</source>
        <translation>Tambah ke antrean</translation>
    </message>
    <message>
        <source>{accounts} has no posting slots. Use the best times from your history: {slots}?</source>
        <translation>{accounts} belum memiliki slot unggah. Gunakan waktu terbaik dari riwayat Anda: {slots}?</translation>
    </message>
    <message>
        <source>Based on the average engagements of the {posts} posts this client published in the last {days} days, in the hours that drew the most (your time zone). You can change the slots later (Publishing page, Edit slots).</source>
        <translation>Berdasarkan rata-rata interaksi {posts} unggahan yang diterbitkan klien ini dalam {days} hari terakhir, pada jam-jam dengan interaksi terbanyak (zona waktu Anda). Anda dapat mengubah slot nanti (halaman Penerbitan, Ubah slot).</translation>
    </message>
    <message>
        <source>Use these times</source>
        <translation>Gunakan waktu ini</translation>
    </message>
    <message>
        <source>Choose a time…</source>
        <translation>Pilih waktu…</translation>
    </message>
</context>
<context>
    <name>PublishedBar</name>
    <message>
        <source>Edit anyway</source>
        <translation>Tetap sunting</translation>
    </message>
    <message>
        <source>Change Studio&apos;s copy; what was published stays as it is</source>
        <translation>Ubah salinan Studio; yang sudah terbit tetap seperti adanya</translation>
    </message>
    <message>
        <source>Duplicate as new post</source>
        <translation>Gandakan sebagai unggahan baru</translation>
    </message>
    <message>
        <source>A new draft with this text, its versions and images</source>
        <translation>Draf baru dengan teks ini, versi-versinya, dan gambarnya</translation>
    </message>
    <message>
        <source>its networks</source>
        <translation>jejaringnya</translation>
    </message>
    <message>
        <source>You are editing a post already published on {places}. What was published does not change; only Studio&apos;s copy does.</source>
        <translation>Anda menyunting unggahan yang sudah terbit di {places}. Yang sudah terbit tidak berubah; hanya salinan Studio yang berubah.</translation>
    </message>
    <message>
        <source>This post was published on {places}. Editing it here does not change what was published.</source>
        <translation>Unggahan ini sudah terbit di {places}. Menyuntingnya di sini tidak mengubah yang sudah terbit.</translation>
    </message>
</context>
<context>
    <name>PublishingService</name>
    <message>
        <source>1 post waiting for the network</source>
        <translation>1 unggahan menunggu koneksi</translation>
    </message>
    <message>
        <source>%1 posts waiting for the network</source>
        <translation>%1 unggahan menunggu koneksi</translation>
    </message>
    <message>
        <source>1 post waiting to be sent</source>
        <translation>1 unggahan menunggu dikirim</translation>
    </message>
    <message>
        <source>%1 posts waiting to be sent</source>
        <translation>%1 unggahan menunggu dikirim</translation>
    </message>
    <message>
        <source>1 account token expiring: reconnect it (Publishing page)</source>
        <translation>Token 1 akun akan kedaluwarsa: hubungkan ulang (halaman Penerbitan)</translation>
    </message>
    <message>
        <source>%1 account tokens expiring: reconnect them (Publishing page)</source>
        <translation>Token %1 akun akan kedaluwarsa: hubungkan ulang (halaman Penerbitan)</translation>
    </message>
    <message>
        <source>1 account to reconnect (Publishing page)</source>
        <translation>1 akun perlu dihubungkan ulang (halaman Penerbitan)</translation>
    </message>
    <message>
        <source>%1 accounts to reconnect (Publishing page)</source>
        <translation>%1 akun perlu dihubungkan ulang (halaman Penerbitan)</translation>
    </message>
    <message>
        <source>The publisher could not run</source>
        <translation>Penerbitan tidak dapat dijalankan</translation>
    </message>
    <message>
        <source>Published on %1</source>
        <translation>Terbit di %1</translation>
    </message>
    <message>
        <source>The post is out.</source>
        <translation>Unggahan sudah terbit.</translation>
    </message>
    <message>
        <source>Will retry on %1</source>
        <translation>Akan dicoba lagi di %1</translation>
    </message>
    <message>
        <source>Check %1</source>
        <translation>Periksa %1</translation>
    </message>
    <message>
        <source>Not published on %1</source>
        <translation>Tidak terbit di %1</translation>
    </message>
</context>
<context>
    <name>PublishingTray</name>
    <message>
        <source>Open Studio</source>
        <translation>Buka Studio</translation>
    </message>
    <message>
        <source>Publish due posts now</source>
        <translation>Terbitkan unggahan yang jatuh tempo sekarang</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Reconnect soon</source>
        <translation>Segera hubungkan ulang</translation>
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
    <name>ReplyCodeDialog</name>
    <message>
        <source>Import reply code</source>
        <translation>Impor kode balasan</translation>
    </message>
    <message>
        <source>Paste the client&apos;s reply: the code that starts with STUDIO1- (the rest of the message may come with it).</source>
        <translation>Tempelkan balasan klien: kode yang diawali STUDIO1- (sisa pesannya boleh ikut tertempel).</translation>
    </message>
    <message>
        <source>Reply code</source>
        <translation>Kode balasan</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Jawaban</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
    <message>
        <source>Paste the reply code first.</source>
        <translation>Tempelkan kode balasan dulu.</translation>
    </message>
    <message>
        <source>Post %1: %2</source>
        <translation>Unggahan %1: %2</translation>
    </message>
    <message>
        <source>Post %1: NOT applied (%2). %3</source>
        <translation>Unggahan %1: TIDAK diterapkan (%2). %3</translation>
    </message>
    <message>
        <source>Answers from %1: %2 applied</source>
        <translation>Jawaban dari %1: %2 diterapkan</translation>
    </message>
    <message>
        <source>, %1 not applied (see below).</source>
        <translation>, %1 tidak diterapkan (lihat di bawah).</translation>
    </message>
</context>
<context>
    <name>ReplyDialog</name>
    <message>
        <source>approved</source>
        <translation>disetujui</translation>
    </message>
    <message>
        <source>changes requested</source>
        <translation>perlu perubahan</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>ditolak</translation>
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
    <name>ReviewActions</name>
    <message>
        <source>Review</source>
        <translation>Tinjauan</translation>
    </message>
    <message>
        <source>Send for review… (1 post)</source>
        <translation>Kirim untuk ditinjau… (1 unggahan)</translation>
    </message>
    <message>
        <source>Send for review… (%1 posts)</source>
        <translation>Kirim untuk ditinjau… (%1 unggahan)</translation>
    </message>
    <message>
        <source>What changed since approval…</source>
        <translation>Apa yang berubah sejak persetujuan…</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Setujui</translation>
    </message>
    <message>
        <source>Import reply code…</source>
        <translation>Impor kode balasan…</translation>
    </message>
    <message>
        <source>Status changes in the team…</source>
        <translation>Perubahan status di tim…</translation>
    </message>
</context>
<context>
    <name>ReviewSettingsRow</name>
    <message>
        <source>Approval required before scheduling</source>
        <translation>Persetujuan wajib sebelum dijadwalkan</translation>
    </message>
    <message>
        <source>Review pack zone (e.g. Asia/Jakarta)</source>
        <translation>Zona paket tinjauan (misalnya Asia/Jakarta)</translation>
    </message>
    <message>
        <source>Review pack time zone</source>
        <translation>Zona waktu paket tinjauan</translation>
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
        <source>your text (team conflict)</source>
        <translation>teks Anda (konflik tim)</translation>
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
    <name>ScheduleDialog</name>
    <message>
        <source>Schedule post</source>
        <translation>Jadwalkan unggahan</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source> (reconnect needed)</source>
        <translation> (perlu dihubungkan ulang)</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Pada</translation>
    </message>
    <message>
        <source>Add to queue (each account&apos;s next free posting slot)</source>
        <translation>Tambah ke antrean (slot unggah kosong berikutnya di setiap akun)</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Kirim sekarang</translation>
    </message>
    <message>
        <source>Times are in {zone}; stored in UTC.</source>
        <translation>Waktu dalam zona {zone}; disimpan dalam UTC.</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Jadwalkan</translation>
    </message>
    <message>
        <source>Preview per account</source>
        <translation>Pratinjau per akun</translation>
    </message>
    <message>
        <source>Tick an account to see what it gets.</source>
        <translation>Centang akun untuk melihat apa yang diterimanya.</translation>
    </message>
    <message>
        <source>Post with</source>
        <translation>Unggah dengan</translation>
    </message>
    <message>
        <source>What each account gets</source>
        <translation>Yang diterima setiap akun</translation>
    </message>
    <message>
        <source>This client has no accounts yet: connect one under Publishing first.</source>
        <translation>Klien ini belum memiliki akun: hubungkan satu di Penerbitan terlebih dahulu.</translation>
    </message>
    <message>
        <source>Choose at least one account.</source>
        <translation>Pilih paling sedikit satu akun.</translation>
    </message>
    <message>
        <source>Checking the post for each account…</source>
        <translation>Memeriksa unggahan untuk setiap akun…</translation>
    </message>
    <message>
        <source>Schedule anyway</source>
        <translation>Tetap jadwalkan</translation>
    </message>
    <message>
        <source>Something went wrong: {name}. Details are in the log.</source>
        <translation>Terjadi kesalahan: {name}. Rinciannya ada di log.</translation>
    </message>
</context>
<context>
    <name>SendForReviewDialog</name>
    <message>
        <source>Send for review</source>
        <translation>Kirim untuk ditinjau</translation>
    </message>
    <message>
        <source>1 post in one HTML file the client opens in any browser, without an account.</source>
        <translation>1 unggahan dalam satu berkas HTML yang dapat dibuka klien di peramban apa pun, tanpa akun.</translation>
    </message>
    <message>
        <source>%1 posts in one HTML file the client opens in any browser, without an account.</source>
        <translation>%1 unggahan dalam satu berkas HTML yang dapat dibuka klien di peramban apa pun, tanpa akun.</translation>
    </message>
    <message>
        <source>Pack file</source>
        <translation>Berkas paket</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Telusuri…</translation>
    </message>
    <message>
        <source>Also a printable PDF beside it</source>
        <translation>Juga PDF siap cetak di sebelahnya</translation>
    </message>
    <message>
        <source>you@agency.example (for the e-mail button)</source>
        <translation>anda@agensi.example (untuk tombol surel)</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Reply to</source>
        <translation>Balas ke</translation>
    </message>
    <message>
        <source>Write pack</source>
        <translation>Tulis paket</translation>
    </message>
    <message>
        <source>Save review pack</source>
        <translation>Simpan paket tinjauan</translation>
    </message>
    <message>
        <source>Web page (*.html)</source>
        <translation>Halaman web (*.html)</translation>
    </message>
    <message>
        <source>Writing the pack…</source>
        <translation>Menulis paket…</translation>
    </message>
    <message>
        <source>Wrote %1: %2 posts, %3 images, %4. Send it to the client, then paste their reply code in Review › Import reply code.</source>
        <translation>%1 ditulis: %2 unggahan, %3 gambar, %4. Kirimkan ke klien, lalu tempelkan kode balasannya di Tinjauan › Impor kode balasan.</translation>
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
    <name>StatusChangesDialog</name>
    <message>
        <source>Status changes in the team</source>
        <translation>Perubahan status di tim</translation>
    </message>
    <message>
        <source>Use the team&apos;s version</source>
        <translation>Gunakan versi tim</translation>
    </message>
    <message>
        <source>Your refused change stays in the draft&apos;s history.</source>
        <translation>Perubahan Anda yang ditolak tetap ada di riwayat draf.</translation>
    </message>
    <message>
        <source>Asking the team database…</source>
        <translation>Menanyakan basis data tim…</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Dari</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Menjadi</translation>
    </message>
    <message>
        <source>Refused by the team: %1</source>
        <translation>Ditolak tim: %1</translation>
    </message>
    <message>
        <source>This draft has not reached the team yet.</source>
        <translation>Draf ini belum sampai ke tim.</translation>
    </message>
    <message>
        <source>Oldest first.</source>
        <translation>Terlama lebih dahulu.</translation>
    </message>
    <message>
        <source>(new)</source>
        <translation>(baru)</translation>
    </message>
    <message>
        <source>The draft is the team&apos;s version again; your change is in its history.</source>
        <translation>Draf kembali menjadi versi tim; perubahan Anda ada di riwayatnya.</translation>
    </message>
    <message>
        <source>Studio could not ask the team database</source>
        <translation>Studio tidak dapat menanyakan basis data tim</translation>
    </message>
</context>
<context>
    <name>Studio</name>
    <message>
        <source>Grammar: off</source>
        <translation>Tata bahasa: mati</translation>
    </message>
    <message>
        <source>Grammar: not started</source>
        <translation>Tata bahasa: belum dimulai</translation>
    </message>
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
    <message>
        <source>&amp;New draft</source>
        <translation>Draf &amp;baru</translation>
    </message>
    <message>
        <source>Start a new draft for the current client</source>
        <translation>Mulai draf baru untuk klien saat ini</translation>
    </message>
    <message>
        <source>&amp;Import drafts…</source>
        <translation>&amp;Impor draf…</translation>
    </message>
    <message>
        <source>Restore from &amp;backup…</source>
        <translation>Pulihkan dari &amp;cadangan…</translation>
    </message>
    <message>
        <source>&amp;Manage clients…</source>
        <translation>&amp;Kelola klien…</translation>
    </message>
    <message>
        <source>&amp;Connect account…</source>
        <translation>&amp;Hubungkan akun…</translation>
    </message>
    <message>
        <source>Offline: due posts wait for the network</source>
        <translation>Luring: unggahan jatuh tempo menunggu jaringan</translation>
    </message>
    <message>
        <source>Grammar checking is off. Turn it on in Settings → Grammar.</source>
        <translation>Pemeriksaan tata bahasa mati. Nyalakan di Pengaturan → Tata bahasa.</translation>
    </message>
    <message>
        <source>Texts are checked by the LanguageTool server at %1.</source>
        <translation>Teks diperiksa oleh server LanguageTool di %1.</translation>
    </message>
    <message>
        <source>Texts are checked by the public LanguageTool API (you agreed to send them there).</source>
        <translation>Teks diperiksa oleh API publik LanguageTool (Anda setuju mengirimnya ke sana).</translation>
    </message>
    <message>
        <source>Texts are checked by LanguageTool on this computer, privately.</source>
        <translation>Teks diperiksa oleh LanguageTool di komputer ini, secara pribadi.</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>Writer</source>
        <translation>Penulis</translation>
    </message>
    <message>
        <source>Designer</source>
        <translation>Desainer</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Manajer</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>Penyetuju</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Tim</translation>
    </message>
    <message>
        <source>Join your team&apos;s library: paste the address and the password your manager sent. You keep working offline; Studio syncs when it can reach the team database.</source>
        <translation>Gabung ke pustaka tim Anda: tempelkan alamat dan kata sandi yang dikirim manajer Anda. Anda tetap dapat bekerja secara luring; Studio menyinkronkan saat dapat menjangkau basis data tim.</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Alamat:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Kata sandi:</translation>
    </message>
    <message>
        <source>&amp;Join team</source>
        <translation>&amp;Gabung tim</translation>
    </message>
    <message>
        <source>Paste the address from your invitation first.</source>
        <translation>Tempelkan alamat dari undangan Anda dulu.</translation>
    </message>
    <message>
        <source>Joining…</source>
        <translation>Bergabung…</translation>
    </message>
    <message>
        <source>Joined: %1 clients and drafts received.</source>
        <translation>Bergabung: %1 klien dan draf diterima.</translation>
    </message>
    <message>
        <source>Joined</source>
        <translation>Sudah bergabung</translation>
    </message>
    <message>
        <source>You are %1 (%2).</source>
        <translation>Anda adalah %1 (%2).</translation>
    </message>
    <message>
        <source>roles known after the first sync</source>
        <translation>peran diketahui setelah sinkronisasi pertama</translation>
    </message>
    <message>
        <source>Changes waiting to be sent: %1 · conflict copies: %2</source>
        <translation>Perubahan yang menunggu dikirim: %1 · salinan konflik: %2</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Sinkronkan sekarang</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Anggota</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Invite a member</source>
        <translation>Undang anggota</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nama:</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>Peran:</translation>
    </message>
    <message>
        <source>&amp;Clients:</source>
        <translation>&amp;Klien:</translation>
    </message>
    <message>
        <source>&amp;Invite</source>
        <translation>&amp;Undang</translation>
    </message>
    <message>
        <source>Members show once Studio is connected to the team.</source>
        <translation>Anggota tampil setelah Studio terhubung ke tim.</translation>
    </message>
    <message>
        <source>Studio is not connected to the team yet.</source>
        <translation>Studio belum terhubung ke tim.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Menyinkronkan…</translation>
    </message>
    <message>
        <source>Sent %1, received %2.</source>
        <translation>Terkirim %1, diterima %2.</translation>
    </message>
    <message>
        <source>Refused: %1</source>
        <translation>Ditolak: %1</translation>
    </message>
    <message>
        <source>Send %1 the command, and the password through a private channel: it is shown only now.</source>
        <translation>Kirimkan perintah itu kepada %1, dan kata sandinya melalui saluran pribadi: kata sandi hanya ditampilkan sekarang.</translation>
    </message>
    <message>
        <source>The team database said no</source>
        <translation>Basis data tim menolak</translation>
    </message>
</context>
<context>
    <name>TeamFace</name>
    <message>
        <source>Team: up to date</source>
        <translation>Tim: mutakhir</translation>
    </message>
    <message>
        <source>Team: syncing…</source>
        <translation>Tim: menyinkronkan…</translation>
    </message>
    <message>
        <source>Team: offline</source>
        <translation>Tim: luring</translation>
    </message>
    <message>
        <source>Team: conflict</source>
        <translation>Tim: konflik</translation>
    </message>
    <message>
        <source>Team: refused</source>
        <translation>Tim: ditolak</translation>
    </message>
    <message>
        <source>1 change waiting</source>
        <translation>1 perubahan menunggu</translation>
    </message>
    <message>
        <source>%1 changes waiting</source>
        <translation>%1 perubahan menunggu</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Tim</translation>
    </message>
    <message>
        <source>Team: connecting…</source>
        <translation>Tim: menghubungkan…</translation>
    </message>
    <message>
        <source>Team: not syncing</source>
        <translation>Tim: tidak menyinkronkan</translation>
    </message>
    <message>
        <source>Studio could not start syncing</source>
        <translation>Studio tidak dapat memulai sinkronisasi</translation>
    </message>
    <message>
        <source>Team sync</source>
        <translation>Sinkronisasi tim</translation>
    </message>
    <message>
        <source>Team: refused (kept here)</source>
        <translation>Tim: ditolak (disimpan di sini)</translation>
    </message>
    <message>
        <source>A teammate changed the same sentence: the team&apos;s text stays, yours is kept in the draft&apos;s revisions as a conflict copy.</source>
        <translation>Rekan tim mengubah kalimat yang sama: teks tim dipertahankan, teks Anda disimpan di revisi draf sebagai salinan konflik.</translation>
    </message>
</context>
<context>
    <name>ThreadEditor</name>
    <message>
        <source>Split again, numbered</source>
        <translation>Pisahkan lagi, bernomor</translation>
    </message>
    <message>
        <source>Join into one post</source>
        <translation>Gabungkan menjadi satu unggahan</translation>
    </message>
    <message>
        <source>%1 thread · 1 part</source>
        <translation>Utas %1 · 1 bagian</translation>
    </message>
    <message>
        <source>%1 thread · %2 parts</source>
        <translation>Utas %1 · %2 bagian</translation>
    </message>
    <message>
        <source>Part %1</source>
        <translation>Bagian %1</translation>
    </message>
</context>
<context>
    <name>VariantBar</name>
    <message>
        <source>Numbered 1/n</source>
        <translation>Bernomor 1/n</translation>
    </message>
    <message>
        <source>Split into thread</source>
        <translation>Pisahkan menjadi utas</translation>
    </message>
    <message>
        <source>All networks</source>
        <translation>Semua jejaring</translation>
    </message>
    <message>
        <source>The base text: every network without its own version uses it.</source>
        <translation>Teks dasar: dipakai setiap jejaring yang tidak memiliki versinya sendiri.</translation>
    </message>
    <message>
        <source>%1 gets a thread.</source>
        <translation>%1 mendapat utas.</translation>
    </message>
    <message>
        <source>%1 has its own version of the text.</source>
        <translation>%1 memiliki versi teksnya sendiri.</translation>
    </message>
    <message>
        <source>%1 uses the base text.</source>
        <translation>%1 memakai teks dasar.</translation>
    </message>
    <message>
        <source>Use the base text again</source>
        <translation>Pakai teks dasar lagi</translation>
    </message>
    <message>
        <source>Write a separate version for %1</source>
        <translation>Tulis versi terpisah untuk %1</translation>
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
    <name>WriteHeader</name>
    <message>
        <source>New post</source>
        <translation>Unggahan baru</translation>
    </message>
    <message>
        <source>New post for the current client (Ctrl+N)</source>
        <translation>Unggahan baru untuk klien saat ini (Ctrl+N)</translation>
    </message>
</context>
<context>
    <name>WriteWorkspace</name>
    <message>
        <source>Comments</source>
        <translation>Komentar</translation>
    </message>
    <message>
        <source>Comments (%1)</source>
        <translation>Komentar (%1)</translation>
    </message>
    <message>
        <source>Press Ctrl+N for a new post, or open one from the Library.</source>
        <translation>Tekan Ctrl+N untuk unggahan baru, atau buka unggahan dari Pustaka.</translation>
    </message>
    <message>
        <source>Grammar: %1</source>
        <translation>Tata bahasa: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Tersimpan</translation>
    </message>
    <message>
        <source>Issues</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Pratinjau</translation>
    </message>
    <message>
        <source>No post open</source>
        <translation>Tidak ada unggahan yang terbuka</translation>
    </message>
    <message>
        <source>Opening…</source>
        <translation>Membuka…</translation>
    </message>
    <message>
        <source>Write your post…</source>
        <translation>Tulis unggahan Anda…</translation>
    </message>
    <message>
        <source>Editing post %1 for %2</source>
        <translation>Menyunting unggahan %1 untuk %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;{client}&lt;/b&gt; · post {number} · {status}</source>
        <translation>&lt;b&gt;{client}&lt;/b&gt; · unggahan {number} · {status}</translation>
    </message>
    <message>
        <source>Studio could not open the post</source>
        <translation>Studio tidak dapat membuka unggahan</translation>
    </message>
    <message>
        <source>Studio could not remember the client&apos;s channels</source>
        <translation>Studio tidak dapat mengingat saluran klien</translation>
    </message>
    <message>
        <source>Studio could not load its link rules, counters are off</source>
        <translation>Studio tidak dapat memuat aturan tautannya, penghitung dimatikan</translation>
    </message>
    <message>
        <source>Studio could not duplicate the post</source>
        <translation>Studio tidak dapat menggandakan unggahan</translation>
    </message>
    <message>
        <source>%1 is ignored in all of %2&apos;s posts (Library → Manage clients to check it again)</source>
        <translation>%1 diabaikan di semua unggahan %2 (Pustaka → Kelola klien untuk memeriksanya lagi)</translation>
    </message>
    <message>
        <source>“%1” added to %2&apos;s dictionary</source>
        <translation>“%1” ditambahkan ke kamus %2</translation>
    </message>
    <message>
        <source>Studio could not save this to the client&apos;s settings</source>
        <translation>Studio tidak dapat menyimpan ini ke pengaturan klien</translation>
    </message>
</context>
<context>
    <name>studio.analytics</name>
    <message>
        <source>ER by followers = engagements ÷ followers when posted</source>
        <translation>ER per pengikut = interaksi ÷ pengikut saat diunggah</translation>
    </message>
    <message>
        <source>ER by reach = engagements ÷ accounts reached</source>
        <translation>ER per jangkauan = interaksi ÷ akun yang dijangkau</translation>
    </message>
    <message>
        <source>ER by impressions = engagements ÷ times shown</source>
        <translation>ER per tayangan = interaksi ÷ berapa kali ditampilkan</translation>
    </message>
    <message>
        <source>Telegram&apos;s Bot API gives no view or reaction counts for channel posts: only subscribers.</source>
        <translation>Bot API Telegram tidak memberikan jumlah tayangan atau reaksi untuk unggahan kanal: hanya pelanggan.</translation>
    </message>
</context>
<context>
    <name>studio.languages</name>
    <message>
        <source>English (US)</source>
        <translation>Inggris (AS)</translation>
    </message>
    <message>
        <source>English (UK)</source>
        <translation>Inggris (Britania)</translation>
    </message>
    <message>
        <source>English (Australia)</source>
        <translation>Inggris (Australia)</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>Bahasa Indonesia</translation>
    </message>
    <message>
        <source>German (Germany)</source>
        <translation>Jerman (Jerman)</translation>
    </message>
    <message>
        <source>German (Austria)</source>
        <translation>Jerman (Austria)</translation>
    </message>
    <message>
        <source>German (Switzerland)</source>
        <translation>Jerman (Swiss)</translation>
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
        <source>Italian</source>
        <translation>Italia</translation>
    </message>
    <message>
        <source>Dutch</source>
        <translation>Belanda</translation>
    </message>
    <message>
        <source>Portuguese (Portugal)</source>
        <translation>Portugis (Portugal)</translation>
    </message>
    <message>
        <source>Portuguese (Brazil)</source>
        <translation>Portugis (Brasil)</translation>
    </message>
    <message>
        <source>Polish</source>
        <translation>Polandia</translation>
    </message>
    <message>
        <source>Swedish</source>
        <translation>Swedia</translation>
    </message>
    <message>
        <source>Danish</source>
        <translation>Denmark</translation>
    </message>
    <message>
        <source>Catalan</source>
        <translation>Katala</translation>
    </message>
    <message>
        <source>Ukrainian</source>
        <translation>Ukraina</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>Rusia</translation>
    </message>
    <message>
        <source>Japanese</source>
        <translation>Jepang</translation>
    </message>
    <message>
        <source>Chinese</source>
        <translation>Tionghoa</translation>
    </message>
    <message>
        <source>Detect for each post</source>
        <translation>Deteksi untuk setiap unggahan</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inggris</translation>
    </message>
    <message>
        <source>German</source>
        <translation>Jerman</translation>
    </message>
    <message>
        <source>Portuguese</source>
        <translation>Portugis</translation>
    </message>
</context>
<context>
    <name>studio.model</name>
    <message>
        <source>Idea</source>
        <translation>Ide</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>Dalam tinjauan</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Disetujui</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Terjadwal</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Terbit</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Gagal</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>Diarsipkan</translation>
    </message>
</context>
<context>
    <name>studio.presets</name>
    <message>
        <source>X post (16:9)</source>
        <translation>Unggahan X (16:9)</translation>
    </message>
    <message>
        <source>X header</source>
        <translation>Sampul X</translation>
    </message>
    <message>
        <source>Mastodon post</source>
        <translation>Unggahan Mastodon</translation>
    </message>
    <message>
        <source>Bluesky post</source>
        <translation>Unggahan Bluesky</translation>
    </message>
    <message>
        <source>Threads post (4:5)</source>
        <translation>Unggahan Threads (4:5)</translation>
    </message>
    <message>
        <source>Instagram feed, square</source>
        <translation>Feed Instagram, persegi</translation>
    </message>
    <message>
        <source>Instagram feed, portrait 4:5</source>
        <translation>Feed Instagram, potret 4:5</translation>
    </message>
    <message>
        <source>Instagram feed, landscape 1.91:1</source>
        <translation>Feed Instagram, lanskap 1.91:1</translation>
    </message>
    <message>
        <source>Instagram story</source>
        <translation>Cerita Instagram</translation>
    </message>
    <message>
        <source>Instagram reel cover</source>
        <translation>Sampul reel Instagram</translation>
    </message>
    <message>
        <source>Facebook post (4:5)</source>
        <translation>Unggahan Facebook (4:5)</translation>
    </message>
    <message>
        <source>Facebook page cover</source>
        <translation>Sampul halaman Facebook</translation>
    </message>
    <message>
        <source>LinkedIn post</source>
        <translation>Unggahan LinkedIn</translation>
    </message>
    <message>
        <source>LinkedIn profile banner</source>
        <translation>Spanduk profil LinkedIn</translation>
    </message>
    <message>
        <source>TikTok photo post</source>
        <translation>Unggahan foto TikTok</translation>
    </message>
    <message>
        <source>Pinterest pin (2:3)</source>
        <translation>Pin Pinterest (2:3)</translation>
    </message>
    <message>
        <source>YouTube thumbnail</source>
        <translation>Gambar mini YouTube</translation>
    </message>
    <message>
        <source>YouTube channel banner</source>
        <translation>Spanduk kanal YouTube</translation>
    </message>
    <message>
        <source>Telegram photo</source>
        <translation>Foto Telegram</translation>
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
