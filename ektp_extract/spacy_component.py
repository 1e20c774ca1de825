"""spaCy adapter: the ``ektp_extract`` pipeline component.

Registered through the package's ``spacy_factories`` entry point, so after
``pip install ektp-extract`` this works without importing the package::

    import spacy
    nlp = spacy.blank("id")
    nlp.add_pipe("ektp_extract", config={"extra_patterns": ["my_patterns/"],
                                          "reference_date": "2019-03-20"})
    doc = nlp(text)
    doc.spans["ektp"]      # labelled spans: OFFICIAL POSITION AGENCY QUANTITY TARGET DATE QUOTE
    doc._.ektp             # the ArticleExtraction

The component is a thin adapter over :class:`ektp_extract.Extractor`: it runs
the core extractor on ``doc.text`` (no spaCy tokenizer involved) and turns the
record spans into token-aligned spaCy spans.

``doc._.ektp`` is stored in ``doc.user_data`` as the record's JSON string
(key :data:`USER_DATA_KEY`), because spaCy serialises user data with msgpack
(``Doc.to_bytes``, ``DocBin``, ``nlp.pipe(..., n_process=2)``) and a Pydantic
object would not survive that. Reading ``doc._.ektp`` therefore validates the
JSON into a new ``ArticleExtraction`` on each access: keep the result in a
variable rather than reading the attribute in a loop, and assign
``doc._.ektp = record`` to store a changed record.
"""

# No ``from __future__ import annotations`` here: spaCy validates the factory's
# config against its runtime annotations.

import json
import shutil
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, Union

from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import ensure_path

from ektp_extract.errors import PatternError
from ektp_extract.extractor import Extractor, default_extractor, groups
from ektp_extract.models import ArticleExtraction
from ektp_extract.spans import LABELS, labelled_spans

#: ``doc.user_data`` key under which the ArticleExtraction JSON is kept.
USER_DATA_KEY = "ektp_extract.json"
#: Default ``doc.spans`` key.
SPANS_KEY = "ektp"
#: Folder inside the component's ``to_disk`` directory holding copies of the user patterns.
PATTERNS_DIR = "user_patterns"
_CFG_FILE = "cfg.json"

__all__ = ["EktpExtractComponent", "LABELS", "SPANS_KEY", "USER_DATA_KEY", "make_component"]


def _get_ektp(doc: Doc) -> Optional[ArticleExtraction]:
    data = doc.user_data.get(USER_DATA_KEY)
    if data is None:
        return None
    return ArticleExtraction.model_validate_json(data)


def _set_ektp(doc: Doc, value: Optional[ArticleExtraction]) -> None:
    if value is None:
        doc.user_data.pop(USER_DATA_KEY, None)
    else:
        doc.user_data[USER_DATA_KEY] = value.to_json()


if not Doc.has_extension("ektp"):
    Doc.set_extension("ektp", getter=_get_ektp, setter=_set_ektp)


class EktpExtractComponent:
    """Runs the extractor on each Doc; see the module docstring."""

    def __init__(
        self,
        nlp: Optional[Language] = None,
        name: str = "ektp_extract",
        *,
        extra_patterns: Iterable[Union[str, Path]] = (),
        reference_date: Optional[str] = None,
        spans_key: str = SPANS_KEY,
    ) -> None:
        self.name = name
        self.extra_patterns = [str(p) for p in extra_patterns]
        self.reference_date = reference_date
        self.spans_key = spans_key
        self._extractor: Optional[Extractor] = None
        # Load now so that a bad pattern file fails at add_pipe. When a directory
        # named in the config is gone (a pipeline saved elsewhere and loaded here),
        # wait: from_disk() restores the copies saved with the pipeline.
        if all(Path(p).exists() for p in self.extra_patterns):
            self._extractor = self._load(self.extra_patterns)

    @staticmethod
    def _load(dirs: List[str]) -> Extractor:
        return Extractor(dirs) if dirs else default_extractor()

    @property
    def extractor(self) -> Extractor:
        """The loaded :class:`Extractor` (loaded on first use when deferred)."""
        if self._extractor is None:
            missing = [p for p in self.extra_patterns if not Path(p).exists()]
            if missing:
                raise PatternError(missing[0], "extra_patterns",
                                   "no such pattern directory (fix the path in the component "
                                   "config, or restore the pipeline with from_disk)")
            self._extractor = self._load(self.extra_patterns)
        return self._extractor

    # ------------------------------------------------------------------ running
    def __call__(self, doc: Doc) -> Doc:
        return self._annotate(doc, self.extractor.extract(doc.text, reference_date=self.reference_date))

    def _annotate(self, doc: Doc, res: ArticleExtraction) -> Doc:
        text = doc.text
        doc.user_data[USER_DATA_KEY] = res.to_json()
        group = []
        for start, end, label in labelled_spans(res, text):
            span = doc.char_span(start, end, label=label, alignment_mode="expand")
            if span is not None and len(span):
                group.append(span)
        doc.spans[self.spans_key] = group
        return doc

    def pipe(self, stream: Iterable[Doc], batch_size: int = 128) -> Iterable[Doc]:
        """``nlp.pipe``: the docs extracted in groups (``Extractor.extract_many``, faster than
        one by one), in order."""
        ex = self.extractor
        for group in groups(stream, lambda doc: len(doc.text)):
            yield from self._pipe_group(ex, group)

    def _pipe_group(self, ex: Extractor, group: List[Doc]) -> Iterator[Doc]:
        results = ex._extract_group([(d.text, None, self.reference_date, None) for d in group])
        for doc, res in zip(group, results):
            yield self._annotate(doc, res)

    # ------------------------------------------------------------------ pickling
    def __getstate__(self) -> Dict[str, Any]:
        # Ship the settings, not the compiled lexicon; the receiving process reloads.
        return {"name": self.name, "extra_patterns": self.extra_patterns,
                "reference_date": self.reference_date, "spans_key": self.spans_key}

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.__init__(None, state["name"], extra_patterns=state["extra_patterns"],  # type: ignore[misc]
                      reference_date=state["reference_date"], spans_key=state["spans_key"])

    # ------------------------------------------------------------------ serialisation
    def to_disk(self, path: Union[str, Path], *, exclude: Iterable[str] = ()) -> None:
        """Write the settings and a copy of every user pattern directory or file."""
        folder: Path = ensure_path(path)  # (a str made a Path)
        folder.mkdir(parents=True, exist_ok=True)
        saved = folder / PATTERNS_DIR
        if saved.exists():
            shutil.rmtree(saved)
        names: List[str] = []
        for i, src in enumerate(self.extra_patterns):
            srcp = Path(src)
            dest = saved / f"{i:02d}-{srcp.stem or 'patterns'}"
            if srcp.is_dir():
                shutil.copytree(srcp, dest, ignore=shutil.ignore_patterns("__pycache__", ".*"))
            elif srcp.is_file():
                dest.mkdir(parents=True)
                shutil.copy2(srcp, dest / srcp.name)
            else:
                raise PatternError(src, "extra_patterns", "no such pattern directory")
            names.append(dest.name)
        cfg = {"reference_date": self.reference_date, "spans_key": self.spans_key,
               "extra_patterns": self.extra_patterns, "saved_patterns": names}
        (folder / _CFG_FILE).write_text(json.dumps(cfg, indent=2, ensure_ascii=False),
                                      encoding="utf-8")

    def from_disk(self, path: Union[str, Path], *,
                  exclude: Iterable[str] = ()) -> "EktpExtractComponent":
        """Restore what :meth:`to_disk` wrote; the saved pattern copies replace the paths."""
        folder: Path = ensure_path(path)  # (a str made a Path)
        cfg = json.loads((folder / _CFG_FILE).read_text(encoding="utf-8"))
        self.reference_date = cfg.get("reference_date")
        self.spans_key = cfg.get("spans_key", SPANS_KEY)
        self.extra_patterns = [str(folder / PATTERNS_DIR / n) for n in cfg.get("saved_patterns", [])]
        self._extractor = self._load(self.extra_patterns)
        return self

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Settings only; user patterns travel with :meth:`to_disk`, not in bytes."""
        return json.dumps({"reference_date": self.reference_date,
                           "spans_key": self.spans_key}).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "EktpExtractComponent":
        cfg = json.loads(data.decode("utf-8"))
        self.reference_date = cfg.get("reference_date")
        self.spans_key = cfg.get("spans_key", SPANS_KEY)
        return self


@Language.factory(
    "ektp_extract",
    default_config={"extra_patterns": [], "reference_date": None, "spans_key": SPANS_KEY},
)
def make_component(
    nlp: Language,
    name: str,
    extra_patterns: List[str],
    reference_date: Optional[str],
    spans_key: str,
) -> EktpExtractComponent:
    """Factory of the ``ektp_extract`` component (spaCy entry point ``spacy_factories``).

    ``extra_patterns``: user pattern directories or files, added after the built-in ones.
    ``reference_date``: ISO date that relative dates resolve against (default: the
    publication date read from each article). ``spans_key``: the ``doc.spans`` key.
    """
    return EktpExtractComponent(nlp, name, extra_patterns=extra_patterns,
                                reference_date=reference_date, spans_key=spans_key)
