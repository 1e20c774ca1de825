"""Pattern files: validation errors name the file and the row; user directories add and override."""

from __future__ import annotations

from pathlib import Path

import pytest

from ektp_extract import Extractor
from ektp_extract.errors import PatternError
from ektp_extract.lexicon import builtin_dir, load_lexicon


def _write(tmp_path: Path, name: str, text: str) -> Path:
    d = tmp_path / "mine"
    d.mkdir(exist_ok=True)
    (d / name).write_text(text, encoding="utf-8")
    return d


def test_builtin_patterns_load_and_carry_examples() -> None:
    lex = load_lexicon([])
    assert (builtin_dir() / "calendar.toml").is_file()
    assert len(lex.rows("calendar", "months")) == 12
    assert len(lex.examples) > 10


def test_unknown_kind_is_named(tmp_path: Path) -> None:
    d = _write(tmp_path, "x.toml", '[file]\nkind = "nope"\n')
    with pytest.raises(PatternError) as err:
        load_lexicon([d])
    assert "x.toml" in str(err.value) and "unknown kind 'nope'" in str(err.value)


def test_bad_row_names_file_row_and_problem(tmp_path: Path) -> None:
    d = _write(tmp_path, "cal.toml", '[file]\nkind = "calendar"\n\n[[months]]\nid = "x"\nnumber = "dua"\nforms = ["X"]\n')
    with pytest.raises(PatternError) as err:
        load_lexicon([d])
    msg = str(err.value)
    assert "cal.toml" in msg and "[[months]] #1 (id='x')" in msg and "number" in msg


def test_typo_in_field_name_is_rejected(tmp_path: Path) -> None:
    d = _write(tmp_path, "cal.toml", '[file]\nkind = "calendar"\n\n[[months]]\nid = "x"\nnumber = 1\nfrom = ["X"]\n')
    with pytest.raises(PatternError, match="forms"):
        load_lexicon([d])


def test_duplicate_id_in_one_file_is_rejected(tmp_path: Path) -> None:
    row = '[[months]]\nid = "x"\nnumber = 1\nforms = ["X"]\n'
    d = _write(tmp_path, "cal.toml", '[file]\nkind = "calendar"\n\n' + row + row)
    with pytest.raises(PatternError, match="duplicate id 'x'"):
        load_lexicon([d])


def test_invalid_toml_is_named(tmp_path: Path) -> None:
    d = _write(tmp_path, "broken.toml", "[file\nkind=")
    with pytest.raises(PatternError, match="broken.toml.*not valid TOML"):
        load_lexicon([d])


def test_user_directory_adds_and_overrides(tmp_path: Path) -> None:
    d = _write(tmp_path, "outlets.toml", (
        '[file]\nkind = "meta"\n\n'
        '[[outlets]]\nid = "kompas"\nname = "Harian Kompas"\nforms = ["KOMPAS.com"]\n\n'
        '[[outlets]]\nid = "warta-desa"\nname = "Warta Desa"\nforms = ["WARTADESA.ID"]\n'
    ))
    ex = Extractor(extra_patterns=[d])
    rest = " Pemerintah desa mempercepat pendataan warga yang belum memiliki kartu identitas."
    assert ex.extract("Judul Berita Cukup Panjang\n\nJAKARTA, KOMPAS.com -" + rest).meta.outlet == "Harian Kompas"
    assert ex.extract("Judul Berita Cukup Panjang\n\nWARTADESA.ID, Sleman -" + rest).meta.outlet == "Warta Desa"
    # the built-in lexicon is untouched
    assert Extractor().extract("Judul Berita Cukup Panjang\n\nJAKARTA, KOMPAS.com -" + rest).meta.outlet == "Kompas.com"
