"""Sentence alignment of German text with its English reference: typed beads, calibrated
confidence, QA flags."""

from typing import (
    Any,
    Generic,
    Iterable,
    Iterator,
    List,
    Literal,
    Mapping,
    Optional,
    Sequence,
    Tuple,
    TypeVar,
    Union,
    final,
    overload,
)

__all__ = [
    "AlignBatch",
    "Aligner",
    "Alignment",
    "AlignmentError",
    "Bead",
    "__version__",
    "align",
    "align_batch",
]

__version__: str

class AlignmentError(ValueError):
    """A document pair could not be aligned, or a configuration is not valid. The message is
    the library's."""

@final
class Bead:
    """One bead: a run of German sentences linked to a run of English sentences (either run
    may be empty: an English sentence left out of the German is an omission, a German sentence
    without English an addition)."""

    @property
    def german(self) -> List[int]:
        """Indices of the German sentences (possibly none)."""
    @property
    def english(self) -> List[int]:
        """Indices of the English sentences (possibly none)."""
    @property
    def german_text(self) -> str:
        """The German sentences of the bead, joined by a space."""
    @property
    def english_text(self) -> str:
        """The English sentences of the bead, joined by a space."""
    @property
    def shape(self) -> str:
        """The shape, ``"<german count>-<english count>"``, e.g. ``"1-2"``."""
    @property
    def cost(self) -> float:
        """The search's cost of the bead (lower is better)."""
    @property
    def confidence(self) -> float:
        """The calibrated probability in [0, 1] that the bead is right."""
    @property
    def is_omission(self) -> bool:
        """English sentences without German."""
    @property
    def is_addition(self) -> bool:
        """German sentences without English."""
    def to_dict(self) -> dict[str, Any]:
        """The bead as a dict: german, english, german_text, english_text, shape, cost,
        confidence."""
    def __eq__(self, value: object, /) -> bool: ...

@final
class Alignment:
    """The alignment of a German text with its English reference: both texts, split into
    sentences, and the beads that cover every sentence of both sides once, in order.

    Iterating an ``Alignment`` yields its beads; ``len()`` is their number."""

    @property
    def beads(self) -> List[Bead]:
        """The beads, in order."""
    @property
    def german(self) -> List[str]:
        """The German sentences, in order."""
    @property
    def english(self) -> List[str]:
        """The English sentences, in order."""
    @property
    def german_source(self) -> str:
        """The German text as given."""
    @property
    def english_source(self) -> str:
        """The English text as given."""
    @property
    def german_spans(self) -> List[Tuple[int, int]]:
        """Where each German sentence sits in ``german_source``, as ``(start, end)`` string
        indices: ``german_source[start:end] == german[k]``."""
    @property
    def english_spans(self) -> List[Tuple[int, int]]:
        """Where each English sentence sits in ``english_source``."""
    def pairs(self, min_confidence: float = 0.0) -> List[Tuple[str, str, float]]:
        """Beads linking both sides with at least ``min_confidence``, as
        ``(german_text, english_text, confidence)``."""
    def omissions(self) -> List[Tuple[int, str, float]]:
        """English sentences with no German counterpart, as ``(english_index, text, confidence)``."""
    def additions(self) -> List[Tuple[int, str, float]]:
        """German sentences with no English counterpart, as ``(german_index, text, confidence)``."""
    @property
    def flags(self) -> List[dict[str, Any]]:
        """Translation-QA flags, one dict per flag: ``bead``, ``kind``, ``reason`` and the
        flag's own fields."""
    @property
    def verdict(self) -> dict[str, Any]:
        """The verdict on the document pair: ``parallel_score``, ``coverage``,
        ``mean_confidence``, ``shapes``, ``flags``, and more."""
    def to_json(self, indent: bool = False) -> str:
        """The alignment as JSON in the Rust library's serde layout."""
    def __len__(self) -> int: ...
    def __iter__(self) -> Iterator[Bead]: ...

_Pair = Union[Tuple[str, str], Sequence[str]]

_T = TypeVar("_T")

@final
class AlignBatch(Iterator[_T], Generic[_T]):
    """The iterator returned by ``align_batch``: alignments in input order (with
    ``on_error="return"``, the exception of a failed pair in its place)."""

    def __iter__(self) -> "AlignBatch[_T]": ...
    def __next__(self) -> _T: ...

@final
class Aligner:
    """A sentence aligner, built once from a configuration and reused.

    ``config`` is a dict of the library's ``AlignerConfig`` fields (for example
    ``{"costs": {"skip_cost": 3.0}, "search": {"band_width": 4}}``); keys left out keep their defaults,
    and an unknown key or a value of the wrong type raises ``AlignmentError``."""

    def __new__(cls, config: Optional[Mapping[str, Any]] = None) -> "Aligner": ...
    @property
    def config(self) -> dict[str, Any]:
        """The configuration in force (every field, defaults included)."""
    def align(self, german: str, english: str, presegmented: bool = False) -> Alignment:
        """Aligns one document pair."""
    @overload
    def align_batch(
        self,
        pairs: Iterable[_Pair],
        presegmented: bool = False,
        chunk_size: Optional[int] = None,
        on_error: Literal["raise"] = "raise",
    ) -> AlignBatch[Alignment]: ...
    @overload
    def align_batch(
        self,
        pairs: Iterable[_Pair],
        presegmented: bool = False,
        chunk_size: Optional[int] = None,
        *,
        on_error: Literal["return"],
    ) -> AlignBatch[Union[Alignment, BaseException]]:
        """Aligns many pairs on all cores; results in input order. See ``align_batch``."""

def align(
    german: str,
    english: str,
    presegmented: bool = False,
    config: Optional[Mapping[str, Any]] = None,
) -> Alignment:
    """Aligns ``german`` with ``english``. Raises ``AlignmentError`` when the configuration is
    not valid or no alignment exists under its bead shapes."""

@overload
def align_batch(
    pairs: Iterable[_Pair],
    presegmented: bool = False,
    config: Optional[Mapping[str, Any]] = None,
    chunk_size: Optional[int] = None,
    on_error: Literal["raise"] = "raise",
) -> AlignBatch[Alignment]: ...
@overload
def align_batch(
    pairs: Iterable[_Pair],
    presegmented: bool = False,
    config: Optional[Mapping[str, Any]] = None,
    chunk_size: Optional[int] = None,
    *,
    on_error: Literal["return"],
) -> AlignBatch[Union[Alignment, BaseException]]:
    """Aligns an iterable of ``(german, english)`` pairs and yields an ``Alignment`` for each,
    in input order. The input is read ``chunk_size`` pairs at a time (by default 64 per
    core); each chunk is aligned on all cores with the GIL released, the next one while
    Python consumes the last. A pair that is not two strings raises ``TypeError``, one that
    cannot be aligned ``AlignmentError``, at its place; with ``on_error="return"`` the
    exception object is yielded in its place instead and the batch goes on."""
