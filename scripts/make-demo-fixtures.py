#!/usr/bin/env python3
"""Generate the Kutai Kartanegara FY2022 demo data set in Fixtures/kukar-2022/.

Python 3 standard library only; deterministic (fixed seed, no clock).  Money is
handled as integer sen everywhere; no floating point is used.

Files written (relative to the repository root):
  Fixtures/kukar-2022/sirup-penyedia-2022.csv   SIRUP RUP paket penyedia (ISB 1018), RFC 4180
  Fixtures/kukar-2022/spse-nontender-2022.csv   SPSE non-tender results (ISB 1017), backslash style
  Fixtures/kukar-2022/spse-tender-2022.csv      SPSE tender results (ISB 1015), ISB style
  Fixtures/kukar-2022/bendahara-dinkes-2022.csv treasurer sheet, canonical `p3dn` profile,
                                                Windows-1252, CRLF, `;`
  Fixtures/expected/kukar-2022.json             expected counts and figures
  Fixtures/kukar-2022/README.md                 description (English / Indonesian)

The expected figures are computed from what the generator knows about every
line it writes (its semantic record), not by re-parsing the files.  After
writing, `check_files()` re-reads the CSVs with Python's csv module only to
confirm the physical shape (record count, field counts, key cells).

Usage:  python3 scripts/make-demo-fixtures.py [--out DIR]
"""

import argparse
import csv
import io
import os
import random
import re
import sys

SEED = 20220613  # the date of the SIRUP/SPSE snapshot behind the June 2022 Kukar figures
YEAR = 2022

KD_KLPD = "D250"  # illustrative KLPD code (not verified)
NAMA_KLPD = "Kab. Kutai Kartanegara"
LPSE_ID = 196  # illustrative LPSE id
NAMA_LPSE = "LPSE Kabupaten Kutai Kartanegara"
URL_LPSE = "https://lpse.kukarkab.go.id/eproc4"

SIRUP_FILE = "sirup-penyedia-2022.csv"
NONTENDER_FILE = "spse-nontender-2022.csv"
TENDER_FILE = "spse-tender-2022.csv"
BENDAHARA_FILE = "bendahara-dinkes-2022.csv"

# CONTRACT §4.1: order in which reasons win.
REASON_ORDER = [
    "ragged-row", "total-row",
    "deleted", "inactive", "not-announced", "cancelled", "not-completed", "swakelola",
    "bad-amount", "missing-amount", "missing-opd", "bad-date",
    "no-contract-value", "out-of-scope-account", "other-year",
]
REJECT_REASONS = {"ragged-row", "bad-amount", "missing-amount", "missing-opd", "bad-date"}

UMKK_MIN = 40  # inpres-2-2022/umkk-40

rng = random.Random(SEED)


# ---------------------------------------------------------------------------
# Money helpers (integer sen only)
# ---------------------------------------------------------------------------

def rp(rupiah, sen=0):
    """Rupiah (+ sen) to integer sen."""
    return rupiah * 100 + sen


def money_str(sen):
    """Decimal string with exactly two fraction digits."""
    sign = "-" if sen < 0 else ""
    sen = abs(sen)
    return "%s%d.%02d" % (sign, sen // 100, sen % 100)


def isb_num(sen, keep_two=False):
    """ISB plain number: `79691100`, `12500000.50` (keep_two) or `48923727.3`."""
    assert sen >= 0
    if sen % 100 == 0:
        return str(sen // 100)
    frac = "%02d" % (sen % 100)
    if not keep_two:
        frac = frac.rstrip("0")
    return "%d.%s" % (sen // 100, frac)


def id_group(rupiah):
    """1234567 -> '1.234.567'."""
    s = str(rupiah)
    parts = []
    while len(s) > 3:
        parts.insert(0, s[-3:])
        s = s[:-3]
    parts.insert(0, s)
    return ".".join(parts)


def id_amount(sen, style):
    """Indonesian hand-made spreadsheet forms of an amount."""
    rupiah, frac = divmod(sen, 100)
    if style == "id2":        # 1.234.567,00
        return "%s,%02d" % (id_group(rupiah), frac)
    assert frac == 0, (sen, style)
    if style == "rp":         # Rp 1.234.567
        return "Rp " + id_group(rupiah)
    if style == "rpdot":      # Rp. 2.500.000,-
        return "Rp. %s,-" % id_group(rupiah)
    if style == "rp2":        # Rp1.250.000,00
        return "Rp%s,00" % id_group(rupiah)
    if style == "grp":        # 750.000
        return id_group(rupiah)
    if style == "plain":      # 350000
        return str(rupiah)
    raise ValueError(style)


def share_str(amount, total):
    """amount/total*100 rounded half away from zero to 2 decimals, as a JSON number text."""
    if total <= 0:
        return None
    num = amount * 10000
    neg = num < 0
    q, r = divmod(abs(num), total)
    if 2 * r >= total:
        q += 1
    if neg:
        q = -q
    sign = "-" if q < 0 else ""
    q = abs(q)
    return "%s%d.%02d" % (sign, q // 100, q % 100)


class Num:
    """A JSON number written from its literal text (no float)."""

    def __init__(self, text):
        self.text = text


def to_json(obj, indent=0, step=2):
    pad = " " * (indent + step)
    end = " " * indent
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if isinstance(obj, Num):
        return obj.text
    if isinstance(obj, int):
        return str(obj)
    if isinstance(obj, str):
        out = ['"']
        for ch in obj:
            if ch == '"':
                out.append('\\"')
            elif ch == "\\":
                out.append("\\\\")
            elif ch == "\n":
                out.append("\\n")
            elif ch == "\r":
                out.append("\\r")
            elif ord(ch) < 0x20:
                out.append("\\u%04x" % ord(ch))
            else:
                out.append(ch)
        out.append('"')
        return "".join(out)
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        items = ["%s%s: %s" % (pad, to_json(str(k)), to_json(v, indent + step, step))
                 for k, v in obj.items()]
        return "{\n" + ",\n".join(items) + "\n" + end + "}"
    if isinstance(obj, (list, tuple)):
        if not obj:
            return "[]"
        if all(isinstance(v, (str, int, Num)) or v is None for v in obj):
            return "[" + ", ".join(to_json(v) for v in obj) + "]"
        items = [pad + to_json(v, indent + step, step) for v in obj]
        return "[\n" + ",\n".join(items) + "\n" + end + "]"
    raise TypeError(type(obj))


# ---------------------------------------------------------------------------
# CSV writers (hand-rolled so the exact bytes are under control)
# ---------------------------------------------------------------------------

class Raw:
    """A cell written bare (numbers, booleans, null)."""

    def __init__(self, text):
        self.text = text


def rfc_cell(v):
    if v is None:
        return ""
    if isinstance(v, Raw):
        return v.text
    return '"' + v.replace('"', '""') + '"'


def backslash_cell(v):
    if v is None:
        return ""
    if isinstance(v, Raw):
        return v.text
    assert "\\" not in v, v
    assert "\n" not in v.replace("\r\n", ""), v
    s = v.replace('"', '\\"').replace("\r\n", "\\r\\n")
    return '"' + s + '"'


def semicolon_cell(v):
    """Excel-style `;` export: quote only when needed, double the quotes."""
    if v is None:
        return ""
    if ";" in v or '"' in v or "\n" in v:
        return '"' + v.replace('"', '""') + '"'
    return v


# ---------------------------------------------------------------------------
# OPDs of Kabupaten Kutai Kartanegara (codes per Kepmendagri 050-5889 form)
# ---------------------------------------------------------------------------

OPDS = [
    # code, name, kind
    ("1.01.2.22.0.00.01.0000", "DINAS PENDIDIKAN DAN KEBUDAYAAN", "pendidikan"),
    ("1.02.0.00.0.00.02.0000", "DINAS KESEHATAN", "kesehatan"),
    ("1.02.0.00.0.00.03.0000", "RSUD A.M. PARIKESIT", "rsud"),
    ("1.03.0.00.0.00.04.0000", "DINAS PEKERJAAN UMUM DAN PENATAAN RUANG", "pu"),
    ("1.04.0.00.0.00.05.0000", "DINAS PERUMAHAN DAN KAWASAN PERMUKIMAN", "perkim"),
    ("1.05.0.00.0.00.06.0000", "SATUAN POLISI PAMONG PRAJA", "satpol"),
    ("1.05.0.00.0.00.07.0000", "BADAN PENANGGULANGAN BENCANA DAERAH", "bpbd"),
    ("1.05.0.00.0.00.08.0000", "DINAS PEMADAM KEBAKARAN DAN PENYELAMATAN", "damkar"),
    ("1.06.0.00.0.00.09.0000", "DINAS SOSIAL", "sosial"),
    ("2.07.3.32.0.00.10.0000", "DINAS TENAGA KERJA DAN TRANSMIGRASI", "naker"),
    ("2.08.0.00.0.00.11.0000", "DINAS PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK", "p3a"),
    ("2.09.0.00.0.00.12.0000", "DINAS KETAHANAN PANGAN", "pangan"),
    ("2.10.0.00.0.00.13.0000", "DINAS PERTANAHAN", "pertanahan"),
    ("2.11.0.00.0.00.14.0000", "DINAS LINGKUNGAN HIDUP", "dlh"),
    ("2.12.0.00.0.00.15.0000", "DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL", "dukcapil"),
    ("2.13.0.00.0.00.16.0000", "DINAS PEMBERDAYAAN MASYARAKAT DAN DESA", "pmd"),
    ("2.14.0.00.0.00.17.0000", "DINAS PENGENDALIAN PENDUDUK DAN KELUARGA BERENCANA", "kb"),
    ("2.15.0.00.0.00.18.0000", "DINAS PERHUBUNGAN", "dishub"),
    ("2.16.2.20.2.21.19.0000", "DINAS KOMUNIKASI DAN INFORMATIKA", "kominfo"),
    ("2.17.0.00.0.00.20.0000", "DINAS KOPERASI DAN USAHA KECIL MENENGAH", "koperasi"),
    ("2.18.0.00.0.00.21.0000", "DINAS PENANAMAN MODAL DAN PELAYANAN TERPADU SATU PINTU", "dpmptsp"),
    ("2.19.0.00.0.00.22.0000", "DINAS PEMUDA DAN OLAHRAGA", "dispora"),
    ("2.23.2.24.0.00.23.0000", "DINAS PERPUSTAKAAN DAN KEARSIPAN", "perpus"),
    ("3.25.0.00.0.00.24.0000", "DINAS PERIKANAN DAN KELAUTAN", "perikanan"),
    ("3.26.0.00.0.00.25.0000", "DINAS PARIWISATA", "pariwisata"),
    ("3.27.0.00.0.00.26.0000", "DINAS TANAMAN PANGAN DAN HORTIKULTURA", "tanaman"),
    ("3.27.0.00.0.00.27.0000", "DINAS PERKEBUNAN", "perkebunan"),
    ("3.27.0.00.0.00.28.0000", "DINAS PETERNAKAN DAN KESEHATAN HEWAN", "peternakan"),
    ("3.30.3.31.0.00.29.0000", "DINAS PERINDUSTRIAN DAN PERDAGANGAN", "perindag"),
    ("4.01.0.00.0.00.30.0000", "SEKRETARIAT DAERAH", "setda"),
    ("4.02.0.00.0.00.31.0000", "SEKRETARIAT DPRD", "dprd"),
    ("5.01.0.00.0.00.32.0000", "BADAN PERENCANAAN PEMBANGUNAN DAERAH", "bappeda"),
    ("5.02.0.00.0.00.33.0000", "BADAN PENGELOLAAN KEUANGAN DAN ASET DAERAH", "bpkad"),
    ("5.02.0.00.0.00.34.0000", "BADAN PENDAPATAN DAERAH", "bapenda"),
    ("5.03.5.04.0.00.35.0000", "BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA", "bkpsdm"),
    ("5.05.0.00.0.00.36.0000", "BADAN PENELITIAN DAN PENGEMBANGAN DAERAH", "litbang"),
    ("6.01.0.00.0.00.37.0000", "INSPEKTORAT DAERAH", "inspektorat"),
    ("8.01.0.00.0.00.38.0000", "BADAN KESATUAN BANGSA DAN POLITIK", "kesbangpol"),
]

KECAMATAN = [
    "Samboja", "Muara Jawa", "Sanga-Sanga", "Loa Janan", "Loa Kulu", "Muara Muntai",
    "Muara Wis", "Kota Bangun", "Tenggarong", "Sebulu", "Tenggarong Seberang", "Anggana",
    "Muara Badak", "Marang Kayu", "Muara Kaman", "Kenohan", "Kembang Janggut", "Tabang",
]
for _i, _k in enumerate(KECAMATAN, start=1):
    OPDS.append(("7.01.0.00.0.00.%02d.0000" % _i, "KECAMATAN " + _k.upper(), "kecamatan"))

assert len(OPDS) == 56
assert len({c for c, _, _ in OPDS}) == 56

DINKES = "1.02.0.00.0.00.02.0000"
PKM_RAPAK = "1.02.0.00.0.00.02.0012"
PKM_LOAIPUH = "1.02.0.00.0.00.02.0013"
RSUD_DAYAKU = "1.02.0.00.0.00.02.0032"

SUBUNITS = {
    DINKES: [
        (PKM_RAPAK, "UPT PUSKESMAS RAPAK MAHANG"),
        (RSUD_DAYAKU, "RSUD DAYAKU RAJA KOTA BANGUN"),
        (PKM_LOAIPUH, "UPT PUSKESMAS LOA IPUH"),
        ("1.02.0.00.0.00.02.0031", "RSUD AJI BATARA AGUNG DEWA SAKTI SAMBOJA"),
    ],
    "1.01.2.22.0.00.01.0000": [("1.01.2.22.0.00.01.0001", "UPT MUSEUM MULAWARMAN")],
    "2.15.0.00.0.00.18.0000": [("2.15.0.00.0.00.18.0001", "UPT PELABUHAN PENYEBERANGAN TENGGARONG")],
    "7.01.0.00.0.00.09.0000": [
        ("7.01.0.00.0.00.09.0001", "KELURAHAN MELAYU"),
        ("7.01.0.00.0.00.09.0002", "KELURAHAN PANJI"),
    ],
    "7.01.0.00.0.00.01.0000": [("7.01.0.00.0.00.01.0001", "KELURAHAN SAMBOJA KUALA")],
}


def rollup(code):
    segs = code.split(".")
    if len(segs) == 8 and segs[7] != "0000":
        return ".".join(segs[:7] + ["0000"])
    return code


# SIRUP kd_satker (a SIRUP number) and SPSE kd_satker (an LPSE-local number).
SIRUP_SATKER = {}
LPSE_SATKER = {}
_all_units = [c for c, _, _ in OPDS] + [s for subs in SUBUNITS.values() for s, _ in subs]
_sirup_nums = rng.sample(range(61000, 62999), len(_all_units))
for _c, _n in zip(_all_units, _sirup_nums):
    SIRUP_SATKER[_c] = _n
for _c in _all_units:
    LPSE_SATKER[_c] = "%d%03d" % (rng.randint(10000, 49999), LPSE_ID)

NAME_OF = {c: n for c, n, _ in OPDS}
for _subs in SUBUNITS.values():
    for _s, _n in _subs:
        NAME_OF[_s] = _n
KIND_OF = {c: k for c, _, k in OPDS}

# ---------------------------------------------------------------------------
# Package catalog: (name, jenis, min juta, max juta, tags)
#   tags: 'imp' import-prone (PDN may be Non PDN), 'big' specialised (often Non UKM),
#         'modal' belanja modal (account 5.2)
# ---------------------------------------------------------------------------

B, K, KS, JL = "Barang", "Pekerjaan Konstruksi", "Jasa Konsultansi", "Jasa Lainnya"

COMMON = [
    ("Belanja Alat Tulis Kantor", B, 8, 120, ""),
    ("Belanja Makanan dan Minuman Rapat", B, 10, 150, ""),
    ("Belanja Bahan Cetak", B, 5, 60, ""),
    ("Belanja Alat/Bahan untuk Kegiatan Kantor-Kertas dan Cover", B, 5, 45, ""),
    ("Belanja Pemeliharaan Kendaraan Dinas Operasional", JL, 20, 180, ""),
    ("Belanja Jasa Tenaga Kebersihan Kantor", JL, 60, 190, ""),
    ("Belanja Pakaian Dinas Harian", B, 15, 90, ""),
    ("Belanja Modal Komputer Unit/Laptop", B, 30, 190, "imp modal"),
    ("Belanja Modal Mebel Kantor", B, 25, 150, "modal"),
    ("Belanja Modal Alat Pendingin Ruangan (AC)", B, 20, 120, "imp modal"),
    ("Belanja Suvenir/Cendera Mata", B, 5, 40, ""),
    ("Belanja Bahan Bakar Minyak/Gas", B, 20, 150, ""),
    ("Belanja Makanan dan Minuman Jamuan Tamu", B, 10, 90, ""),
    ("Belanja Pemeliharaan Gedung Kantor", K, 40, 195, ""),
    ("Belanja Cetak Spanduk dan Baliho", B, 5, 35, ""),
    ("Belanja Jasa Service Komputer dan Printer", JL, 5, 40, ""),
    ("Belanja Sewa Tenda dan Kursi", JL, 5, 60, ""),
]

SPECIFIC = {
    "pendidikan": [
        ("Rehabilitasi Ruang Kelas SDN 001 Tenggarong", K, 300, 1500, ""),
        ("Pembangunan Ruang Kelas Baru SMPN 2 Loa Kulu", K, 900, 2800, ""),
        ("Pengadaan Meubelair Sekolah Dasar", B, 250, 1200, "modal"),
        ("Belanja Seragam Sekolah Gratis", B, 400, 2000, ""),
        ("Pengadaan Buku Bacaan Perpustakaan Sekolah", B, 150, 600, "modal"),
        ("Pengadaan Alat Praktik Laboratorium IPA SMP", B, 200, 900, "imp modal big"),
    ],
    "kesehatan": [
        ("Belanja Obat-obatan Program", B, 300, 1800, "imp big"),
        ("Belanja Bahan Medis Habis Pakai", B, 150, 900, "imp"),
        ("Belanja Modal Alat Kedokteran Umum", B, 250, 1500, "imp modal big"),
        ("Belanja Reagen Laboratorium Kesehatan Daerah", B, 100, 600, "imp big"),
        ("Pengadaan Ambulans Puskesmas Keliling", B, 400, 900, "modal big"),
        ("Belanja Makanan Tambahan Balita Gizi Kurang", B, 80, 400, ""),
    ],
    "rsud": [
        ("Belanja Obat dan BMHP Instalasi Farmasi", B, 800, 2500, "imp big"),
        ("Pengadaan Alat Kesehatan Ruang ICU", B, 600, 2000, "imp modal big"),
        ("Belanja Makanan dan Minuman Pasien Rawat Inap", B, 300, 1200, ""),
        ("Belanja Jasa Laundry dan Linen", JL, 100, 400, ""),
        ("Belanja Gas Medis Oksigen", B, 250, 900, "big"),
        ("Pemeliharaan Alat Kesehatan Radiologi", JL, 150, 700, "imp big"),
    ],
    "pu": [
        ("Pemeliharaan Jalan Poros Tenggarong \u2013 Kota Bangun", K, 2500, 9800, ""),
        ("Peningkatan Jalan Loa Kulu \u2013 Loa Janan", K, 3000, 12000, ""),
        ("Rehabilitasi Jembatan Sebulu", K, 900, 4500, ""),
        ("Pembangunan Drainase Kelurahan Melayu Tenggarong", K, 600, 2400, ""),
        ("Jasa Konsultansi Perencanaan Teknis Jalan Muara Badak", KS, 150, 600, ""),
        ("Pengawasan Teknis Peningkatan Jalan Kembang Janggut \u2013 Tabang", KS, 200, 700, ""),
        ("Pembangunan Turap Sungai Mahakam Kecamatan Anggana", K, 1500, 6500, ""),
    ],
    "perkim": [
        ("Pembangunan Rumah Layak Huni Kecamatan Muara Kaman", K, 500, 2500, ""),
        ("Pembangunan Penerangan Jalan Kawasan Permukiman", K, 300, 1200, ""),
        ("Penyediaan Air Bersih Perdesaan Kenohan", K, 400, 1800, ""),
        ("Jasa Konsultansi Perencanaan Kawasan Kumuh", KS, 120, 450, ""),
    ],
    "satpol": [
        ("Pengadaan Pakaian Dinas Lapangan Satpol PP", B, 100, 450, ""),
        ("Belanja Makanan dan Minuman Operasi Penertiban", B, 30, 150, ""),
        ("Pengadaan Pakaian Linmas", B, 80, 300, ""),
    ],
    "bpbd": [
        ("Pengadaan Perahu Karet Evakuasi", B, 150, 600, "imp modal big"),
        ("Belanja Logistik Tanggap Darurat Banjir", B, 100, 500, ""),
        ("Pengadaan Tenda Pengungsi", B, 80, 300, ""),
    ],
    "damkar": [],
    "sosial": [
        ("Pengadaan Paket Permakanan Lansia Terlantar", B, 100, 450, ""),
        ("Belanja Bahan Logistik Buffer Stock Bencana", B, 80, 350, ""),
    ],
    "naker": [
        ("Pelatihan Berbasis Kompetensi Las Listrik", JL, 150, 500, ""),
        ("Pembangunan Jalan Kawasan Transmigrasi Kota Bangun", K, 800, 3000, ""),
    ],
    "p3a": [
        ("Belanja Jasa Pendampingan Korban Kekerasan", JL, 40, 180, ""),
        ("Belanja Cetak Media Kampanye Stop Perkawinan Anak", B, 15, 80, ""),
    ],
    "pangan": [
        ("Pengadaan Cadangan Pangan Beras Daerah", B, 500, 2500, ""),
        ("Belanja Jasa Uji Keamanan Pangan Segar", JL, 40, 150, ""),
    ],
    "pertanahan": [],
    "dlh": [
        ("Pengadaan Tong Sampah Terpilah", B, 80, 350, ""),
        ("Belanja Jasa Pengangkutan Sampah Kecamatan Tenggarong", JL, 300, 1500, ""),
        ("Pengadaan Dump Truck Pengangkut Sampah", B, 600, 1800, "modal big"),
    ],
    "dukcapil": [
        ("Belanja Cetak Formulir Kependudukan", B, 30, 150, ""),
        ("Pengadaan Perangkat Perekaman KTP-el", B, 200, 800, "imp modal big"),
    ],
    "pmd": [
        ("Belanja Jasa Pelatihan Aparatur Pemerintah Desa", JL, 100, 450, ""),
        ("Belanja Cetak Buku Profil Desa", B, 30, 120, ""),
    ],
    "kb": [
        ("Pengadaan Sarana Pelayanan KB (Implant Kit)", B, 100, 400, "imp"),
        ("Belanja Cetak Media KIE Keluarga Berencana", B, 20, 90, ""),
    ],
    "dishub": [
        ("Pemasangan Rambu Lalu Lintas Jalan Kabupaten", B, 200, 900, ""),
        ("Pengadaan Lampu Penerangan Jalan Umum", B, 400, 1800, "imp big"),
        ("Pemeliharaan Dermaga Penyeberangan Tenggarong Seberang", K, 300, 1200, ""),
        ("Pengadaan Alat Pengujian Kendaraan Bermotor", B, 500, 2200, "imp modal big"),
    ],
    "kominfo": [
        ("Belanja Jasa Internet/Bandwidth", JL, 300, 900, "big"),
        ("Pengadaan Perangkat Jaringan Data Center", B, 300, 1200, "imp modal big"),
        ("Pengembangan Aplikasi Satu Data Kukar", JL, 150, 500, "big"),
        ("Pengadaan Perangkat Videotron Ruang Publik", B, 250, 800, "imp modal big"),
    ],
    "koperasi": [
        ("Belanja Jasa Pelatihan Kewirausahaan UMKM", JL, 100, 400, ""),
        ("Belanja Jasa Fasilitasi Pameran Produk UMKM Kukar", JL, 80, 300, ""),
    ],
    "dpmptsp": [
        ("Belanja Jasa Promosi Investasi Daerah", JL, 100, 450, ""),
    ],
    "dispora": [
        ("Pengadaan Peralatan Olahraga Cabang Unggulan", B, 150, 700, "imp"),
        ("Pemeliharaan Stadion Aji Imbut", K, 300, 1500, ""),
    ],
    "perpus": [],
    "perikanan": [
        ("Pengadaan Benih Ikan Nila", B, 100, 500, ""),
        ("Pengadaan Keramba Jaring Apung", B, 200, 900, "modal"),
        ("Pengadaan Pakan Ikan Mandiri", B, 80, 400, ""),
    ],
    "pariwisata": [
        ("Belanja Jasa Penyelenggaraan Erau Adat Pelas Benua", JL, 500, 2500, ""),
        ("Pembangunan Gazebo Pantai Tanah Merah Samboja", K, 150, 600, ""),
    ],
    "tanaman": [
        ("Pengadaan Benih Padi Unggul", B, 200, 900, ""),
        ("Pengadaan Alat Mesin Pertanian (Hand Traktor)", B, 400, 1600, "imp modal big"),
        ("Pembangunan Jalan Usaha Tani", K, 300, 1200, ""),
    ],
    "perkebunan": [
        ("Pengadaan Bibit Kelapa Sawit Unggul", B, 300, 1200, ""),
        ("Pengadaan Bibit Karet Klon Unggul", B, 150, 600, ""),
    ],
    "peternakan": [
        ("Pengadaan Bibit Sapi Bali", B, 400, 1500, ""),
        ("Pengadaan Vaksin Rabies", B, 60, 250, "imp big"),
    ],
    "perindag": [
        ("Rehabilitasi Pasar Tangga Arung Tenggarong", K, 800, 3500, ""),
        ("Pengadaan Alat Ukur Metrologi Legal", B, 150, 600, "imp big"),
    ],
    "setda": [
        ("Belanja Jasa Publikasi dan Dokumentasi Pimpinan", JL, 150, 600, ""),
        ("Pemeliharaan Rumah Jabatan Bupati", K, 200, 900, ""),
        ("Belanja Sewa Kendaraan Operasional", JL, 150, 700, "big"),
    ],
    "dprd": [
        ("Belanja Makanan dan Minuman Rapat Paripurna", B, 150, 700, ""),
        ("Belanja Jasa Publikasi Kegiatan DPRD", JL, 200, 900, ""),
        ("Belanja Pakaian Sipil Lengkap Anggota DPRD", B, 100, 350, ""),
        ("Pemeliharaan Gedung DPRD", K, 300, 1200, ""),
    ],
    "bappeda": [
        ("Jasa Konsultansi Penyusunan Rancangan Teknokratik RPJMD", KS, 200, 700, ""),
        ("Jasa Konsultansi Kajian Pengembangan Wilayah Pesisir", KS, 150, 500, ""),
    ],
    "bpkad": [
        ("Jasa Konsultansi Penilaian Aset Daerah", KS, 250, 900, "big"),
        ("Belanja Cetak Dokumen Anggaran", B, 30, 120, ""),
    ],
    "bapenda": [
        ("Belanja Cetak SPPT PBB-P2", B, 100, 400, "big"),
        ("Pengadaan Alat Perekam Transaksi Pajak (Tapping Box)", B, 300, 1200, "imp modal big"),
        ("Pengembangan Sistem Informasi Pajak Daerah", JL, 300, 1000, "big"),
    ],
    "bkpsdm": [
        ("Belanja Jasa Penyelenggaraan Diklat Kepemimpinan", JL, 150, 600, ""),
        ("Belanja Cetak Kartu Pegawai Elektronik", B, 30, 120, ""),
    ],
    "litbang": [
        ("Jasa Konsultansi Kajian Inovasi Daerah", KS, 100, 400, ""),
    ],
    "inspektorat": [
        ("Belanja Jasa Konsultansi Reviu Laporan Keuangan", KS, 80, 300, ""),
    ],
    "kesbangpol": [
        ("Belanja Jasa Penyelenggaraan Forum Kewaspadaan Dini", JL, 50, 200, ""),
    ],
    "kecamatan": [
        ("Pemeliharaan Gedung Kantor Camat", K, 50, 190, ""),
        ("Rehabilitasi Balai Pertemuan Kecamatan", K, 100, 450, ""),
        ("Belanja Jasa Dekorasi Pelaksanaan MTQ Tingkat Kecamatan", JL, 20, 90, ""),
        ("Belanja Pakaian Linmas Kecamatan", B, 20, 80, ""),
    ],
}

# ---------------------------------------------------------------------------
# Vendors
# ---------------------------------------------------------------------------


def make_npwp():
    a = rng.randint(1, 99)
    b = rng.randint(100, 999)
    c = rng.randint(100, 999)
    d = rng.randint(1, 9)
    kpp = rng.choice([722, 721, 724, 725])
    npwp = "%02d.%03d.%03d.%d-%03d.000" % (a, b, c, d, kpp)
    npwp16 = "0%02d%03d%03d%d%03d000" % (a, b, c, d, kpp)
    return npwp, npwp16


VENDOR_NAMES = {
    "small_goods": [
        "CV. Mahakam Jaya Abadi", "CV. Putra Kutai Mandiri", "UD. Sinar Tenggarong",
        "CV. Tepian Pandan", "CV. Lembuswana Sakti", "UD. Sumber Rezeki Loa Janan",
        "CV. Kedaton Printing", "CV. Odah Etam Catering", "UD. Berkah Tani Kukar",
        "CV. Anggana Sejahtera", "CV. Kota Raja Elektrik", "CV. Borneo Karya Utama",
        "CV. Samboja Indah", "UD. Tani Makmur Sebulu", "CV. Naga Erau Kreasi",
    ],
    "small_works": [
        "CV. Loa Kulu Karya", "CV. Muara Badak Teknik", "CV. Jembatan Emas",
        "CV. Kembang Janggut Mandiri", "CV. Tabang Putra Konstruksi", "CV. Sebulu Bangun Persada",
    ],
    "small_consult": ["CV. Benua Etam Konsultan", "CV. Ilmu Hayati Engineering"],
    "big_goods": [
        "PT. Kaltim Medika Utama", "PT. Borneo Medika Farma", "PT. Pilar Medika Nusantara",
        "PT. Nusantara Data Solusi", "PT. Borneo Digital Teknologi", "PT. Etam Otomotif Sejahtera",
        "PT. Kukar Niaga Utama", "PT. Mahakam Sarana Niaga",
    ],
    "big_works": [
        "PT. Kutai Bangun Persada", "PT. Etam Konstruksi Nusantara", "PT. Tenggarong Aspal Mix",
        "PT. Mahakam Mitra Teknik",
    ],
    "big_consult": ["PT. Wahana Cipta Konsultan", "PT. Sarana Rekayasa Borneo"],
}
VENDORS = {}
for _grp in sorted(VENDOR_NAMES):
    for _name in VENDOR_NAMES[_grp]:
        _npwp, _npwp16 = make_npwp()
        VENDORS[_name] = {"name": _name, "npwp": _npwp, "npwp16": _npwp16,
                          "kd": rng.randint(100000, 29999999), "group": _grp}
for _name in ["Koperasi Karyawan Sejahtera", "KUD Maju Bersama"]:
    _npwp, _npwp16 = make_npwp()
    VENDORS[_name] = {"name": _name, "npwp": _npwp, "npwp16": _npwp16,
                      "kd": rng.randint(100000, 29999999), "group": "koperasi"}


# goods/services vendors by what the package buys (first matching keyword wins)
SMALL_BY_KEYWORD = [
    (("Makan", "Jamuan", "Permakanan", "Logistik", "Cadangan Pangan"),
     ["CV. Odah Etam Catering", "UD. Sumber Rezeki Loa Janan"]),
    (("Cetak", "Spanduk", "Formulir", "Kalender", "Media KIE", "Buku", "SPPT", "Publikasi"),
     ["CV. Kedaton Printing", "UD. Sinar Tenggarong"]),
    (("Tulis", "Kertas", "Kegiatan Kantor"), ["CV. Mahakam Jaya Abadi", "CV. Putra Kutai Mandiri"]),
    (("Komputer", "Laptop", "AC", "Pendingin", "Listrik", "Lampu", "Perangkat", "Aplikasi",
      "Internet", "Sistem", "Videotron", "Rambu", "Alat"),
     ["CV. Kota Raja Elektrik", "CV. Borneo Karya Utama"]),
    (("Pakaian", "Seragam", "Linen", "Laundry", "Tenda Pengungsi"),
     ["CV. Tepian Pandan", "CV. Samboja Indah"]),
    (("Benih", "Bibit", "Pupuk", "Pakan", "Tani", "Keramba", "Vaksin"),
     ["UD. Berkah Tani Kukar", "UD. Tani Makmur Sebulu"]),
    (("Tenda", "Dekorasi", "Suvenir", "Erau", "Pameran", "Promosi", "Diklat", "Pelatihan",
      "Forum", "Pendampingan"), ["CV. Naga Erau Kreasi"]),
    (("Kendaraan", "Bahan Bakar", "Sewa"), ["CV. Lembuswana Sakti"]),
]
BIG_BY_KEYWORD = [
    (("Obat", "Medis", "Kesehatan", "Kedokteran", "Reagen", "Oksigen", "Ambulans", "Radiologi",
      "Implant", "Gas"), ["PT. Kaltim Medika Utama", "PT. Borneo Medika Farma",
                          "PT. Pilar Medika Nusantara"]),
    (("Komputer", "Laptop", "Perangkat", "Aplikasi", "Internet", "Sistem", "Videotron", "Tapping",
      "Data", "Alat Ukur", "Pengujian", "Lampu"),
     ["PT. Nusantara Data Solusi", "PT. Borneo Digital Teknologi"]),
    (("Mobil", "Truck", "Perahu", "Traktor", "Kendaraan"), ["PT. Etam Otomotif Sejahtera"]),
]


def pick_vendor(jenis, small, name=""):
    if jenis == K:
        grp = "small_works" if small else "big_works"
    elif jenis == KS:
        grp = "small_consult" if small else "big_consult"
    else:
        table = SMALL_BY_KEYWORD if small else BIG_BY_KEYWORD
        for words, names in table:
            if any(w in name for w in words):
                return VENDORS[rng.choice(names)]
        if small:
            return VENDORS[rng.choice(["CV. Anggana Sejahtera", "CV. Borneo Karya Utama",
                                       "UD. Sumber Rezeki Loa Janan", "CV. Samboja Indah"])]
        return VENDORS[rng.choice(["PT. Kukar Niaga Utama", "PT. Mahakam Sarana Niaga"])]
    return VENDORS[rng.choice(VENDOR_NAMES[grp])]


# ---------------------------------------------------------------------------
# Semantic line records and the expected-figure engine
# ---------------------------------------------------------------------------

class Line:
    """What the generator knows about one row it writes."""

    def __init__(self, file, stage, conds=(), opd=None, name=None, amount=None,
                 pdn=None, umkk=None, local=None, column=None, year=YEAR):
        self.file = file
        self.year = year          # fiscal year the row carries (None: none)
        self.stage = stage
        self.conds = set(conds)
        self.opd = opd            # raw OPD code as written (None/'' = missing)
        self.name = name          # OPD name as written
        self.amount = amount      # sen (None when not an amount)
        self.pdn = pdn            # sen or None (unknown)
        self.umkk = umkk
        self.local = local
        self.column = column      # column named in a rejection
        self.line_no = None       # physical line where the row starts
        self.codes = []           # RUP codes the row names (split, without duplicates)
        self.notes = []

    @property
    def reason(self):
        for r in REASON_ORDER:
            if r in self.conds:
                return r
        return None

    @property
    def bucket(self):
        r = self.reason
        if r is None:
            return "included"
        return "rejected" if r in REJECT_REASONS else "excluded"


def empty_group():
    return {"lines": 0, "total": 0,
            "pdn": [0, 0], "umkk": [0, 0], "local": [0, 0]}


def add_to_group(g, ln):
    g["lines"] += 1
    g["total"] += ln.amount
    for m in ("pdn", "umkk", "local"):
        v = getattr(ln, m)
        if v is None:
            g[m][1] += ln.amount
        else:
            assert 0 <= v <= ln.amount, (ln.file, ln.line_no, m, v, ln.amount)
            g[m][0] += v


def group_json(g):
    if g is None:
        return None
    return {"lines": g["lines"], "total": money_str(g["total"]),
            "pdn": {"amount": money_str(g["pdn"][0]), "unknown": money_str(g["pdn"][1])},
            "umkk": {"amount": money_str(g["umkk"][0]), "unknown": money_str(g["umkk"][1])},
            "local": {"amount": money_str(g["local"][0]), "unknown": money_str(g["local"][1])}}


def check(g, metric, minimum):
    """CONTRACT §4.3 rule check (exact integer arithmetic)."""
    if g is None or g["total"] <= 0:
        return {"status": "no_data", "share": None, "gap": None}
    amount, unknown = g[metric]
    total = g["total"]
    if amount * 100 >= minimum * total:
        status = "pass"
    elif (amount + unknown) * 100 < minimum * total:
        status = "fail"
    else:
        status = "undetermined"
    need = minimum * total - 100 * amount   # (amount + x) * 100 >= min * total
    gap = 0 if need <= 0 else -(-need // 100)
    return {"status": status, "share": Num(share_str(amount, total)), "gap": money_str(gap)}


# ---------------------------------------------------------------------------
# 1. SIRUP RUP paket penyedia (plan)
# ---------------------------------------------------------------------------

SIRUP_COLUMNS = [
    "tahun_anggaran", "kd_klpd", "nama_klpd", "jenis_klpd", "kd_satker", "kd_satker_str",
    "nama_satker", "kd_rup", "nama_paket", "pagu", "kd_metode_pengadaan", "metode_pengadaan",
    "kd_jenis_pengadaan", "jenis_pengadaan", "status_pradipa", "status_pdn", "status_ukm",
    "alasan_non_ukm", "status_konsolidasi", "tipe_paket", "volume_pekerjaan",
    "tgl_awal_pemilihan", "tgl_buat_paket", "tgl_pengumuman_paket", "nip_ppk", "nama_ppk",
    "status_aktif_rup", "status_delete_rup", "status_umumkan_rup", "_event_date",
]

METODE_KD = {"Pengadaan Langsung": 8, "E-Purchasing": 9, "Tender": 13, "Seleksi": 15}
JENIS_KD = {B: "1", K: "2", KS: "3", JL: "4"}
ALASAN_NON_UKM = [
    "Pekerjaan memerlukan kemampuan teknis yang tidak dapat dipenuhi usaha kecil",
    "Barang/jasa tidak dapat disediakan oleh usaha kecil, menengah dan koperasi",
    "Nilai paket di atas Rp15 miliar",
]
PPK_NAMES = [
    "Ir. H. Ahmad Junaidi, M.T.", "Hj. Siti Rahmawati, S.E., M.M.", "Dr. Andi Syahrir, M.Kes",
    "Muhammad Ridwan, S.Sos., M.Si", "Rina Puspitasari, S.T.", "Drs. Syahruddin Noor",
    "Yuliana Kartika, S.Kep., Ns.", "Abdul Rachman, S.H.", "Desy Fitriani, S.Pd., M.Pd.",
    "H. Rusdiansyah, S.Hut.",
]

_rup_counter = [31500000]


def next_kd_rup():
    _rup_counter[0] += rng.randint(37, 4211)
    return _rup_counter[0]


def rand_pagu(lo_juta, hi_juta):
    """Pagu in whole rupiah, rounded to Rp100 or Rp1.000 like real RUP entries."""
    rupiah = rng.randint(lo_juta * 1000, hi_juta * 1000) * 1000
    if rng.randrange(100) < 35:
        rupiah += rng.randint(0, 9) * 100
    return rp(rupiah)


def metode_for(jenis, pagu_sen, tags):
    r = pagu_sen // 100
    if jenis == KS:
        return "Seleksi" if r > 100_000_000 else "Pengadaan Langsung"
    if r > 200_000_000:
        if jenis == B and rng.randrange(100) < 30:
            return "E-Purchasing"
        return "Tender"
    if jenis == B and rng.randrange(100) < 25:
        return "E-Purchasing"
    return "Pengadaan Langsung"


class Package:
    def __init__(self, opd, unit, name, jenis, pagu, pdn, ukm, tags=""):
        self.opd = opd            # OPD (roll-up) code
        self.unit = unit          # code written in kd_satker_str (OPD or sub-unit)
        self.name = name
        self.jenis = jenis
        self.pagu = pagu          # sen
        self.pdn = pdn            # 'PDN' / 'Non PDN' / ''
        self.ukm = ukm            # 'UKM' / 'Non UKM' / ''
        self.tags = tags
        self.metode = metode_for(jenis, pagu, tags)
        self.kd_rup = next_kd_rup()
        self.pagu_text = None     # override of the pagu cell text
        self.sirup_name = None    # name as written in SIRUP when it differs
        self.year = YEAR
        self.aktif = "true"
        self.delete = "false"
        self.umumkan = "Terumumkan"
        self.kd_satker = SIRUP_SATKER.get(unit)
        self.kd_satker_str = unit
        self.conds = set()
        self.column = None


def ukm_share_ok(pkgs, lo, hi):
    tot = sum(p.pagu for p in pkgs)
    ukm = sum(p.pagu for p in pkgs if p.ukm == "UKM")
    return lo * tot <= ukm * 100 < hi * tot


def generic_packages(code, kind):
    n = rng.randint(4, 10)
    spec = list(SPECIFIC.get(kind, []))
    rng.shuffle(spec)
    k = min(len(spec), rng.randint(1, 4), n)
    chosen = spec[:k]
    common = list(COMMON)
    rng.shuffle(common)
    chosen += common[: n - k]
    subs = SUBUNITS.get(code, [])
    pkgs = []
    for i, (name, jenis, lo, hi, tags) in enumerate(chosen):
        unit = code
        # sub-unit lines: a minority of the OPD's packages
        if subs and i % 3 == 2:
            unit = subs[(i // 3) % len(subs)][0]
        pagu = rand_pagu(lo, hi)
        pdn = "PDN"
        if "imp" in tags and rng.randrange(100) < 30:
            pdn = "Non PDN"
        ukm = "UKM"
        if "big" in tags and rng.randrange(100) < 50:
            ukm = "Non UKM"
        elif jenis in (K, KS) and pagu > rp(2_500_000_000) and rng.randrange(100) < 30:
            ukm = "Non UKM"
        pkgs.append(Package(code, unit, name, jenis, pagu, pdn, ukm, tags))
    return pkgs


def force_share(pkgs, target_lo, target_hi):
    """Flip UKM flags until lo <= share < hi (percent)."""
    # Fail-clear targets: start all Non UKM, add the smallest as UKM while below hi.
    if target_hi <= 40:
        for p in pkgs:
            p.ukm = "Non UKM"
        for p in sorted(pkgs, key=lambda p: p.pagu):
            p.ukm = "UKM"
            if not ukm_share_ok(pkgs, 0, target_hi):
                p.ukm = "Non UKM"
                break
        assert any(p.ukm == "UKM" for p in pkgs)
        return
    for p in sorted(pkgs, key=lambda p: p.pagu):
        if ukm_share_ok(pkgs, target_lo, 101):
            break
        p.ukm = "UKM"


FAIL_CLEAR = {
    "1.02.0.00.0.00.03.0000": 30,  # RSUD A.M. Parikesit
    "2.16.2.20.2.21.19.0000": 30,  # Kominfo
    "5.02.0.00.0.00.34.0000": 25,  # Bapenda
    "2.15.0.00.0.00.18.0000": 35,  # Perhubungan
}
NEAR_MISS = "1.05.0.00.0.00.08.0000"    # Damkar: 399,999,999.99 of 1,000,000,000.00
EXACT_40 = "2.23.2.24.0.00.23.0000"     # Perpustakaan: exactly 40.00 %
UNDETERMINED = "2.10.0.00.0.00.13.0000"  # Pertanahan: status_ukm empty on some lines


def special_packages(code):
    P = Package
    if code == NEAR_MISS:
        pk = [
            P(code, code, "Pengadaan Selang Pemadam Kebakaran", B, rp(187_500_000), "PDN", "UKM"),
            P(code, code, "Pengadaan Alat Pelindung Diri Petugas Pemadam", B, rp(212_499_999, 99),
              "PDN", "UKM"),
            P(code, code, "Pengadaan Mobil Pemadam Kebakaran Tipe Pumper", B, rp(525_000_000, 1),
              "PDN", "Non UKM", "modal big"),
            P(code, code, "Belanja Modal Alat Komunikasi Handy Talky", B, rp(75_000_000),
              "Non PDN", "Non UKM", "imp modal"),
        ]
        return pk
    if code == EXACT_40:
        return [
            P(code, code, "Pengadaan Buku Bacaan Perpustakaan Daerah", B, rp(150_000_000),
              "PDN", "UKM", "modal"),
            P(code, code, "Belanja Alat Tulis Kantor", B, rp(50_000_000), "PDN", "UKM"),
            P(code, code, "Belanja Jasa Alih Media Arsip Statis", JL, rp(250_000_000), "PDN",
              "Non UKM"),
            P(code, code, "Pengadaan Rak Arsip Roll O'Pack", B, rp(50_000_000), "PDN", "Non UKM",
              "modal"),
        ]
    if code == UNDETERMINED:
        return [
            P(code, code, "Jasa Pengukuran dan Pemetaan Bidang Tanah Aset Daerah", JL,
              rp(300_000_000), "PDN", "Non UKM"),
            P(code, code, "Belanja Alat Tulis Kantor", B, rp(40_000_000), "PDN", "UKM"),
            P(code, code, "Belanja Makanan dan Minuman Rapat", B, rp(35_000_000), "PDN", "UKM"),
            P(code, code, "Belanja Patok Batas Tanah Beton", B, rp(125_000_000), "PDN", ""),
            P(code, code, "Jasa Konsultansi Penyusunan Neraca Penatagunaan Tanah", KS,
              rp(100_000_000), "", ""),
        ]
    return None


def build_plan():
    pkgs = []
    for code, name, kind in OPDS:
        sp = special_packages(code)
        if sp is not None:
            pkgs.extend(sp)
            continue
        opd_pk = generic_packages(code, kind)
        if code == DINKES:
            # always a puskesmas and an RSUD sub-unit line in the plan
            for unit in (PKM_RAPAK, RSUD_DAYAKU):
                if not any(p.unit == unit for p in opd_pk):
                    p = [q for q in opd_pk if q.unit == code][-1]
                    p.unit = p.kd_satker_str = unit
                    p.kd_satker = SIRUP_SATKER[unit]
        if code in FAIL_CLEAR:
            force_share(opd_pk, 0, FAIL_CLEAR[code])
        else:
            force_share(opd_pk, 45, 101)
        pkgs.extend(opd_pk)
    # a few pagu values with sen
    sen_targets = [p for p in pkgs if p.opd not in (NEAR_MISS, EXACT_40, UNDETERMINED)
                   and p.opd not in FAIL_CLEAR and p.jenis == B and p.pagu < rp(200_000_000)]
    for p, (r, s) in zip(rng.sample(sen_targets, 4),
                         [(12_500_000, 50), (0, 25), (0, 75), (0, 10)]):
        p.pagu = rp(r, s) if r else p.pagu + s
    # every OPD has 4..10 included packages
    for code, _, _ in OPDS:
        n = sum(1 for p in pkgs if p.opd == code)
        assert 4 <= n <= 10, (code, n)
    return pkgs


def sirup_extra_rows(pkgs):
    """Out-of-scope and rejected SIRUP rows (added to the 4..10 included packages)."""
    P = Package
    extras = []

    def mk(code, name, jenis, pagu, pdn="PDN", ukm="UKM", unit=None):
        p = P(code, unit or code, name, jenis, pagu, pdn, ukm)
        extras.append(p)
        return p

    # deleted
    p = mk(EXACT_40, "Pengadaan Perangkat Otomasi Perpustakaan (RFID)", B, rp(100_000_000),
           "Non PDN", "Non UKM")
    p.delete = "true"; p.conds.add("deleted")
    p = mk("1.03.0.00.0.00.04.0000", "Peningkatan Jalan Loa Janan \u2013 Sanga-Sanga (Batal)", K,
           rp(4_750_000_000), "PDN", "UKM")
    p.delete = "true"; p.aktif = "false"; p.conds |= {"deleted", "inactive"}
    p = mk("7.01.0.00.0.00.12.0000", "Belanja Alat Tulis Kantor", B, rp(24_000_000))
    p.delete = "true"; p.year = 2021; p.conds |= {"deleted", "other-year"}
    # inactive
    p = mk("2.11.0.00.0.00.14.0000", "Pengadaan Kontainer Sampah (Revisi)", B, rp(180_000_000))
    p.aktif = "false"; p.conds.add("inactive")
    p = mk("3.26.0.00.0.00.25.0000", "Belanja Makanan dan Minuman Rapat", B, rp(35_000_000))
    p.aktif = "false"; p.conds.add("inactive")
    p = mk("4.02.0.00.0.00.31.0000", "Belanja Jasa Publikasi Kegiatan DPRD (Ganda)", JL,
           rp(250_000_000))
    p.aktif = "false"; p.umumkan = "Draf"; p.conds |= {"inactive", "not-announced"}
    # not announced
    p = mk("1.01.2.22.0.00.01.0000", "Pengadaan Laptop Guru Sekolah Dasar", B,
           rp(1_250_000_000), "Non PDN", "Non UKM")
    p.umumkan = "Draf"; p.conds.add("not-announced")
    p = mk("7.01.0.00.0.00.05.0000", "Belanja Pakaian Linmas Kecamatan", B, rp(45_000_000))
    p.umumkan = "Final Draft"; p.conds.add("not-announced")
    p = mk("3.27.0.00.0.00.26.0000", "Pengadaan Pupuk Organik Cair", B, rp(0))
    p.umumkan = "Draf"; p.pagu_text = "null"; p.conds |= {"not-announced", "missing-amount"}
    p.column = "pagu"
    # other year
    p = mk("4.01.0.00.0.00.30.0000", "Belanja Makanan dan Minuman Jamuan Tamu", B, rp(85_000_000))
    p.year = 2021; p.conds.add("other-year")
    p = mk("1.03.0.00.0.00.04.0000", "Pemeliharaan Jalan Poros Tenggarong \u2013 Kota Bangun", K,
           rp(3_200_000_000))
    p.year = 2021; p.conds.add("other-year")
    p = mk("7.01.0.00.0.00.13.0000", "Belanja Modal Mebel Kantor", B, rp(60_000_000))
    p.year = 2021; p.conds.add("other-year")
    # missing amount
    p = mk("2.19.0.00.0.00.22.0000", "Pengadaan Peralatan Olahraga Sepak Takraw", B, rp(0))
    p.pagu_text = "null"; p.conds.add("missing-amount"); p.column = "pagu"
    p = mk("7.01.0.00.0.00.16.0000", "Belanja Makanan dan Minuman Rapat", B, rp(0))
    p.pagu_text = ""; p.conds.add("missing-amount"); p.column = "pagu"
    # bad amount
    p = mk("2.13.0.00.0.00.16.0000", "Belanja Cetak Buku Profil Desa", B, rp(0))
    p.pagu_text = "12,3,4"; p.conds.add("bad-amount"); p.column = "pagu"
    p = mk("3.25.0.00.0.00.24.0000", "Pengadaan Benih Ikan Patin", B, rp(0))
    p.pagu_text = "75.000.00"; p.conds.add("bad-amount"); p.column = "pagu"
    # missing OPD (both kd_satker and kd_satker_str empty)
    p = mk("", "Belanja Alat Tulis Kantor", B, rp(15_000_000), unit="")
    p.kd_satker = None; p.kd_satker_str = ""; p.conds.add("missing-opd"); p.column = "kd_satker_str"
    p = mk("", "Belanja Jasa Kebersihan Gedung", JL, rp(96_000_000), unit="")
    p.kd_satker = None; p.kd_satker_str = ""; p.year = 2021
    p.conds |= {"missing-opd", "other-year"}; p.column = "kd_satker_str"
    for e in extras:
        e.metode = metode_for(e.jenis, e.pagu or rp(1), e.tags)
    return extras


def sirup_row(p):
    unit_name = "" if not p.unit else NAME_OF[p.unit]
    if p.unit == "" and not p.kd_satker_str:
        unit_name = ""
    nama = p.sirup_name or p.name
    if p.pagu_text is not None:
        pagu_cell = Raw(p.pagu_text) if p.pagu_text not in ("12,3,4",) else "12,3,4"
    else:
        pagu_cell = Raw(isb_num(p.pagu, keep_two=True))
    y = p.year
    m = rng.randint(1, 3) if y == YEAR else rng.randint(10, 12)
    d = rng.randint(1, 28)
    buat = "%d-%02d-%02d" % (y - 1 if m == 1 else y, 12 if m == 1 else m - 1, rng.randint(1, 28))
    umum = "%d-%02d-%02d %02d:%02d:%02d" % (y, m, d, rng.randint(7, 22), rng.randint(0, 59),
                                            rng.randint(0, 59))
    status_umumkan = p.umumkan
    if status_umumkan != "Terumumkan":
        umum_cell = None
    else:
        umum_cell = umum
    return [
        Raw(str(y)), KD_KLPD, NAMA_KLPD, "KABUPATEN",
        None if p.kd_satker is None else Raw(str(p.kd_satker)),
        p.kd_satker_str, unit_name, Raw(str(p.kd_rup)), nama, pagu_cell,
        Raw(str(METODE_KD[p.metode])), p.metode, JENIS_KD[p.jenis], p.jenis,
        "PraDIPA" if rng.randrange(100) < 15 else "Non-PraDIPA",
        p.pdn, p.ukm,
        rng.choice(ALASAN_NON_UKM) if p.ukm == "Non UKM" else None,
        "Non-Konsolidasi", "Penyedia",
        "1 Paket" if p.jenis != B else rng.choice(["1 Paket", "1 Tahun", "12 Bulan", "1 Kegiatan"]),
        "%d-%02d-01" % (y, min(12, m + 1)), buat, umum_cell,
        "19%02d%02d%02d%04d%02d%d%03d" % (rng.randint(65, 89), rng.randint(1, 12),
                                          rng.randint(1, 28), rng.randint(1990, 2015),
                                          rng.randint(1, 12), rng.randint(1, 2),
                                          rng.randint(1, 20)),
        rng.choice(PPK_NAMES),
        Raw(p.aktif), Raw(p.delete), status_umumkan,
        "2022-06-13",
    ]


# ---------------------------------------------------------------------------
# 2. SPSE non-tender results (realization) and 3. tender results
# ---------------------------------------------------------------------------

NONTENDER_COLUMNS = [
    "tahun_anggaran", "lpse_id", "kd_klpd", "nama_klpd", "jenis_klpd", "kd_satker",
    "kd_satker_str", "nama_satker", "kd_lpse", "nama_lpse", "kd_nontender", "kd_pkt_dce",
    "kd_rup", "nama_paket", "pagu", "hps", "nilai_penawaran", "nilai_terkoreksi",
    "nilai_negosiasi", "nilai_kontrak", "nilai_pdn_kontrak", "nilai_umk_kontrak", "sumber_dana",
    "mak", "kualifikasi_paket", "jenis_pengadaan", "mtd_pemilihan", "kontrak_pembayaran",
    "status_nontender", "tgl_pengumuman_nontender", "tgl_selesai_nontender", "kd_penyedia",
    "nama_penyedia", "npwp_penyedia", "npwp16_penyedia", "url_lpse", "tgl_penarikan",
]

TENDER_COLUMNS = [
    "tahun_anggaran", "kd_klpd", "nama_klpd", "jenis_klpd", "kd_satker", "nama_satker", "kd_lpse",
    "kd_tender", "kd_paket", "kd_rup_paket", "pagu", "hps", "nilai_penawaran", "nilai_terkoreksi",
    "nilai_negosiasi", "nilai_kontrak", "tgl_pengumuman_tender", "tgl_penetapan_pemenang",
    "kd_penyedia", "nama_penyedia", "npwp_penyedia", "npwp_16_penyedia", "nilai_pdn_kontrak",
    "nilai_umk_kontrak", "_event_date",
]

SPSE_JENIS = {B: "Pengadaan Barang", K: "Pekerjaan Konstruksi",
              KS: "Jasa Konsultansi Badan Usaha Non Konstruksi", JL: "Jasa Lainnya"}

ACCOUNTS = {
    B: ["5.1.02.01.01.0024", "5.1.02.01.01.0026", "5.1.02.01.01.0052", "5.1.02.01.01.0029"],
    JL: ["5.1.02.02.01.0013", "5.1.02.02.01.0029", "5.1.02.03.02.0035"],
    KS: ["5.1.02.02.01.0038"],
    K: ["5.2.03.01.01.0001", "5.2.04.01.01.0003"],
    "modal": ["5.2.02.05.01.0001", "5.2.02.10.01.0002", "5.2.02.07.01.0004"],
}

_kd_counter = [7850000]


def next_kd_spse():
    _kd_counter[0] += rng.randint(3, 977)
    return _kd_counter[0] * 1000 + LPSE_ID


def mak_for(unit, account, newer=None):
    segs = unit.split(".")
    sub = "%s.%s.%02d.2.%02d.%04d" % (segs[0], segs[1], rng.randint(1, 4), rng.randint(1, 9),
                                       rng.randint(1, 40))
    if newer is None:
        newer = rng.randrange(100) < 35
    if newer:
        return "%s.%s.1.1.1.20.10.30.001.%05d" % (sub, account, rng.randint(1, 140))
    return "%s.%s." % (sub, account)


def account_for(p):
    if "modal" in p.tags or p.name.startswith("Belanja Modal"):
        return rng.choice(ACCOUNTS["modal"])
    return rng.choice(ACCOUNTS[p.jenis])


def scale(sen, lo_bp, hi_bp, whole=False):
    """sen * U(lo,hi)/10000 with integer maths; whole rupiah when asked."""
    v = sen * rng.randint(lo_bp, hi_bp) // 10000
    if whole:
        v -= v % 100
    return v


def date_2022(m_lo=2, m_hi=11):
    m = rng.randint(m_lo, m_hi)
    return "2022-%02d-%02d" % (m, rng.randint(1, 28)), m


class Realized:
    """One SPSE result row being built."""

    def __init__(self, pkg, vendor, status="Selesai"):
        self.pkg = pkg
        self.vendor = vendor
        self.status = status
        self.kontrak = None       # sen or None
        self.kontrak_text = None  # override
        self.pdn_val = None       # sen or None (null)
        self.umk_val = None
        self.pdn_text = None
        self.umk_text = None
        self.mak = None
        self.conds = set()
        self.line = None
        self.nama_paket = pkg.name
        self.kd_rup_text = str(pkg.kd_rup)
        self.kd_satker_override = None


def small_vendor(v):
    return v["group"].startswith("small") or v["group"] == "koperasi"


def realize_values(r, partial_pdn=False):
    p = r.pkg
    r.kontrak = scale(p.pagu, 8600, 9900, whole=rng.randrange(100) < 50)
    if p.pdn == "Non PDN":
        r.pdn_val = 0
    elif partial_pdn and rng.randrange(100) < 40:
        r.pdn_val = scale(r.kontrak, 6000, 9500)
    else:
        r.pdn_val = r.kontrak
    r.umk_val = r.kontrak if small_vendor(r.vendor) else 0


def build_realization(plan_pkgs):
    nontender = []
    tender = []
    for code, _, _ in OPDS:
        mine = [p for p in plan_pkgs if p.opd == code]
        pl = [p for p in mine if p.metode in ("Pengadaan Langsung", "E-Purchasing")
              and p.pagu <= rp(200_000_000)]
        big = [p for p in mine if p.metode in ("Tender", "Seleksi")]
        if pl and rng.randrange(100) < 85:
            for p in rng.sample(pl, min(len(pl), rng.randint(1, 3))):
                v = pick_vendor(p.jenis, p.ukm != "Non UKM", p.name)
                r = Realized(p, v)
                realize_values(r)
                r.mak = mak_for(p.unit, account_for(p))
                nontender.append(r)
        for p in big:
            if rng.randrange(100) < 75:
                v = pick_vendor(p.jenis, p.ukm != "Non UKM", p.name)
                r = Realized(p, v)
                realize_values(r, partial_pdn=True)
                tender.append(r)
    return nontender, tender


def nontender_specials(plan_pkgs, nontender):
    """Inject the traps of the non-tender file; returns the list of new rows."""
    by_opd = {}
    for p in plan_pkgs:
        by_opd.setdefault(p.opd, []).append(p)
    new = []

    def pk(code, name, jenis, pagu, pdn="PDN", ukm="UKM", unit=None, tags=""):
        p = Package(code, unit or code, name, jenis, pagu, pdn, ukm, tags)
        p.metode = "Pengadaan Langsung"
        return p

    def add(p, vendor, status="Selesai"):
        r = Realized(p, VENDORS[vendor] if vendor else None, status)
        if vendor:
            realize_values(r)
        r.mak = mak_for(p.unit, account_for(p))
        new.append(r)
        return r

    # Berlangsung -> not-completed (values not final, often null)
    for code, name, jenis, pagu in [
        ("1.03.0.00.0.00.04.0000", "Perencanaan Teknis Rehabilitasi Jembatan Kutai Lama", KS,
         rp(185_000_000)),
        ("2.11.0.00.0.00.14.0000", "Belanja Jasa Pengangkutan Sampah Kelurahan Loa Ipuh Darat",
         JL, rp(145_500_000)),
        ("7.01.0.00.0.00.11.0000", "Pemeliharaan Gedung Kantor Camat", K, rp(120_000_000)),
        ("3.26.0.00.0.00.25.0000", "Belanja Cetak Kalender Event Pariwisata", B,
         rp(48_000_000)),
    ]:
        r = add(pk(code, name, jenis, pagu), None, "Berlangsung")
        r.conds.add("not-completed")
        r.kontrak = None
        r.pdn_val = r.umk_val = None
    # a Berlangsung row that also has a 0 contract value: not-completed wins
    r = add(pk("2.16.2.20.2.21.19.0000", "Belanja Jasa Pemeliharaan Aplikasi e-Office", JL,
               rp(95_000_000)), "CV. Kota Raja Elektrik", "Berlangsung")
    r.kontrak = 0; r.pdn_val = 0; r.umk_val = 0
    r.conds |= {"not-completed", "no-contract-value"}

    # Selesai with no contract value: null, empty, 0
    for code, name, text, vendor in [
        ("2.12.0.00.0.00.15.0000", "Belanja Cetak Formulir Kependudukan", "null",
         "CV. Kedaton Printing"),
        ("7.01.0.00.0.00.03.0000", "Belanja Alat Tulis Kantor", "", "CV. Mahakam Jaya Abadi"),
        ("1.06.0.00.0.00.09.0000", "Belanja Makanan dan Minuman Rapat", "0",
         "CV. Odah Etam Catering"),
        ("7.01.0.00.0.00.14.0000", "Belanja Jasa Service Komputer dan Printer", "0",
         "CV. Kota Raja Elektrik"),
    ]:
        r = add(pk(code, name, B if "Service" not in name else JL,
                   rp(rng.randint(15, 90) * 1_000_000)), vendor)
        r.kontrak = None if text != "0" else 0
        r.kontrak_text = text
        r.conds.add("no-contract-value")
        if text != "0":
            r.pdn_val = r.umk_val = None
            r.pdn_text = r.umk_text = "null"
        else:
            r.pdn_val = r.umk_val = 0
    # 0 contract value on a hibah MAK: no-contract-value wins over out-of-scope-account
    r = add(pk("4.01.0.00.0.00.30.0000", "Pengadaan Barang Hibah Sarana Ibadah Masjid", B,
               rp(175_000_000)), "UD. Sinar Tenggarong")
    r.kontrak = 0; r.kontrak_text = "0"; r.pdn_val = 0; r.umk_val = 0
    r.mak = "4.01.02.2.05.0017.5.1.05.05.01.0001."
    r.conds |= {"no-contract-value", "out-of-scope-account"}

    # out-of-scope accounts (hibah 5.1.05, bansos 5.1.06)
    r = add(pk("3.27.0.00.0.00.26.0000", "Pengadaan Alat Mesin Pertanian untuk Hibah Kelompok Tani",
               B, rp(198_000_000)), "UD. Berkah Tani Kukar")
    r.mak = "3.27.03.2.01.0009.5.1.05.05.01.0001."
    r.conds.add("out-of-scope-account")
    r = add(pk("1.06.0.00.0.00.09.0000", "Pengadaan Paket Sembako Bantuan Sosial Korban Banjir",
               B, rp(160_000_000)), "UD. Sumber Rezeki Loa Janan")
    r.mak = "1.06.04.2.01.0001.5.1.06.01.01.0001.1.1.1.20.10.30.001.00007"
    r.conds.add("out-of-scope-account")
    # multi-valued, first MAK hibah -> out of scope
    r = add(pk("2.19.0.00.0.00.22.0000", "Pengadaan Peralatan Olahraga untuk Hibah Klub", B,
               rp(140_000_000)), "CV. Borneo Karya Utama")
    r.mak = ("2.19.03.2.02.0004.5.1.05.05.01.0001.;"
             "2.19.03.2.02.0004.5.1.02.01.01.0024.")
    r.conds.add("out-of-scope-account")
    # multi-valued, first MAK 5.1.02, second hibah -> in scope
    r = add(pk("2.17.0.00.0.00.20.0000", "Belanja Bahan Pelatihan Kewirausahaan UMKM", B,
               rp(88_000_000)), "Koperasi Karyawan Sejahtera")   # in scope, UMK value = contract
    r.mak = ("2.17.05.2.01.0003.5.1.02.01.01.0052.;"
             "2.17.05.2.01.0003.5.1.05.05.01.0001.")
    # Koperasi Karyawan Sejahtera again: UMK value 0 decides (no name fallback)
    r = add(pk("4.02.0.00.0.00.31.0000", "Belanja Makanan dan Minuman Rapat Komisi", B,
               rp(92_000_000)), "Koperasi Karyawan Sejahtera")
    r.umk_val = 0
    r.mak = mak_for("4.02.0.00.0.00.31.0000", "5.1.02.01.01.0052")
    # KUD Maju Bersama: UMK value null -> koperasi by name -> yes
    r = add(pk("3.27.0.00.0.00.26.0000", "Pengadaan Benih Padi Unggul Varietas Inpari 32", B,
               rp(196_500_000)), "KUD Maju Bersama")
    r.umk_val = None; r.umk_text = "null"
    r.mak = "3.27.03.2.01.0005.5.1.02.01.01.0024., 3.27.03.2.01.0005.5.1.02.01.01.0025."
    # MAK whose 7th segment is not 5: no account -> in scope
    r = add(pk("1.03.0.00.0.00.04.0000", "Supervisi Pemeliharaan Jalan Poros Sebulu", KS,
               rp(99_500_000)), "CV. Benua Etam Konsultan")
    r.mak = "1.03.10.2.01.0003.0.5.20.40.10.1000.3."
    # MAK with 7th segment 5 but fewer than 12 segments: no account -> in scope
    r = add(pk("2.17.0.00.0.00.20.0000", "Belanja Jasa Fasilitasi Pameran Produk UMKM", JL,
               rp(64_000_000)), "CV. Naga Erau Kreasi")
    r.mak = "2.17.02.2.01.0003.5.1.05."
    # UMK value above the contract value -> clamped to the contract value
    r = add(pk("7.01.0.00.0.00.08.0000", "Belanja Makanan dan Minuman Rapat Musrenbang", B,
               rp(38_500_000)), "CV. Odah Etam Catering")
    r.kontrak = rp(37_950_000)
    r.pdn_val = r.kontrak
    r.umk_val = rp(38_500_000)   # written as-is; expected: clamped to kontrak
    r.umk_text = isb_num(rp(38_500_000))
    r.umk_clamped = True
    # quote escaped as \" with a comma inside the quotes
    r = add(pk("7.01.0.00.0.00.09.0000",
               'Belanja Jasa Dekorasi "Kukar Idaman, Kukar Berkah" HUT Kota Tenggarong', JL,
               rp(74_000_000)), "CV. Naga Erau Kreasi")
    r.mak = mak_for("7.01.0.00.0.00.09.0000", "5.1.02.02.01.0013")
    # literal \r\n inside a field
    r = add(pk("7.01.0.00.0.00.09.0000",
               "Belanja Makanan dan Minuman Rapat\r\nKoordinasi Pelaksanaan MTQ Kecamatan", B,
               rp(27_500_000), unit="7.01.0.00.0.00.09.0001"), "UD. Sinar Tenggarong")
    # sub-unit (puskesmas) in kd_satker_str
    r = add(pk(DINKES, "Belanja Bahan Medis Habis Pakai Puskesmas", B, rp(142_000_000),
               unit=PKM_RAPAK), "PT. Borneo Medika Farma")
    r.umk_val = 0
    # multi-valued kd_rup
    r = add(pk("2.14.0.00.0.00.17.0000", "Belanja Cetak Media KIE Keluarga Berencana", B,
               rp(86_000_000)), "CV. Kedaton Printing")
    r.kd_rup_text = "%d,%d" % (r.pkg.kd_rup, r.pkg.kd_rup)
    return new


def inject_nulls(rows, n_pdn, n_umk):
    cands = [r for r in rows if not r.conds and r.pdn_text is None and r.umk_text is None
             and r.vendor is not None and r.vendor["group"] != "koperasi"
             and not getattr(r, "umk_clamped", False)]
    for r in rng.sample(cands, n_pdn):
        r.pdn_val = None; r.pdn_text = "null"
    cands2 = [r for r in cands if r.umk_text is None]
    for r in rng.sample(cands2, n_umk):
        r.umk_val = None; r.umk_text = "null"


def nontender_row(r):
    p = r.pkg
    unit = p.unit
    status = r.status
    pagu = p.pagu
    hps = scale(pagu, 9700, 10000, whole=rng.randrange(100) < 40)
    if r.kontrak is None and r.kontrak_text is None:
        kontrak_cell = Raw("null")
        nego = tawar = None
    elif r.kontrak_text is not None:
        kontrak_cell = Raw(r.kontrak_text)
        nego = tawar = None if r.kontrak_text != "0" else scale(hps, 9000, 9900)
    else:
        kontrak_cell = Raw(isb_num(r.kontrak))
        nego = r.kontrak
        tawar = max(r.kontrak, scale(hps, 9800, 9990))
    if r.pdn_text is not None:
        pdn_cell = Raw(r.pdn_text)
    elif r.pdn_val is None:
        pdn_cell = Raw("null")
    else:
        pdn_cell = Raw(isb_num(r.pdn_val))
    if r.umk_text is not None:
        umk_cell = Raw(r.umk_text)
    elif r.umk_val is None:
        umk_cell = Raw("null")
    else:
        umk_cell = Raw(isb_num(r.umk_val))
    d_umum, m = date_2022(1, 10)
    d_selesai = "2022-%02d-%02d 16:00:00" % (min(12, m + 1), rng.randint(1, 28))
    v = r.vendor
    kd = next_kd_spse()
    return [
        Raw(str(YEAR)), Raw(str(LPSE_ID)), KD_KLPD, NAMA_KLPD, "KABUPATEN",
        LPSE_SATKER[unit], unit, NAME_OF[unit], Raw(str(LPSE_ID)), NAMA_LPSE,
        Raw(str(kd)), Raw(str(kd + rng.randint(1000, 90000) * 1000)), r.kd_rup_text, r.nama_paket,
        Raw(isb_num(pagu)), Raw(isb_num(hps)),
        Raw("null") if tawar is None else Raw(isb_num(tawar)),
        Raw("null") if tawar is None else Raw(isb_num(tawar)),
        Raw("null") if nego is None else Raw(isb_num(nego)),
        kontrak_cell, pdn_cell, umk_cell,
        "APBD" if rng.randrange(100) < 85 else "APBDP",
        r.mak, "Kecil", SPSE_JENIS[p.jenis], "Pengadaan Langsung",
        rng.choice(["Lumsum", "Lumsum", "Harga Satuan", "Gabungan Lumsum dan Harga Satuan"]),
        status, d_umum + " %02d:00:00" % rng.randint(8, 16),
        None if status != "Selesai" else d_selesai,
        None if v is None else Raw(str(v["kd"])),
        None if v is None else v["name"],
        None if v is None else v["npwp"],
        None if v is None else v["npwp16"],
        URL_LPSE, "2022-06-13",
    ]


def tender_row(r):
    p = r.pkg
    pagu = p.pagu
    hps = scale(pagu, 9800, 9999)
    if r.kontrak is None:
        k_cell = Raw("null")
        tawar = None
    else:
        k_cell = Raw(isb_num(r.kontrak))
        tawar = r.kontrak
    pdn_cell = Raw(r.pdn_text) if r.pdn_text is not None else (
        Raw("null") if r.pdn_val is None else Raw(isb_num(r.pdn_val)))
    umk_cell = Raw(r.umk_text) if r.umk_text is not None else (
        Raw("null") if r.umk_val is None else Raw(isb_num(r.umk_val)))
    d1, m = date_2022(2, 9)
    d2 = "2022-%02d-%02d" % (min(12, m + 1), rng.randint(1, 28))
    v = r.vendor
    kd = next_kd_spse()
    kd_satker = r.kd_satker_override if r.kd_satker_override is not None else p.unit
    nama = NAME_OF.get(p.unit, getattr(r, "nama_satker", ""))
    if r.kd_satker_override is not None:
        nama = r.nama_satker
    return [
        Raw(str(YEAR)), KD_KLPD, NAMA_KLPD, "KABUPATEN", kd_satker, nama, Raw(str(LPSE_ID)),
        Raw(str(kd)), Raw(str(kd - rng.randint(100, 900) * 1000)), r.kd_rup_text,
        Raw(isb_num(pagu)), Raw(isb_num(hps)),
        Raw("null") if tawar is None else Raw(isb_num(tawar)),
        Raw("null") if tawar is None else Raw(isb_num(tawar)),
        Raw("null") if tawar is None else Raw(isb_num(tawar)),
        k_cell, d1, d2,
        None if v is None else Raw(str(v["kd"])),
        None if v is None else v["name"],
        None if v is None else v["npwp"],
        None if v is None else v["npwp16"],
        pdn_cell, umk_cell, "2022-06-13",
    ]


def spse_line(file, r, amount_col="nilai_kontrak"):
    """Semantic record of a SPSE result row."""
    p = r.pkg
    opd = r.kd_satker_override if r.kd_satker_override is not None else p.unit
    name = r.nama_satker if r.kd_satker_override is not None else NAME_OF[p.unit]
    ln = Line(file, "realization", r.conds, opd=opd, name=name, amount=r.kontrak)
    ln.codes = rup_codes(r.kd_rup_text)
    if "missing-opd" in r.conds:
        ln.column = "kd_satker"
    a = r.kontrak
    if a is not None and not r.conds:
        def val(v):
            if v is None:
                return None
            return min(max(v, 0), a)   # clamp into [0, a]
        ln.pdn = val(r.pdn_val)
        umk = val(r.umk_val)
        if r.umk_val is None and r.vendor is not None and r.vendor["group"] == "koperasi":
            umk = a      # koperasi by vendor name; no UMK flag column, no koperasi column
        ln.umkk = umk
        ln.local = None   # no lokal flag, no vendor kab/kota column
    return ln


def tender_specials(plan_pkgs, tender):
    new = []

    def pk(code, name, jenis, pagu, pdn="PDN", ukm="UKM", unit=None):
        p = Package(code, unit or code, name, jenis, pagu, pdn, ukm)
        p.metode = "Tender"
        return p

    # BUMD with kd_satker "01": not a dotted code -> missing-opd
    p = pk("", "Pembangunan Jaringan Pipa Distribusi Air Minum Loa Kulu", K, rp(2_450_000_000))
    r = Realized(p, VENDORS["PT. Kutai Bangun Persada"])
    realize_values(r)
    r.kd_satker_override = "01"
    r.nama_satker = "PERUMDA AIR MINUM TIRTA MAHAKAM"
    r.conds.add("missing-opd")
    new.append(r)
    # no contract value yet (null) -> no-contract-value
    for code, name, jenis, pagu in [
        ("1.04.0.00.0.00.05.0000", "Pembangunan Sistem Penyediaan Air Minum Desa Kota Bangun", K,
         rp(1_850_000_000)),
        ("3.30.3.31.0.00.29.0000", "Rehabilitasi Pasar Rakyat Loa Janan", K, rp(2_200_000_000)),
    ]:
        r = Realized(pk(code, name, jenis, pagu), VENDORS["PT. Etam Konstruksi Nusantara"])
        r.kontrak = None
        r.pdn_val = r.umk_val = None
        r.conds.add("no-contract-value")
        new.append(r)
    # a sub-unit RSUD row rolls up to Dinas Kesehatan
    p = pk(DINKES, "Pengadaan Alat Kesehatan Instalasi Gawat Darurat", B, rp(1_480_000_000),
           "Non PDN", "Non UKM", unit="1.02.0.00.0.00.02.0032")
    r = Realized(p, VENDORS["PT. Kaltim Medika Utama"])
    r.kontrak = rp(1_269_963_504, 15)
    r.pdn_val = rp(412_500_000)
    r.umk_val = 0
    new.append(r)
    # a multi-valued kd_rup_paket
    p = pk("1.01.2.22.0.00.01.0000", "Rehabilitasi Ruang Kelas SD Kecamatan Muara Jawa", K,
           rp(1_431_703_950))
    r = Realized(p, VENDORS["CV. Tabang Putra Konstruksi"])
    r.kontrak = rp(1_275_000_000)
    r.pdn_val = r.kontrak
    r.umk_val = r.kontrak
    r.kd_rup_text = "%d;%d;%d" % (next_kd_rup(), next_kd_rup(), next_kd_rup())
    new.append(r)
    return new


# ---------------------------------------------------------------------------
# 4. Treasurer sheet (canonical p3dn profile), Dinas Kesehatan + 2 puskesmas
# ---------------------------------------------------------------------------

BENDAHARA_HEADER = ["kode_opd", "nama_opd", "tahap", "tanggal", "uraian", "kode_rekening",
                    "penyedia", "kab_kota_penyedia", "nilai", "pdn", "umk", "koperasi", "lokal",
                    "tkdn", "bmp"]

D_NAME = "Dinas Kesehatan"
P1_NAME = "UPT Puskesmas Rapak Mahang"
P2_NAME = "UPT Puskesmas Loa Ipuh"


def bendahara_rows():
    """(cells, Line) pairs; cells is a list of str (or a raw line text for special rows)."""
    out = []
    F = BENDAHARA_FILE

    def row(code, name, date, uraian, rek, vendor, kab, amount, style, pdn, umk, kop, lokal,
            tkdn, bmp, exp_pdn, exp_umkk, exp_local, conds=(), amount_text=None, column=None):
        text = amount_text if amount_text is not None else id_amount(amount, style)
        cells = [code, name, "realisasi", date, uraian, rek, vendor, kab, text, pdn, umk, kop,
                 lokal, tkdn, bmp]
        ln = Line(F, "realization", conds, opd=code, name=name, amount=amount,
                  column=column, year=int(date[-4:]))
        if not conds:
            ln.pdn = {"y": amount, "n": 0, "?": None}[exp_pdn]
            ln.umkk = {"y": amount, "n": 0, "?": None}[exp_umkk]
            ln.local = {"y": amount, "n": 0, "?": None}[exp_local]
        out.append((cells, ln))
        return ln

    D, P1, P2 = DINKES, PKM_RAPAK, PKM_LOAIPUH
    R_ATK, R_CETAK, R_MAMIN, R_BMHP = ("5.1.02.01.01.0024", "5.1.02.01.01.0026",
                                       "5.1.02.01.01.0052", "5.1.02.01.01.0029")
    R_JASA, R_PEML, R_MODAL = "5.1.02.02.01.0013", "5.1.02.03.02.0035", "5.2.02.07.01.0004"
    KK = "Kutai Kartanegara"

    row(D, D_NAME, "05/01/2022", "Belanja Alat Tulis Kantor Sekretariat", R_ATK,
        "CV. Mahakam Jaya Abadi", KK, rp(12_450_000), "id2", "Ya", "Ya", "Tidak", "", "", "",
        "y", "y", "y")
    row(D, D_NAME, "12/01/2022", "Belanja Makanan dan Minuman Rapat Koordinasi Lintas Sektor",
        R_MAMIN, "RM. Lesehan Tepian Mahakam", "Kukar", rp(3_750_000), "rp", "Y", "Y", "", "",
        "", "", "y", "y", "y")
    row(D, D_NAME, "19/01/2022", "Belanja Bahan Cetak Formulir Rekam Medis", R_CETAK,
        "UD. Sinar Tenggarong", "Kab. Kutai Kartanegara", rp(2_500_000), "rpdot", "Ya", "Ya",
        "", "", "", "", "y", "y", "y")
    row(D, D_NAME, "02/02/2022", "Belanja Bahan Medis Habis Pakai (BMHP) Gudang Farmasi", R_BMHP,
        "PT. Borneo Medika Farma", "Samarinda", rp(148_750_000), "id2", "Ya", "Tidak", "Tidak",
        "Tidak", "", "", "y", "n", "n")
    row(D, D_NAME, "09/02/2022", "Belanja Termometer Digital 35\u201342 \u00b0C", R_BMHP,
        "CV. Citra M\u00e9dika Borneo", "Kota Balikpapan", rp(7_800_000), "grp", "", "Ya", "",
        "", "45,5", "0", "y", "y", "n")
    row(D, D_NAME, "16/02/2022", "Belanja Tensimeter Digital", R_BMHP, "CV. Sarana Medis Kaltim",
        "Samarinda", rp(15_600_000), "id2", "", "Tidak", "", "", "30", "5", "n", "n", "n")
    row(D, D_NAME, "23/02/2022", "Belanja Makanan Tambahan (PMT) Balita Gizi Kurang", R_MAMIN,
        "Koperasi Serba Usaha Tani Jaya", KK, rp(25_000_000), "id2", "Ya", "", "", "", "", "",
        "y", "y", "y")
    row(D, D_NAME, "02/03/2022", "Belanja Alat Kesehatan Habis Pakai Laboratorium", R_BMHP,
        "CV. Sarana Medis Kaltim", "Samarinda", rp(38_400_000), "id2", "Ya", "Sedang", "", "",
        "", "", "y", "?", "n")
    row(D, D_NAME, "10/03/2022", "Pembayaran Tambahan Penghasilan Pegawai Bulan Februari",
        "5.1.01.01.01.0001", "", "", rp(45_000_000), "id2", "", "", "", "", "", "",
        None, None, None, conds={"out-of-scope-account"})
    row(D, D_NAME, "31/02/2022", "Belanja Jasa Servis AC Ruang Kepala Dinas", R_JASA,
        "CV. Kota Raja Elektrik", "Kukar", rp(1_850_000), "grp", "Y", "Y", "", "", "", "",
        None, None, None, conds={"bad-date"}, column="tanggal")
    row(D, D_NAME, "17/03/2022", "Belanja Kertas dan Cover", R_ATK, "CV. Mahakam Jaya Abadi", KK,
        None, None, "Ya", "Ya", "", "", "", "", None, None, None, conds={"bad-amount"},
        amount_text="12.34.56", column="nilai")
    # ragged: an unquoted ';' inside uraian gives 16 fields
    row(D, D_NAME, "24/03/2022", "Belanja ATK", R_ATK, "CV. Putra Kutai Mandiri", "Kukar",
        rp(4_125_000), "id2", "Ya", "Ya", "", "", "", "", None, None, None, conds={"ragged-row"})
    out[-1][0][4:5] = ["Belanja ATK", "kertas HVS A4 dan map"]   # 16 fields
    row(D, D_NAME, "28/12/2021",
        "Belanja Makanan dan Minuman Rapat Evaluasi Akhir Tahun (SPJ TA 2021)", R_MAMIN,
        "CV. Odah Etam Catering", "Kukar", rp(4_200_000), "id2", "Ya", "Ya", "", "", "", "",
        None, None, None, conds={"other-year"})
    row(D, D_NAME, "07/04/2022", "Belanja Makanan dan Minuman; Rapat Evaluasi Program Imunisasi",
        R_MAMIN, "CV. Odah Etam Catering", KK, rp(6_300_000), "rp", "Ya", "Ya", "", "", "", "",
        "y", "y", "y")
    row(D, D_NAME, "14/04/2022", "Belanja Modal Alat Kedokteran Umum (Dental Unit)", R_MODAL,
        "PT. Kaltim Medika Utama", "Kota Balikpapan", rp(285_000_000), "id2", "T", "T", "", "",
        "", "", "n", "n", "n")
    row(D, D_NAME, "21/04/2022", "Belanja Pemeliharaan Kendaraan Dinas Ambulans", R_PEML,
        "CV. Lembuswana Sakti", "Kukar", rp(1_250_000), "rp2", "Y", "Y", "", "", "", "",
        "y", "y", "y")
    row(D, D_NAME, "28/04/2022", "Belanja Jasa Kebersihan Kantor", R_JASA, "KPRI Bakti Husada", KK,
        rp(9_000_000), "id2", "Ya", "Tidak", "Ya", "", "", "", "y", "y", "y")
    row(D, D_NAME, "12/05/2022", "Belanja Cetak Leaflet Pencegahan Stunting", R_CETAK,
        "CV. Kedaton Printing", "Samarinda", rp(3_150_000), "grp", "Ya", "Ya", "", "Ya", "", "",
        "y", "y", "y")
    row(D, D_NAME, "19/05/2022", "Belanja Obat Program Penyakit Menular", R_BMHP,
        "PT. Pilar Medika Nusantara", "", rp(98_765_432, 10), "id2", "", "Tidak", "", "",
        "25,5", "15", "y", "n", "?")
    row(D, D_NAME, "26/05/2022", "Belanja Alat Pelindung Diri Tenaga Kesehatan", R_BMHP,
        "CV. Borneo Karya Utama", "KABUPATEN KUTAI KARTANEGARA", rp(17_325_000), "id2", "", "Y",
        "", "", "40%", "", "y", "y", "y")
    row(D, D_NAME, "09/06/2022", "Belanja Suvenir Hari Kesehatan Nasional (Mbizmarket)", R_ATK,
        "UD. Kerajinan Manik Dayak", KK, rp(2_750_000), "grp", "Ya", "Ya", "", "", "", "",
        "y", "y", "y")
    row(D, D_NAME, "20/06/2022", "Belanja ATK melalui Toko Daring Mbizmarket", R_ATK,
        "CV. Putra Kutai Mandiri", "Kukar", rp(1_876_500), "rp", "Y", "Y", "", "", "", "",
        "y", "y", "y")
    row(D, D_NAME, "11/07/2022", "Belanja Sewa Tenda dan Kursi Pencanangan BIAN", R_JASA,
        "CV. Naga Erau Kreasi", KK, rp(4_500_000), "rpdot", "Ya", "Ya", "", "", "", "",
        "y", "y", "y")
    row(D, D_NAME, "18/07/2022", "Belanja Bahan Bakar Genset Instalasi Farmasi", R_ATK,
        "SPBU Timbau Tenggarong", KK, rp(1_500_000, 50), "id2", "", "", "", "", "", "",
        "?", "?", "y")
    # --- the blank line separates the treasurer's sections
    out.append((None, None))
    row(P1, P1_NAME, "18/01/2022", "Belanja Alat Tulis Kantor Puskesmas", R_ATK,
        "CV. Putra Kutai Mandiri", "Kukar", rp(3_275_000), "grp", "Y", "Y", "", "", "", "",
        "y", "y", "y")
    row(P1, P1_NAME, "15/02/2022", "Belanja Makanan dan Minuman Posyandu Lansia", R_MAMIN,
        "UD. Sumber Rezeki Loa Janan", KK, rp(2_400_000), "rp", "Ya", "Ya", "", "", "", "",
        "y", "y", "y")
    row(P1, P1_NAME, "15/03/2022", "Belanja Bahan Kimia Laboratorium Puskesmas", R_BMHP,
        "CV. Citra M\u00e9dika Borneo", "Kota Balikpapan", rp(6_480_000), "id2", "", "Ya", "", "",
        "30", "5", "n", "y", "n")
    row(P1, P1_NAME, "12/04/2022", "Belanja Pemeliharaan Gedung Puskesmas", R_PEML,
        "CV. Loa Kulu Karya", "Kab. Kutai Kartanegara", rp(24_850_000), "id2", "Ya", "Ya", "",
        "", "", "", "y", "y", "y")
    row(P1, P1_NAME, "16/06/2022", "Belanja Obat dan BMHP Puskesmas", R_BMHP,
        "PT. Borneo Medika Farma", "Samarinda", rp(18_900_000), "id2", "Ya", "T", "T", "", "",
        "", "y", "n", "n")
    row(P2, P2_NAME, "25/01/2022", "Belanja Alat Tulis Kantor Puskesmas", R_ATK,
        "CV. Mahakam Jaya Abadi", KK, rp(2_980_000), "id2", "Ya", "Ya", "", "", "", "",
        "y", "y", "y")
    row(P2, P2_NAME, "22/02/2022", "Belanja Makanan dan Minuman Kegiatan Posyandu", R_MAMIN,
        "Kopwan Melati Loa Ipuh", "Kukar", rp(1_650_000), "grp", "Y", "", "", "", "", "",
        "y", "y", "y")
    row(P2, P2_NAME, "22/03/2022", "Belanja Termometer dan Oksimeter", R_BMHP,
        "CV. Sarana Medis Kaltim", "Samarinda", rp(4_725_000), "id2", "", "Ya", "", "", "42",
        "", "y", "y", "n")
    row(P2, P2_NAME, "19/04/2022", "Belanja Jasa Servis Kendaraan Puskesmas Keliling", R_PEML,
        "CV. Lembuswana Sakti", "Kukar", rp(3_600_000), "rp", "Y", "Y", "", "", "", "",
        "y", "y", "y")
    row(P2, P2_NAME, "17/05/2022", "Belanja Modal Lemari Pendingin Vaksin", R_MODAL,
        "PT. Kaltim Medika Utama", "Kota Balikpapan", rp(32_500_000), "id2", "Tidak", "Tidak",
        "", "", "", "", "n", "n", "n")
    row(P2, P2_NAME, "14/06/2022", "Belanja Bahan Cetak Kartu Menuju Sehat", R_CETAK,
        "CV. Kedaton Printing", "Samarinda", rp(350_000), "plain", "Ya", "Ya", "", "", "", "",
        "y", "y", "n")
    # JUMLAH: the treasurer's sum of every readable amount above
    total = sum(ln.amount for cells, ln in out if ln is not None and ln.amount is not None)
    cells = ["JUMLAH", "", "realisasi", "", "", "", "", "", id_amount(total, "id2"), "", "", "",
             "", "", ""]
    out.append((cells, Line(F, "realization", {"total-row"}, opd="JUMLAH", amount=total,
                            year=None)))
    return out


# ---------------------------------------------------------------------------
# Writing
# ---------------------------------------------------------------------------

def write_isb(path, columns, rows, cell, lines):
    """Write an ISB CSV (LF, header bare); record physical start lines into `lines`."""
    text = [",".join(columns) + "\n"]
    phys = 2
    for cells, ln in zip(rows, lines):
        assert len(cells) == len(columns), (path, len(cells), len(columns))
        rec = ",".join(cell(c) for c in cells) + "\n"
        ln.line_no = phys
        phys += rec.count("\n")
        text.append(rec)
    data = "".join(text).encode("utf-8")
    with open(path, "wb") as f:
        f.write(data)
    return data


def write_bendahara(path, pairs):
    recs = ["BUKU PEMBANTU BELANJA BARANG DAN JASA;;;;",
            "DINAS KESEHATAN KAB. KUTAI KARTANEGARA TA 2022;;;",
            ";".join(BENDAHARA_HEADER)]
    lines = []
    for cells, ln in pairs:
        if cells is None:
            recs.append(";" * (len(BENDAHARA_HEADER) - 1))
            continue
        ln.line_no = len(recs) + 1
        recs.append(";".join(semicolon_cell(c) for c in cells))
        lines.append(ln)
    data = ("\r\n".join(recs) + "\r\n").encode("cp1252")
    with open(path, "wb") as f:
        f.write(data)
    return lines


# ---------------------------------------------------------------------------
# Expected figures
# ---------------------------------------------------------------------------

def rup_codes(text):
    """The RUP codes of a cell: split on `;` and `,`, trimmed, duplicates removed."""
    codes = []
    for part in re.split(r"[;,]", text or ""):
        part = part.strip()
        if part and part.lower() not in ("null", "-", "nan") and part not in codes:
            codes.append(part)
    return codes


def links(all_lines):
    """Plan <-> realization by RUP code, per OPD and for the district, over included lines."""
    included = [ln for ln in all_lines if ln.bucket == "included"]
    planned_all = {c for ln in included if ln.stage == "plan" for c in ln.codes}
    realized_all = {c for ln in included if ln.stage == "realization" for c in ln.codes}

    def group(lines):
        planned = {}
        for ln in lines:
            if ln.stage == "plan":
                for c in ln.codes:
                    planned[c] = planned.get(c, 0) + ln.amount
        out = {"planned_packages": len(planned),
               "planned_without_realization": {"packages": 0, "pagu": 0},
               "realized_in_plan": {"lines": 0, "total": 0},
               "realized_not_in_plan": {"lines": 0, "total": 0},
               "realized_without_rup": {"lines": 0, "total": 0}}
        for c, pagu in planned.items():
            if c not in realized_all:
                out["planned_without_realization"]["packages"] += 1
                out["planned_without_realization"]["pagu"] += pagu
        for ln in lines:
            if ln.stage != "realization":
                continue
            key = ("realized_without_rup" if not ln.codes else "realized_in_plan"
                   if any(c in planned_all for c in ln.codes) else "realized_not_in_plan")
            out[key]["lines"] += 1
            out[key]["total"] += ln.amount
        out["planned_without_realization"]["pagu"] = money_str(out["planned_without_realization"]["pagu"])
        for key in ("realized_in_plan", "realized_not_in_plan", "realized_without_rup"):
            out[key]["total"] = money_str(out[key]["total"])
        return out

    by_opd = {}
    for ln in included:
        by_opd.setdefault(rollup(ln.opd), []).append(ln)
    return {"district": group(included), "opds": {code: group(by_opd[code]) for code in sorted(by_opd)}}


def expected(all_lines, files_order):
    files = {}
    for fname in files_order:
        fl = [ln for ln in all_lines if ln.file == fname]
        ex, rj = {}, {}
        inc = 0
        for ln in fl:
            b = ln.bucket
            if b == "included":
                inc += 1
            elif b == "excluded":
                ex[ln.reason] = ex.get(ln.reason, 0) + 1
            else:
                rj[ln.reason] = rj.get(ln.reason, 0) + 1
        order = {r: i for i, r in enumerate(REASON_ORDER)}
        files[fname] = {
            "rows": len(fl), "included": inc,
            "excluded": sum(ex.values()), "rejected": sum(rj.values()),
            "excluded_by_reason": dict(sorted(ex.items(), key=lambda kv: order[kv[0]])),
            "rejected_by_reason": dict(sorted(rj.items(), key=lambda kv: order[kv[0]])),
        }
        assert files[fname]["rows"] == inc + files[fname]["excluded"] + files[fname]["rejected"]

    district = {"plan": empty_group(), "realization": empty_group()}
    opds = {}
    names = {}
    for fname in files_order:       # folder order (sorted names) for "first seen"
        for ln in all_lines:
            if ln.file != fname or ln.bucket != "included":
                continue
            code = rollup(ln.opd)
            add_to_group(district[ln.stage], ln)
            o = opds.setdefault(code, {"plan": None, "realization": None})
            if o[ln.stage] is None:
                o[ln.stage] = empty_group()
            add_to_group(o[ln.stage], ln)
            cnt = names.setdefault(code, {})
            cnt[ln.name] = cnt.get(ln.name, 0) + 1
    opd_names = {}
    for code in sorted(names):
        cnt = names[code]
        best = max(cnt.values())
        winners = [n for n in cnt if cnt[n] == best]
        assert len(winners) == 1, ("name tie", code, cnt)
        opd_names[code] = winners[0]

    checks = {"rule": "inpres-2-2022/umkk-40", "metric": "umkk", "min": UMKK_MIN,
              "district": {s: check(district[s], "umkk", UMKK_MIN)
                           for s in ("plan", "realization")},
              "opds": {code: {s: check(opds[code][s], "umkk", UMKK_MIN)
                              for s in ("plan", "realization")}
                       for code in sorted(opds)}}
    fails = sorted(code for code, c in checks["opds"].items()
                   if any(v["status"] == "fail" for v in c.values()))
    rejected = [{"file": ln.file, "line": ln.line_no, "code": ln.reason, "column": ln.column}
                for ln in all_lines if ln.bucket == "rejected"]
    status_or_total = {"total-row", "deleted", "inactive", "not-announced", "cancelled",
                       "not-completed", "swakelola"}
    years = sorted({ln.year for ln in all_lines
                    if ln.year is not None and ln.bucket != "rejected"
                    and ln.reason not in status_or_total})
    return {
        "fiscal_year": YEAR,
        "files": files,
        "district": {s: group_json(district[s]) for s in ("plan", "realization")},
        "opds": {code: {s: group_json(opds[code][s]) for s in ("plan", "realization")}
                 for code in sorted(opds)},
        "audit_args": ["--year", str(YEAR)],
        "years_found_without_year_flag": years,
        "opd_names": opd_names,
        "checks": checks,
        "fail_on_breach_exit": 1 if fails or any(
            v["status"] == "fail" for v in checks["district"].values()) else 0,
        "opds_failing_umkk_40": fails,
        "rejected": rejected,
        "links": links(all_lines),
        "notes": NOTES + [
            "opd_names counts names as exact strings (ties: first seen, files in name order); "
            "Dinas Kesehatan: " + ", ".join("%r on %d lines" % kv for kv in sorted(
                names[DINKES].items(), key=lambda kv: -kv[1])) + "."],
    }


NOTES = [
    "Without --year the audit must exit 2: rows of 2021 (other-year) count as years found "
    "(CONTRACT 4.1), so years found are 2021 and 2022.",
    "Rejection columns: amounts name the amount column (pagu/nilai), bad-date names tanggal, "
    "missing-opd names the profile's OPD column (kd_satker_str for SIRUP, kd_satker for the "
    "tender file); ragged-row has no column (null here).",
    "spse-selesai UMK-K: nilai_umk_kontrak decides when it has a value (0 is a known 0, even for "
    "'Koperasi Karyawan Sejahtera'); when it is null there is no UMK flag and no koperasi "
    "column, so the vendor-name rule decides ('KUD Maju Bersama' -> yes, other vendors -> "
    "unknown).",
    "A nilai_umk_kontrak above nilai_kontrak is clamped to nilai_kontrak (one non-tender row).",
    "Dinas Pemadam Kebakaran plan: UMK-K 399999999.99 of 1000000000.00; share rounds to 40.00 "
    "but the exact check fails with gap 0.01.",
    "The JUMLAH row carries tahap 'realisasi' so that no row of the p3dn file has an empty tahap.",
    "Literal \\r\\n inside a backslash-style field is description text only; it changes no figure.",
]


# ---------------------------------------------------------------------------
# Shape check with Python's csv module
# ---------------------------------------------------------------------------

def check_files(out, lines_by_file):
    problems = []

    def rows_of(path, **kw):
        with open(path, newline="", encoding=kw.pop("encoding", "utf-8")) as f:
            return list(csv.reader(f, **kw))

    sirup = rows_of(os.path.join(out, SIRUP_FILE))
    nt = rows_of(os.path.join(out, NONTENDER_FILE), escapechar="\\", doublequote=False)
    td = rows_of(os.path.join(out, TENDER_FILE), escapechar="\\", doublequote=False)
    bd = rows_of(os.path.join(out, BENDAHARA_FILE), delimiter=";", encoding="cp1252")
    for name, rows, ncol in [(SIRUP_FILE, sirup, len(SIRUP_COLUMNS)),
                             (NONTENDER_FILE, nt, len(NONTENDER_COLUMNS)),
                             (TENDER_FILE, td, len(TENDER_COLUMNS))]:
        body = rows[1:]
        lns = lines_by_file[name]
        if len(body) != len(lns):
            problems.append("%s: %d records, generator wrote %d" % (name, len(body), len(lns)))
        for i, r in enumerate(body):
            if len(r) != ncol:
                problems.append("%s record %d has %d fields" % (name, i + 2, len(r)))
    # key cells of the ISB files
    hdr = sirup[0]
    for r, ln in zip(sirup[1:], lines_by_file[SIRUP_FILE]):
        rec = dict(zip(hdr, r))
        if (rec["kd_satker_str"] or "") != (ln.opd or ""):
            problems.append("sirup opd %r vs %r" % (rec["kd_satker_str"], ln.opd))
        if ln.amount is not None and not ln.conds & {"bad-amount", "missing-amount"}:
            if rec["pagu"] != isb_num(ln.amount, keep_two=True):
                problems.append("sirup pagu %r vs %r" % (rec["pagu"], ln.amount))
    hdr = nt[0]
    for r, ln in zip(nt[1:], lines_by_file[NONTENDER_FILE]):
        rec = dict(zip(hdr, r))
        if rec["kd_satker_str"] != ln.opd:
            problems.append("nontender opd %r vs %r" % (rec["kd_satker_str"], ln.opd))
        if ln.amount is not None and ln.amount > 0 and rec["nilai_kontrak"] != isb_num(ln.amount):
            problems.append("nontender kontrak %r vs %r" % (rec["nilai_kontrak"], ln.amount))
    hdr = td[0]
    for r, ln in zip(td[1:], lines_by_file[TENDER_FILE]):
        rec = dict(zip(hdr, r))
        if rec["kd_satker"] != ln.opd:
            problems.append("tender opd %r vs %r" % (rec["kd_satker"], ln.opd))
    # treasurer sheet: 2 title rows, header, then rows (one blank, one ragged)
    if bd[2] != BENDAHARA_HEADER:
        problems.append("bendahara header %r" % bd[2])
    body = [r for r in bd[3:] if any(c.strip() for c in r)]
    lns = lines_by_file[BENDAHARA_FILE]
    if len(body) != len(lns):
        problems.append("bendahara: %d rows, generator wrote %d" % (len(body), len(lns)))
    for r, ln in zip(body, lns):
        want = 16 if "ragged-row" in ln.conds else 15
        if len(r) != want:
            problems.append("bendahara line %d has %d fields" % (ln.line_no, len(r)))
        if r[0] != ln.opd:
            problems.append("bendahara opd %r vs %r" % (r[0], ln.opd))
    with open(os.path.join(out, BENDAHARA_FILE), "rb") as f:
        raw = f.read()
    if b"\r\n" not in raw or raw.replace(b"\r\n", b"").count(b"\n"):
        problems.append("bendahara: not pure CRLF")
    if not any(b > 0x7f for b in raw):
        problems.append("bendahara: no non-ASCII cp1252 byte")
    with open(os.path.join(out, NONTENDER_FILE), "rb") as f:
        raw = f.read()
    if b"\\r\\n" not in raw or b'\\"' not in raw:
        problems.append("nontender: missing backslash traps")
    with open(os.path.join(out, SIRUP_FILE), "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf") or b"\r" in raw or b'""' not in raw:
        problems.append("sirup: BOM/CR/no doubled quote")
    for name in (SIRUP_FILE, NONTENDER_FILE, TENDER_FILE, BENDAHARA_FILE):
        size = os.path.getsize(os.path.join(out, name))
        if size >= 200 * 1024:
            problems.append("%s is %d bytes" % (name, size))
    return problems


# ---------------------------------------------------------------------------
# README
# ---------------------------------------------------------------------------

def readme(exp, sub_lines):
    f = exp["files"]
    d = exp["district"]

    def counts(name):
        x = f[name]
        def by(n, d):
            if not d:
                return "%d" % n
            return "%d (%s)" % (n, ", ".join("`%s` %d" % kv for kv in d.items()))
        return "%d rows: %d included; %s excluded; %s rejected" % (
            x["rows"], x["included"], by(x["excluded"], x["excluded_by_reason"]),
            by(x["rejected"], x["rejected_by_reason"]))

    text = """# Kutai Kartanegara FY2022 — demo data / data demo

Generated by `python3 scripts/make-demo-fixtures.py` (deterministic; do not edit by hand).
All names, codes, NPWPs and amounts are invented for the demo; the OPD list follows the
shape of Kabupaten Kutai Kartanegara (56 OPDs incl. the 18 kecamatan, codes in the
Kepmendagri 050-5889 form). / Dibuat oleh skrip di atas; semua nama, kode, NPWP dan nilai
adalah fiktif untuk keperluan demo.

## Audit / Menjalankan audit

```
p3dn audit Fixtures/kukar-2022 --year 2022
```

`--year 2022` is needed: the SIRUP and treasurer files carry a few 2021 lines on purpose
(`other-year`), so without it `p3dn` stops with exit 2 listing 2021 and 2022 (CONTRACT §4.1).
With `--fail-on breach` the exit status is 1: several OPDs fail the 40 % UMK-K rule.
/ `--year 2022` wajib: berkas SIRUP dan buku bendahara sengaja memuat baris TA 2021, sehingga
tanpa opsi ini `p3dn` berhenti (exit 2) dan menyebut tahun 2021 dan 2022.

Expected figures are in `../expected/kukar-2022.json` (money in sen-exact decimal strings).
/ Angka yang diharapkan ada di `../expected/kukar-2022.json`.

## Files / Berkas

| file | what / isi | stage |
|---|---|---|
| `sirup-penyedia-2022.csv` | SIRUP RUP paket penyedia (ISB 1018 columns); UTF-8, LF, `,`, RFC 4180 quotes (`""`) | plan / rencana |
| `spse-nontender-2022.csv` | SPSE non-tender results (ISB 1017 columns); ISB backslash style (`\\"`, literal `\\r\\n`) | realization / realisasi |
| `spse-tender-2022.csv` | SPSE tender results (ISB 1015 columns: dotted code in `kd_satker`, no `mak`, no status) | realization / realisasi |
| `bendahara-dinkes-2022.csv` | treasurer's sheet of Dinas Kesehatan + 2 puskesmas, canonical `p3dn` profile; Windows-1252, CRLF, `;`, 2 title rows, Indonesian amounts | realization (`tahap`) |

## Traps and out-of-scope lines / Jebakan dan baris di luar cakupan

**sirup-penyedia-2022.csv** — %(sirup)s.
56 OPDs with 4–10 announced packages each; included lines on sub-units roll up to their OPD:
%(subs)s.
`status_delete_rup` true → `deleted` (also when the row is inactive or 2021);
`status_aktif_rup` false → `inactive` (also when `Draf`); `Draf`/`Final Draft` →
`not-announced` (also when pagu is `null`); `tahun_anggaran` 2021 → `other-year`; pagu `null`
or empty → `missing-amount`; pagu `12,3,4` or `75.000.00` → `bad-amount`; empty
`kd_satker` and `kd_satker_str` → `missing-opd` (also when 2021). One `nama_paket` holds a
comma and an embedded newline, one holds `""` quotes; a few pagu have sen (`12500000.50`).
UMK-K plan checks: most OPDs pass; RSUD A.M. Parikesit, Kominfo, Bapenda and Perhubungan
fail clearly; Dinas Perpustakaan dan Kearsipan is exactly 40.00 % (pass — a deleted Non-UKM
package must not count); Dinas Pemadam Kebakaran has 399,999,999.99 of 1,000,000,000.00
(share rounds to 40.00, the table writes `<40,00`: the check **fails**, gap 0.01); Dinas
Pertanahan has empty `status_ukm` cells → `undetermined`.

**spse-nontender-2022.csv** — %(nt)s.
`Berlangsung` → `not-completed` (wins over a 0 contract value); `nilai_kontrak` `null`, empty
or `0` on `Selesai` rows → `no-contract-value` (wins over a hibah MAK); first MAK on account
5.1.05 (hibah) or 5.1.06 (bansos) → `out-of-scope-account`, also when a later MAK of the cell
is 5.1.02; first MAK 5.1.02 followed by a 5.1.05 one → in scope; a MAK whose 7th segment is
`0` and a short MAK `2.17.02.2.01.0003.5.1.05.` (fewer than 12 segments) carry no account →
in scope; MAKs joined with `;` and with `, `. Some `nilai_pdn_kontrak` / `nilai_umk_kontrak`
are `null` → that metric is unknown for the line. `Koperasi Karyawan Sejahtera` with a UMK
value 0 → UMK-K 0 (the value decides); `KUD Maju Bersama` with a `null` UMK value → UMK-K
yes by the koperasi name. One UMK value above the contract value → clamped (warning). One
`nama_paket` has `\\"…, …\\"`, one a literal `\\r\\n`; a puskesmas row rolls up to Dinas Kesehatan.

**spse-tender-2022.csv** — %(td)s.
`kd_satker` `01` (Perumda Air Minum, a BUMD) → `missing-opd`; `nilai_kontrak` `null` →
`no-contract-value`; contract values with sen (`1269963504.15`); some PDN/UMK values `null`;
a multi-valued `kd_rup_paket`; an RSUD sub-unit rolls up to Dinas Kesehatan.

**bendahara-dinkes-2022.csv** — %(bd)s.
Two title rows above the header (not rows); amounts `12.450.000,00`, `Rp 3.750.000`,
`Rp. 2.500.000,-`, `Rp1.250.000,00`, `7.800.000`, `350000`; dates `dd/mm/yyyy`; flags
`Ya`/`Tidak`, `Y`/`T`, empty. Empty `pdn` with TKDN+BMP `45,5`+`0`, `25,5`+`15`, `40%`,
`42` → PDN yes; `30`+`5` → no. `Koperasi Serba Usaha Tani Jaya` and `Kopwan Melati Loa Ipuh`
with empty `umk`/`koperasi` → UMK-K yes by name; `KPRI Bakti Husada` with `koperasi` `Ya` and
`umk` `Tidak` → yes; `umk` `Sedang` → unknown (warning). Local from `kab_kota_penyedia`
(`Kutai Kartanegara`, `Kab. Kutai Kartanegara`, `KABUPATEN KUTAI KARTANEGARA`, `Kukar` → yes;
`Samarinda`, `Kota Balikpapan` → no; empty → unknown) unless `lokal` says otherwise.
`5.1.01.01.01.0001` (belanja pegawai) → `out-of-scope-account`; `31/02/2022` → `bad-date`;
`12.34.56` → `bad-amount`; an unquoted `;` in `uraian` → `ragged-row` (a quoted one is fine);
a blank `;;;;;;;;;;;;;;` line (not a row); a 2021 date → `other-year`; the final `JUMLAH`
row → `total-row`.

## Ringkasan (Bahasa Indonesia)

- `sirup-penyedia-2022.csv`: rencana (RUP penyedia) 56 OPD; baris terhapus, tidak aktif,
  belum diumumkan (`Draf`) dan TA 2021 dikecualikan; pagu `null`/kosong/`12,3,4` dan baris
  tanpa kode satker ditolak. Dinas Perpustakaan tepat 40,00 % (lulus); Dinas Pemadam
  Kebakaran 39,999999999 % (dibulatkan 40,00, tabel menulis `<40,00`: **gagal**, kurang Rp0,01).
- `spse-nontender-2022.csv`: realisasi non-tender; status `Berlangsung`, nilai kontrak
  `null`/kosong/`0`, dan MAK hibah/bansos (5.1.05, 5.1.06) dikecualikan; nilai PDN/UMK `null`
  berarti tidak diketahui; koperasi dinilai dari nama hanya jika nilai UMK `null`.
- `spse-tender-2022.csv`: realisasi tender; satker BUMD `01` ditolak; nilai kontrak `null`
  dikecualikan.
- `bendahara-dinkes-2022.csv`: buku pembantu bendahara Dinas Kesehatan dan dua puskesmas
  (Windows-1252, `;`, CRLF, format rupiah Indonesia); belanja pegawai 5.1.01, tanggal
  `31/02/2022`, nilai `12.34.56`, baris dengan kolom berlebih, tanggal 2021 dan baris
  `JUMLAH` tidak dihitung.

## Expected district totals / Total kabupaten yang diharapkan

| stage | lines | total | PDN (unknown) | UMK-K (unknown) | local (unknown) |
|---|---|---|---|---|---|
| plan | %(pl)s |
| realization | %(rl)s |
"""
    subs = "; ".join("`%s` %s (%d)" % (c, NAME_OF[c], n) for c, n in sub_lines)
    for key, val in [("subs", subs), ("sirup", counts(SIRUP_FILE)), ("nt", counts(NONTENDER_FILE)),
                     ("td", counts(TENDER_FILE)), ("bd", counts(BENDAHARA_FILE)),
                     ("pl", group_row(d["plan"])), ("rl", group_row(d["realization"]))]:
        text = text.replace("%(" + key + ")s", val)
    assert "%(" not in text
    return text


def group_row(g):
    return "%d | %s | %s (%s) | %s (%s) | %s (%s)" % (
        g["lines"], g["total"], g["pdn"]["amount"], g["pdn"]["unknown"],
        g["umkk"]["amount"], g["umkk"]["unknown"], g["local"]["amount"], g["local"]["unknown"])


# ---------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--out", default=os.path.join(here, "..", "Fixtures", "kukar-2022"))
    args = ap.parse_args()
    out = os.path.normpath(args.out)
    os.makedirs(out, exist_ok=True)

    # ---- plan
    plan = build_plan()
    extras = sirup_extra_rows(plan)
    sirup_pkgs = list(plan)
    for e in extras:   # deterministic, spread through the file
        sirup_pkgs.insert(rng.randint(0, len(sirup_pkgs)), e)
    # the two cell-syntax traps on included rows
    emb = next(p for p in sirup_pkgs if p.opd.startswith("7.01.") and not p.conds
               and p.name == "Belanja Makanan dan Minuman Rapat")
    emb.sirup_name = ("Belanja Makanan dan Minuman Rapat, Kudapan\nRapat Koordinasi "
                      + NAME_OF[emb.opd].title().replace("Kecamatan ", "Camat "))
    quo = next(p for p in sirup_pkgs if p.opd.startswith("7.01.") and not p.conds
               and p.name == "Belanja Pakaian Linmas Kecamatan")
    quo.sirup_name = 'Belanja Pakaian Linmas "Satlinmas" ' + NAME_OF[quo.opd].title()

    sirup_lines = []
    for p in sirup_pkgs:
        ln = Line(SIRUP_FILE, "plan", p.conds, opd=p.kd_satker_str, name=NAME_OF.get(p.unit, ""),
                  amount=p.pagu if p.pagu_text is None else None, column=p.column,
                  year=p.year)
        ln.codes = [str(p.kd_rup)]
        if not p.conds:
            a = p.pagu
            ln.pdn = {"PDN": a, "Non PDN": 0, "": None}[p.pdn]
            ln.umkk = {"UKM": a, "Non UKM": 0, "": None}[p.ukm]
            ln.local = None
        sirup_lines.append(ln)
    sirup_rows = [sirup_row(p) for p in sirup_pkgs]
    write_isb(os.path.join(out, SIRUP_FILE), SIRUP_COLUMNS, sirup_rows, rfc_cell, sirup_lines)

    # ---- realization: SPSE
    nontender, tender = build_realization(plan)
    nt_specials = nontender_specials(plan, nontender)
    for r in nt_specials:
        nontender.insert(rng.randint(0, len(nontender)), r)
    inject_nulls(nontender, 5, 4)
    td_specials = tender_specials(plan, tender)
    for r in td_specials:
        tender.insert(rng.randint(0, len(tender)), r)
    inject_nulls(tender, 6, 3)

    nt_lines = [spse_line(NONTENDER_FILE, r) for r in nontender]
    write_isb(os.path.join(out, NONTENDER_FILE), NONTENDER_COLUMNS,
              [nontender_row(r) for r in nontender], backslash_cell, nt_lines)
    td_lines = [spse_line(TENDER_FILE, r) for r in tender]
    write_isb(os.path.join(out, TENDER_FILE), TENDER_COLUMNS,
              [tender_row(r) for r in tender], backslash_cell, td_lines)

    # ---- realization: treasurer sheet
    bd_lines = write_bendahara(os.path.join(out, BENDAHARA_FILE), bendahara_rows())

    files_order = sorted([SIRUP_FILE, NONTENDER_FILE, TENDER_FILE, BENDAHARA_FILE])
    lines_by_file = {SIRUP_FILE: sirup_lines, NONTENDER_FILE: nt_lines, TENDER_FILE: td_lines,
                     BENDAHARA_FILE: bd_lines}
    all_lines = [ln for f in files_order for ln in lines_by_file[f]]
    exp = expected(all_lines, files_order)
    expected_dir = os.path.join(os.path.dirname(out), "expected")
    os.makedirs(expected_dir, exist_ok=True)
    with open(os.path.join(expected_dir, "kukar-2022.json"), "w", encoding="utf-8",
              newline="\n") as f:
        f.write(to_json(exp) + "\n")
    with open(os.path.join(out, "README.md"), "w", encoding="utf-8", newline="\n") as f:
        sub_lines = sorted({ln.opd for ln in sirup_lines if ln.bucket == "included"
                            and ln.opd != rollup(ln.opd)})
        sub_lines = [(c, sum(1 for ln in sirup_lines if ln.opd == c and ln.bucket == "included"))
                     for c in sub_lines]
        f.write(readme(exp, sub_lines))

    problems = check_files(out, lines_by_file)
    for name in files_order:
        x = exp["files"][name]
        print("%-28s rows %3d  included %3d  excluded %2d  rejected %2d  %7d bytes" % (
            name, x["rows"], x["included"], x["excluded"], x["rejected"],
            os.path.getsize(os.path.join(out, name))))
    for s in ("plan", "realization"):
        print(s, group_row(exp["district"][s]))
    if problems:
        for p in problems:
            print("CHECK:", p, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
