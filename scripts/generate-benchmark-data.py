#!/usr/bin/env python3
"""Writes large, realistic export files for the p3dn benchmark, deterministically.

    python3 scripts/generate-benchmark-data.py --rows 1000000 --shape canonical --out big.csv

Shapes:
  canonical  a treasurer's realization sheet: `;` delimiter, Indonesian amounts, quoted
             descriptions holding `;` and newlines, 13 columns with flags and TKDN/BMP
  sirup      SIRUP RUP paket penyedia (ISB 1018 columns), `,` delimiter, plan lines
  spse       SPSE non-tender results (ISB 1017 columns), `,` delimiter, `\\"` escapes

About 60 OPDs with sub-units; every flag word the tool knows plus some it does not; and a
few percent of lines that are excluded or rejected (other years, out-of-scope accounts,
unreadable amounts and dates, ragged rows, total rows; statuses for SIRUP and SPSE).
The same arguments always give the same bytes.
"""

import argparse
import random

OPD_NAMES = [
    "Dinas Pendidikan dan Kebudayaan", "Dinas Kesehatan", "RSUD A.M. Parikesit",
    "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas Perumahan dan Kawasan Permukiman",
    "Satuan Polisi Pamong Praja", "Badan Penanggulangan Bencana Daerah", "Dinas Sosial",
    "Dinas Tenaga Kerja dan Transmigrasi", "Dinas Ketahanan Pangan", "Dinas Lingkungan Hidup",
    "Dinas Kependudukan dan Pencatatan Sipil", "Dinas Perhubungan",
    "Dinas Komunikasi dan Informatika", "Dinas Koperasi dan UKM", "Dinas Pariwisata",
    "Dinas Perikanan dan Kelautan", "Dinas Perkebunan", "Sekretariat Daerah", "Sekretariat DPRD",
    "Badan Perencanaan Pembangunan Daerah", "Badan Pengelolaan Keuangan dan Aset Daerah",
    "Badan Pendapatan Daerah", "Inspektorat Daerah",
]
KECAMATAN = [
    "Samboja", "Muara Jawa", "Sanga-Sanga", "Loa Janan", "Loa Kulu", "Muara Muntai", "Muara Wis",
    "Kota Bangun", "Tenggarong", "Sebulu", "Tenggarong Seberang", "Anggana", "Muara Badak",
    "Marang Kayu", "Muara Kaman", "Kenohan", "Kembang Janggut", "Tabang",
]
ITEMS = [
    "Belanja Alat Tulis Kantor", "Belanja Makanan dan Minuman Rapat", "Belanja Bahan Cetak",
    "Belanja Jasa Kebersihan Kantor", "Pemeliharaan Kendaraan Dinas", "Belanja Sewa Tenda",
    "Belanja Obat-obatan", "Pemeliharaan Jalan Poros Tenggarong – Kota Bangun",
    "Belanja Suvenir Produk Lokal", "Belanja Perlengkapan Kantor", "Belanja Bahan Bakar Minyak",
    "Belanja Jasa Konsultansi Perencanaan",
]
VENDORS = [
    "CV Maju Jaya", "PT Kutai Karya Mandiri", "UD Sinar Tenggarong", "Koperasi Karyawan Sejahtera",
    "KUD Maju Bersama", "CV Mahakam Lestari", "PT Borneo Teknik", "Toko Berkah Abadi",
    "CV Samboja Indah", "PT Nusantara Sarana", "KSU Tani Jaya", "CV Loa Kulu Mandiri",
]
REGIONS = ["Kutai Kartanegara", "Kab. Kutai Kartanegara", "Kukar", "Samarinda", "Kota Balikpapan", ""]
PDN_WORDS = ["Ya", "Tidak", "Y", "T", "1", "0", "PDN", "Non PDN", "", "Impor"]
UMK_WORDS = ["Ya", "Tidak", "UMK", "Non UMK", "Usaha Kecil", "Menengah", "Mikro", "Besar", "", "Sedang"]
ACCOUNTS = ["5.1.02.01.01.0024", "5.1.02.02.01.0008", "5.2.02.05.01.0001", "5.1.02.01.01.0052"]


def opds():
    """About 60 OPD codes (8 segments), a third of them with sub-units."""
    codes = []
    for index, name in enumerate(OPD_NAMES):
        base = "%d.%02d.0.00.0.00.%02d" % (1 + index % 5, 1 + index, 1 + index)
        codes.append((base + ".0000", name))
        if index % 3 == 0:
            for unit in range(1, 3):
                codes.append((base + ".%04d" % (index * 10 + unit), "UPT %s %d" % (name, unit)))
    for index, name in enumerate(KECAMATAN):
        codes.append(("7.01.0.00.0.00.%02d.0000" % (index + 1), "Kecamatan " + name))
    return codes


def indonesian(sen):
    rupiah, cents = divmod(sen, 100)
    grouped = "{:,}".format(rupiah).replace(",", ".")
    return grouped + ("" if cents == 0 else ",%02d" % cents)


def canonical(rows, rng):
    """The header, then `rows` lines of a treasurer's sheet."""
    codes = opds()
    yield ("kode_opd;nama_opd;tahap;tanggal;uraian;kode_rekening;penyedia;"
           "kab_kota_penyedia;nilai;pdn;umk;tkdn;bmp")
    for number in range(rows):
        code, name = codes[rng.randrange(len(codes))]
        sen = rng.randrange(10_000_00, 250_000_000_00)
        if rng.random() < 0.3:
            sen -= sen % 100
        amount = indonesian(sen)
        style = rng.random()
        if style < 0.2:
            amount = "Rp " + amount
        elif style < 0.25:
            amount = "Rp. " + amount.split(",")[0] + ",-"
        day = "%02d/%02d/2022" % (rng.randrange(1, 29), rng.randrange(1, 13))
        item = ITEMS[rng.randrange(len(ITEMS))]
        if number % 40 == 0:
            item = '"%s; tahap %d\nuntuk kegiatan ""%s"""' % (item, number % 4 + 1, name)
        account = ACCOUNTS[rng.randrange(len(ACCOUNTS))]
        tkdn = "" if rng.random() < 0.6 else "%d,%d" % (rng.randrange(10, 70), rng.randrange(10))
        bmp = "" if not tkdn or rng.random() < 0.5 else str(rng.randrange(0, 20))
        fields = [
            code, name, "realisasi", day, item, account, VENDORS[rng.randrange(len(VENDORS))],
            REGIONS[rng.randrange(len(REGIONS))], amount, PDN_WORDS[rng.randrange(len(PDN_WORDS))],
            UMK_WORDS[rng.randrange(len(UMK_WORDS))], tkdn, bmp,
        ]
        roll = rng.random()
        if roll < 0.01:
            fields[3] = "%02d/%02d/2021" % (rng.randrange(1, 29), rng.randrange(1, 13))
        elif roll < 0.02:
            fields[5] = "5.1.01.01.01.0001"
        elif roll < 0.025:
            fields[8] = "12.34.56"
        elif roll < 0.028:
            fields[3] = "31/02/2022"
        elif roll < 0.03:
            fields.append("lebih")
        elif roll < 0.031:
            fields = ["JUMLAH", "", "", "", "", "", "", "", indonesian(sen * 7), "", "", "", ""]
        yield ";".join(fields)


def quote(text):
    return '"' + text.replace('"', '""') + '"'


def backslash_quote(text):
    return '"' + text.replace('"', '\\"') + '"'


def sirup(rows, rng):
    codes = opds()
    yield ("tahun_anggaran,kd_klpd,nama_klpd,kd_satker,kd_satker_str,nama_satker,kd_rup,"
           "nama_paket,pagu,metode_pengadaan,status_pdn,status_ukm,status_aktif_rup,"
           "status_delete_rup,status_umumkan_rup")
    for number in range(rows):
        code, name = codes[rng.randrange(len(codes))]
        sen = rng.randrange(1_000_000_00, 5_000_000_000_00) // 100 * 100
        year = "2022" if rng.random() > 0.01 else "2021"
        pagu = str(sen // 100)
        roll = rng.random()
        deleted, active, announced = "false", "true", "Terumumkan"
        if roll < 0.01:
            deleted = "true"
        elif roll < 0.02:
            active = "false"
        elif roll < 0.03:
            announced = "Draf"
        elif roll < 0.035:
            pagu = "null"
        item = ITEMS[rng.randrange(len(ITEMS))]
        if number % 50 == 0:
            item += ", paket %d\n(lanjutan)" % number
        yield ",".join([
            year, quote("D250"), quote("Kab. Kutai Kartanegara"), str(100000 + number % 977), quote(code),
            quote(name), str(30_000_000 + number), quote(item), pagu, quote("Pengadaan Langsung"),
            quote(rng.choice(["PDN", "PDN", "PDN", "Non PDN"])),
            quote(rng.choice(["UKM", "UKM", "Non UKM"])), active, deleted, quote(announced),
        ])


def spse(rows, rng):
    codes = opds()
    yield ("tahun_anggaran,kd_klpd,kd_satker,kd_satker_str,nama_satker,kd_nontender,kd_rup,"
           "nama_paket,pagu,nilai_kontrak,nilai_pdn_kontrak,nilai_umk_kontrak,mak,"
           "status_nontender,nama_penyedia,npwp_penyedia")
    for number in range(rows):
        code, name = codes[rng.randrange(len(codes))]
        sen = rng.randrange(1_000_000_00, 200_000_000_00)
        value = "%d.%02d" % divmod(sen, 100)
        pdn = value if rng.random() < 0.8 else ("0" if rng.random() < 0.5 else "null")
        umk = value if rng.random() < 0.7 else ("0" if rng.random() < 0.5 else "null")
        status = "Selesai" if rng.random() > 0.03 else "Berlangsung"
        if rng.random() < 0.02:
            value = rng.choice(["null", "0", ""])
        account = ACCOUNTS[rng.randrange(len(ACCOUNTS))] if rng.random() > 0.01 else "5.1.05.05.01.0002"
        mak = "1.03.10.2.01.0029.%s." % account
        item = ITEMS[rng.randrange(len(ITEMS))]
        if number % 50 == 0:
            item = 'Paket "%s", lanjutan\\r\\n%d' % (item, number)
        yield ",".join([
            "2022", quote("D250"), str(12_000_000 + number % 977), quote(code), quote(name),
            str(10_000_000_000 + number), quote(str(30_000_000 + number)), backslash_quote(item),
            str(sen // 100 + 1000), value, pdn, umk, quote(mak), quote(status),
            quote(VENDORS[rng.randrange(len(VENDORS))]), quote("01.671.196.2-421.000"),
        ])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, required=True)
    parser.add_argument("--shape", choices=["canonical", "sirup", "spse"], default="canonical")
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=2022)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    lines = {"canonical": canonical, "sirup": sirup, "spse": spse}[args.shape](args.rows, rng)
    with open(args.out, "w", encoding="utf-8", newline="\n") as out:
        batch = []
        for line in lines:
            batch.append(line)
            if len(batch) == 10_000:
                out.write("\n".join(batch) + "\n")
                batch = []
        if batch:
            out.write("\n".join(batch) + "\n")


if __name__ == "__main__":
    main()
