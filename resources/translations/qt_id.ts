<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own texts in Indonesian (Qt ships no qtbase_id), written for Studio: the standard dialog
     buttons (QPlatformTheme), the context menu of text fields (QLineEdit, QWidgetTextControl) and
     the message box buttons, the file and colour dialogs (their source texts as Qt 6 shows them,
     read off the dialogs in English). Same licence as Studio. Built into qt_id.qm by scripts/translations.py. -->
<TS version="2.1" language="id">
<context>
    <name>QPlatformTheme</name>
    <message><source>OK</source><translation>OK</translation></message>
    <message><source>Save</source><translation>Simpan</translation></message>
    <message><source>Save All</source><translation>Simpan Semua</translation></message>
    <message><source>Open</source><translation>Buka</translation></message>
    <message><source>&amp;Yes</source><translation>&amp;Ya</translation></message>
    <message><source>Yes to &amp;All</source><translation>Ya untuk &amp;Semua</translation></message>
    <message><source>&amp;No</source><translation>&amp;Tidak</translation></message>
    <message><source>N&amp;o to All</source><translation>T&amp;idak untuk Semua</translation></message>
    <message><source>Abort</source><translation>Hentikan</translation></message>
    <message><source>Retry</source><translation>Ulangi</translation></message>
    <message><source>Ignore</source><translation>Abaikan</translation></message>
    <message><source>Close</source><translation>Tutup</translation></message>
    <message><source>Cancel</source><translation>Batal</translation></message>
    <message><source>Discard</source><translation>Buang</translation></message>
    <message><source>Help</source><translation>Bantuan</translation></message>
    <message><source>Apply</source><translation>Terapkan</translation></message>
    <message><source>Reset</source><translation>Atur Ulang</translation></message>
    <message><source>Restore Defaults</source><translation>Kembalikan Bawaan</translation></message>
</context>
<context>
    <name>QLineEdit</name>
    <message><source>&amp;Undo</source><translation>&amp;Urungkan</translation></message>
    <message><source>&amp;Redo</source><translation>&amp;Ulangi</translation></message>
    <message><source>Cu&amp;t</source><translation>&amp;Potong</translation></message>
    <message><source>&amp;Copy</source><translation>&amp;Salin</translation></message>
    <message><source>&amp;Paste</source><translation>&amp;Tempel</translation></message>
    <message><source>Delete</source><translation>Hapus</translation></message>
    <message><source>Select All</source><translation>Pilih Semua</translation></message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message><source>&amp;Undo</source><translation>&amp;Urungkan</translation></message>
    <message><source>&amp;Redo</source><translation>&amp;Ulangi</translation></message>
    <message><source>Cu&amp;t</source><translation>&amp;Potong</translation></message>
    <message><source>&amp;Copy</source><translation>&amp;Salin</translation></message>
    <message><source>Copy &amp;Link Location</source><translation>Salin &amp;Alamat Tautan</translation></message>
    <message><source>&amp;Paste</source><translation>&amp;Tempel</translation></message>
    <message><source>Delete</source><translation>Hapus</translation></message>
    <message><source>Select All</source><translation>Pilih Semua</translation></message>
</context>
<context>
    <name>QMessageBox</name>
    <message><source>Show Details...</source><translation>Tampilkan Rincian...</translation></message>
    <message><source>Hide Details...</source><translation>Sembunyikan Rincian...</translation></message>
</context>
<context>
    <name>QFileDialog</name>
    <message><source>Look in:</source><translation>Cari di:</translation></message>
    <message><source>File &amp;name:</source><translation>&amp;Nama berkas:</translation></message>
    <message><source>Files of type:</source><translation>Jenis berkas:</translation></message>
    <message><source>&amp;Open</source><translation>&amp;Buka</translation></message>
    <message><source>&amp;Save</source><translation>&amp;Simpan</translation></message>
    <message><source>&amp;Choose</source><translation>&amp;Pilih</translation></message>
    <message><source>Back</source><translation>Kembali</translation></message>
    <message><source>Forward</source><translation>Maju</translation></message>
    <message><source>Parent Directory</source><translation>Folder Induk</translation></message>
    <message><source>Create New Folder</source><translation>Buat Folder Baru</translation></message>
    <message><source>New Folder</source><translation>Folder Baru</translation></message>
    <message><source>List View</source><translation>Tampilan Daftar</translation></message>
    <message><source>Detail View</source><translation>Tampilan Rinci</translation></message>
    <message><source>All Files (*)</source><translation>Semua Berkas (*)</translation></message>
    <message><source>&amp;Look in:</source><translation>&amp;Cari di:</translation></message>
    <message><source>Files of &amp;type:</source><translation>&amp;Jenis berkas:</translation></message>
    <message><source>&amp;Delete</source><translation>&amp;Hapus</translation></message>
    <message><source>&amp;New Folder</source><translation>Folder &amp;Baru</translation></message>
    <message><source>&amp;Rename</source><translation>&amp;Ganti Nama</translation></message>
    <message><source>Show &amp;hidden files</source><translation>Tampilkan berkas &amp;tersembunyi</translation></message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message><source>Name</source><translation>Nama</translation></message>
    <message><source>Size</source><translation>Ukuran</translation></message>
    <message><source>Type</source><translation>Jenis</translation></message>
    <message><source>Date Modified</source><translation>Tanggal Diubah</translation></message>
</context>
<context>
    <name>QColorDialog</name>
    <message><source>Select Color</source><translation>Pilih Warna</translation></message>
    <message><source>&amp;Basic colors</source><translation>Warna &amp;dasar</translation></message>
    <message><source>&amp;Custom colors</source><translation>Warna &amp;pilihan sendiri</translation></message>
    <message><source>&amp;Add to Custom Colors</source><translation>&amp;Tambahkan ke Warna Pilihan Sendiri</translation></message>
    <message><source>&amp;Pick Screen Color</source><translation>&amp;Ambil Warna dari Layar</translation></message>
    <message><source>Hu&amp;e:</source><translation>&amp;Rona:</translation></message>
    <message><source>&amp;Sat:</source><translation>&amp;Saturasi:</translation></message>
    <message><source>&amp;Val:</source><translation>&amp;Nilai:</translation></message>
    <message><source>&amp;Red:</source><translation>&amp;Merah:</translation></message>
    <message><source>&amp;Green:</source><translation>&amp;Hijau:</translation></message>
    <message><source>Bl&amp;ue:</source><translation>&amp;Biru:</translation></message>
    <message><source>A&amp;lpha channel:</source><translation>Kanal a&amp;lfa:</translation></message>
    <message><source>&amp;HTML:</source><translation>&amp;HTML:</translation></message>
    <message><source>Cursor at %1, %2&#xa;Press ESC to cancel</source><translation>Kursor di %1, %2&#xa;Tekan ESC untuk membatalkan</translation></message>
</context>
<context>
    <name>QTabBar</name>
    <message><source>Scroll Left</source><translation>Gulir ke Kiri</translation></message>
    <message><source>Scroll Right</source><translation>Gulir ke Kanan</translation></message>
</context>
</TS>
