"""Bad input never raises: empty, binary, cp1252, HTML, huge, arbitrary strings."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from _util import assert_spans

from ektp_extract import Extractor


def test_empty_and_blank(extractor: Extractor) -> None:
    for text in ("", "   \n\n  ", b""):
        res = extractor.extract(text)
        assert res.warnings and res.warnings[0].startswith("[W001]")
        assert not res.quantities and not res.officials


def test_binary_bytes(extractor: Extractor) -> None:
    res = extractor.extract(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4)
    assert any(w.startswith("[W008]") for w in res.warnings)


def test_cp1252_bytes(extractor: Extractor) -> None:
    text = "Jakarta (ANTARA) - \u201cKami siap,\u201d ujar Budi di kantor dinas yang baru diresmikan."
    res = extractor.extract(text.encode("cp1252"))
    assert any("cp1252" in w for w in res.warnings)
    assert res.meta.dateline_location == "Jakarta"
    assert_spans(res, text)


def test_html_pasted_as_text(extractor: Extractor) -> None:
    page = (
        "<html><head><title>x</title><style>p{color:red}</style></head><body>"
        "<div class='nav'>Home</div><p>Jakarta (ANTARA) - Pemerintah&nbsp;pusat mempercepat "
        "perekaman data penduduk bagi warga di seluruh daerah.</p><script>var x = 1;</script>"
        "</body></html>"
    )
    res = extractor.extract(page)
    assert any(w.startswith("[W002]") for w in res.warnings)
    assert_spans(res, page)
    for _, span in res.iter_spans():
        assert "<" not in span.text and "var x" not in span.text


def test_ten_megabytes(extractor: Extractor) -> None:
    para = "Dinas mencatat 4.200 warga sudah merekam data pada Senin (18/3/2019). "
    text = para * (10_000_000 // len(para) + 1)
    res = extractor.extract(text)
    assert any(w.startswith("[W003]") for w in res.warnings)


def test_malformed_numbers_and_impossible_dates(extractor: Extractor) -> None:
    text = "Kode 1.2.3.4 tercatat pada 31/2/2016 dan 99/99/9999 di kantor kecamatan."
    res = extractor.extract(text, reference_date="2016-03-01")
    assert_spans(res, text)
    assert all(d.value is None or "2016-02-31" not in d.value for d in res.dates)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=600))
def test_never_raises_on_any_string(extractor: Extractor, text: str) -> None:
    res = extractor.extract(text, reference_date="2019-03-20")
    assert_spans(res, text)
    assert not any(w.startswith("[W006]") for w in res.warnings), res.warnings


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from([
    "Kepala Dinas", "Disdukcapil", "Kota Magelang", ",", ".", '"', "\u201c", "\u201d", "Rp", "2,5",
    "miliar", "96.616", "KTP", "Senin", "(18/4/2016)", "kata", "ujarnya", "Devananda", "\n", "\n\n",
    "target", "persen", "13:50", "WIB", "-", "per", "Desember", "2015", "Drs.", "M.Si", "kemarin",
]), max_size=80))
def test_never_raises_on_article_like_noise(extractor: Extractor, words: list[str]) -> None:
    text = " ".join(words)
    res = extractor.extract(text, reference_date="2019-03-20")
    assert_spans(res, text)
    assert not any(w.startswith("[W006]") for w in res.warnings), res.warnings
