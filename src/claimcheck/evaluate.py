"""Scoring the product against gold data written by hand.

* ``score_sentences``: per-slot precision/recall of the claim extractor on ``fixtures/sentences.yaml``.
* ``score_drafts``: mismatch recall, false alarms and correction accuracy of the checker on
  ``fixtures/drafts/*.yaml``.

The scorer is pure: the extractor and the checker are passed in as callables, so it can be unit
tested on hand-made claims and reports. ``main`` wires the real ones for ``claimcheck evaluate``.
"""
from __future__ import annotations

import re
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Callable, Mapping, Optional, Sequence, Union

import yaml

from claimcheck.lang import pack
from claimcheck.models import Claim, ClaimReport, Mismatch, Report
from claimcheck.nlp.numbers.lexicon import numbers_lexicon
from claimcheck.nlp.numbers.ordinals import ordinal_value
from claimcheck.nlp.numbers.values import word_number

Extract = Callable[[str, Optional[date]], "list[Claim]"]
Check = Callable[..., Report]  # check(text, source=name) -> Report, e.g. Checker.check_text

SLOTS = ("quantity", "noun", "time", "event", "actor", "target", "place")
EXTRA_SLOTS = ("person", "negated")  # reported, not part of the asserted yardstick
EVENTS = {"expel", "leave", "close", "reduce_staff", "recall", "sanction", "arrest", "meet", "open",
          "summon"}  # "summon" (einbestellen) is new: not yet in the lexicon
FIELDS = {"count", "date", "actor", "place", "person", "noun", "target", "event"}

# Hedge words grouped by meaning (gold and prediction agree when their words share a class) and
# aliases accepted as the same value when comparing corrections: lang/de/words.yaml (evaluate).
_WORDS = pack().words.evaluate
_HEDGE_CLASSES: dict[str, list[str]] = _WORDS.hedge_classes
_ALIASES: dict[str, list[str]] = _WORDS.aliases
_ARTICLE, _PREPOSITION = re.compile(_WORDS.article_pattern), re.compile(_WORDS.preposition_pattern)

# --------------------------------------------------------------------------- gold loading

def parse_doc_date(value: Any) -> Optional[date]:
    """YYYY-MM (first day of the month) or YYYY-MM-DD; YAML may already give a date."""
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", str(value).strip())
    if not m:
        raise ValueError(f"bad document date {value!r}: expected YYYY-MM or YYYY-MM-DD")
    return date(int(m[1]), int(m[2]), int(m[3] or 1))


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _check_gold_claim(sid: str, c: dict) -> dict:
    unknown = set(c) - set(SLOTS) - set(EXTRA_SLOTS)
    if unknown:
        raise ValueError(f"{sid}: unknown gold keys {sorted(unknown)}")
    if c.get("quantity") is None and c.get("time") is None:
        raise ValueError(f"{sid}: a claim needs a quantity or a time")
    q = c.get("quantity")
    if isinstance(q, list) and len(q) != 2:
        raise ValueError(f"{sid}: quantity interval must be [low, high]")
    if isinstance(q, dict) and ({"value", "hedge"} - set(q) or set(q) - {"value", "hedge"}):
        raise ValueError(f"{sid}: hedged quantity must be {{value, hedge}}")
    t = c.get("time")
    if t is not None:
        if not (isinstance(t, list) and len(t) == 2):
            raise ValueError(f"{sid}: time must be [first, last]")
        c["time"] = [_as_date(t[0]), _as_date(t[1])]
        if c["time"][0] > c["time"][1]:
            raise ValueError(f"{sid}: time interval reversed")
    if c.get("event") is not None and c["event"] not in EVENTS:
        raise ValueError(f"{sid}: unknown event {c['event']!r}")
    return c


def load_sentences(path: Union[str, Path]) -> list[dict]:
    items = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or []
    seen = set()
    for it in items:
        sid = it["id"]
        if sid in seen:
            raise ValueError(f"duplicate sentence id {sid}")
        seen.add(sid)
        it["date"] = parse_doc_date(it.get("date"))
        it["claims"] = [_check_gold_claim(sid, dict(c)) for c in (it.get("claims") or [])]
    return items


def load_drafts(directory: Union[str, Path]) -> list[dict]:
    drafts = []
    for p in sorted(Path(directory).glob("*.yaml")):
        d = yaml.safe_load(p.read_text(encoding="utf-8"))
        d["name"] = p.stem
        raw = d.get("date")
        d["date"] = parse_doc_date(raw)  # validates; the date header keeps the text as written
        d["date_text"] = None if raw is None else (raw.isoformat() if isinstance(raw, date) else str(raw))
        for e in d.get("expected") or []:
            for r in [e, *(e.get("alternatives") or [])]:
                if r["field"] not in FIELDS or str(r["found"]) not in d["text"]:
                    raise ValueError(f"{p.name}: bad expected entry {r}")
        drafts.append(d)
    return drafts


# --------------------------------------------------------------------------- slot comparison

def _close(a: Optional[float], b: Optional[float]) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= 0.01 * max(abs(a), abs(b)) or a == b


def hedge_class(word: Optional[str]) -> Optional[str]:
    if word is None:
        return None
    w = " ".join(word.casefold().split())
    for name, words in _HEDGE_CLASSES.items():
        if w in words:
            return name
    return w


def quantity_equal(gold: Any, q: Any) -> bool:
    """gold: number (exact), [low, high] (interval, None unbounded) or {value, hedge}."""
    if gold is None or q is None:
        return False
    if isinstance(gold, list):
        return _close(gold[0], q.low) and _close(gold[1], q.high)
    if isinstance(gold, dict):
        return (q.value is not None and _close(gold["value"], q.value)
                and hedge_class(gold["hedge"]) == hedge_class(q.hedge))
    return q.value is not None and _close(float(gold), q.value) and q.hedge is None and not q.vague


def _gold_bounds(gold: Any) -> tuple[float, float]:
    inf = float("inf")
    if isinstance(gold, list):
        return (-inf if gold[0] is None else gold[0], inf if gold[1] is None else gold[1])
    v = gold["value"] if isinstance(gold, dict) else float(gold)
    return (v, v)


def _quantity_compatible(gold: Any, q: Any) -> bool:
    inf = float("inf")
    lo, hi = _gold_bounds(gold)
    qlo = -inf if q.low is None else q.low
    qhi = inf if q.high is None else q.high
    if q.value is not None and lo <= q.value <= hi:
        return True
    return max(lo, qlo) <= min(hi, qhi)


def _slot_value(pred: Claim, slot: str) -> Any:
    if slot == "quantity":
        return pred.quantity
    if slot == "time":
        return pred.time
    if slot == "negated":
        return True if pred.negated else None
    s = getattr(pred, slot, None)
    if s is None and slot == "noun" and pred.quantity is not None and pred.quantity.unit:
        return pred.quantity.unit  # units such as Prozent/Stunde may live on the quantity
    return s.value if s is not None and hasattr(s, "value") else s


def slot_equal(slot: str, gold: Any, pred_value: Any) -> bool:
    if slot == "quantity":
        return quantity_equal(gold, pred_value)
    if slot == "time":
        return gold[0] == pred_value.first and gold[1] == pred_value.last
    if slot == "negated":
        return bool(gold) == bool(pred_value)
    return str(gold).casefold() == str(pred_value).casefold()


def _pair_score(gold: dict, pred: Claim) -> float:
    gq, gt = gold.get("quantity"), gold.get("time")
    if gq is not None:
        if pred.quantity is None:
            return 0.0
        if quantity_equal(gq, pred.quantity):
            score = 3.0
        elif _quantity_compatible(gq, pred.quantity):
            score = 2.0
        else:
            return 0.0
    else:
        if pred.quantity is not None or pred.time is None or gt is None:
            return 0.0
        if slot_equal("time", gt, pred.time):
            score = 3.0
        elif gt[0] <= pred.time.last and pred.time.first <= gt[1]:
            score = 2.0
        else:
            return 0.0
    for slot, bonus in (("time", 0.5), ("noun", 0.25), ("event", 0.1), ("actor", 0.05)):
        pv = _slot_value(pred, slot)
        if gold.get(slot) is not None and pv is not None and slot_equal(slot, gold[slot], pv):
            score += bonus
    return score


def pair_claims(gold: Sequence[dict], pred: Sequence[Claim]) -> list[tuple[Optional[int], Optional[int]]]:
    """Greedy best-first pairing; returns (gold index, pred index) with None for unpaired ones."""
    cands = sorted(((s, gi, pi) for gi, g in enumerate(gold) for pi, p in enumerate(pred)
                    if (s := _pair_score(g, p)) > 0), key=lambda x: (-x[0], x[1], x[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[Optional[int], Optional[int]]] = []
    for _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    pairs += [(gi, None) for gi in range(len(gold)) if gi not in used_g]
    pairs += [(None, pi) for pi in range(len(pred)) if pi not in used_p]
    return pairs


# --------------------------------------------------------------------------- sentence scores

@dataclass
class PR:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class SlotScores:
    sentences: int = 0
    claims: PR = field(default_factory=PR)
    slots: dict = field(default_factory=lambda: {s: PR() for s in SLOTS + EXTRA_SLOTS})
    errors: list = field(default_factory=list)  # (sentence id, slot, gold, predicted)


def _show(slot: str, v: Any) -> str:
    if v is None:
        return "-"
    if slot == "quantity" and hasattr(v, "low"):
        return f"{v.text!r} value={v.value} [{v.low}, {v.high}] hedge={v.hedge}"
    if slot == "time" and hasattr(v, "first"):
        return f"{v.text!r} {v.first}..{v.last}"
    if slot == "time":
        return f"{v[0]}..{v[1]}"
    return str(v)


def score_claims(gold: Sequence[dict], pred: Sequence[Claim], scores: SlotScores, sid: str = "") -> None:
    """Add the comparison of one sentence's gold and predicted claims to ``scores``."""
    for gi, pi in pair_claims(gold, pred):
        g = gold[gi] if gi is not None else {}
        p = pred[pi] if pi is not None else None
        if gi is not None and pi is not None:
            scores.claims.tp += 1
        elif gi is not None:
            scores.claims.fn += 1
            scores.errors.append((sid, "claim", _anchor(g), "-"))
        elif p is not None:
            scores.claims.fp += 1
            scores.errors.append((sid, "claim", "-", p.text))
        for slot in SLOTS + EXTRA_SLOTS:
            gv = g.get(slot) if slot != "negated" else (g.get("negated") or None)
            pv = _slot_value(p, slot) if p is not None else None
            pr = scores.slots[slot]
            if gv is not None and pv is not None and slot_equal(slot, gv, pv):
                pr.tp += 1
                continue
            if gv is not None:
                pr.fn += 1
            if pv is not None:
                pr.fp += 1
            if gv is not None or pv is not None:
                scores.errors.append((sid, slot, _show(slot, gv), _show(slot, pv)))


def _anchor(g: dict) -> str:
    return f"quantity={g['quantity']}" if g.get("quantity") is not None else f"time={_show('time', g['time'])}"


def score_sentences(path: Union[str, Path], extract: Extract) -> SlotScores:
    scores = SlotScores()
    for it in load_sentences(path):
        ctx = (it.get("context") or "").strip()
        offset = len(ctx) + 1 if ctx else 0
        text = f"{ctx} {it['text']}" if ctx else it["text"]
        pred = [c for c in extract(text, it["date"]) if c.start >= offset]
        scores.sentences += 1
        score_claims(it["claims"], pred, scores, it["id"])
    return scores


# --------------------------------------------------------------------------- draft scores

@dataclass
class DraftScores:
    drafts: int = 0
    expected: int = 0
    found: int = 0
    corrected: int = 0
    reported: int = 0
    false_alarms: int = 0
    skipped: list = field(default_factory=list)
    per_field: dict = field(default_factory=dict)  # field -> [expected, found]
    errors: list = field(default_factory=list)  # (draft, kind, detail)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 1.0

    @property
    def correction_accuracy(self) -> float:
        return self.corrected / self.found if self.found else 1.0


def _norm(s: Any) -> str:
    s = " ".join(str(s).replace("\u00a0", " ").split()).strip(" \"'„“”‚‘’").casefold()
    return _ARTICLE.sub("", s)


def _number(s: str) -> Optional[float]:
    """A number in digits or in words ("fünfundfünfzig", "zweimal": a correction in the
    draft's own style is the same number)."""
    t = _norm(s)
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+(,\d+)?|-?\d+(,\d+)?", t):
        return float(t.replace(".", "").replace(",", "."))
    suffix = numbers_lexicon().data.multiplicative.suffix
    word = word_number(t) or (word_number(t[:-len(suffix)]) if t.endswith(suffix) else None)
    if word is None:
        return ordinal_value(t)  # "erster" and "ersten" are the same ordinal, inflected for their sentence
    return float(word)


_DAY = re.compile(_WORDS.day_pattern)  # "am 29. Dezember 2016"


def value_equal(gold: Any, found: Any) -> bool:
    """Is the checker's correction ``found`` the gold value? Numbers compare numerically, state
    names by alias, days without a year ("18. April") match the same day of any year, and a label
    may carry a trailing explanation ("Ende 2016 (Okt.–Dez.)")."""
    a, b = _norm(gold), _norm(found)
    a, b = (_PREPOSITION.sub("", x) for x in (a, b))
    if a == b or re.match(rf"{re.escape(a)}(?![\w.])", b):
        return True
    na, nb = _number(a), _number(b)
    if na is not None and nb is not None:
        return na == nb
    if not re.search(r"\d", a) and b.endswith(" " + a):
        return True  # a surname given with the first name: "Obama" ~ "Barack Obama"
    da, db = _DAY.fullmatch(a), _DAY.fullmatch(b)
    if da and db:
        return da[1] == db[1] and da[2] == db[2] and (not da[3] or not db[3] or da[3] == db[3])
    return any(a in names and b in names for names in _ALIASES.values())


def _occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(needle)}(?!\w)", text)]


def _mismatch_matches(text: str, exp: dict, m: Any) -> bool:
    if m.field != exp["field"]:
        return False
    found = str(exp["found"])
    if any(s < m.end and m.start < e for s, e in _occurrences(text, found)):
        return True
    a, b = _norm(found), _norm(m.found)
    return bool(a and b) and (a == b or re.search(rf"\b{re.escape(a)}\b", b) is not None)


def _in_own_words(exp: dict, m: Any) -> bool:
    """The correction is the draft's wider expression with the gold value put in ("Ende 2015"
    corrected to "Ende 2016" where the gold names the year only: "2015" -> "2016")."""
    found = str(exp["found"])
    word = re.compile(rf"(?<!\w){re.escape(found)}(?!\w)")
    if found == m.found or not word.search(m.found):
        return False
    return value_equal(word.sub(str(exp["expected"]), m.found, count=1), m.expected)


def score_report(draft: dict, report: Report, scores: DraftScores) -> None:
    """Add one draft's report to ``scores``."""
    text, name = draft["text"], draft["name"]
    reported: list[tuple[ClaimReport, Optional[Mismatch]]] = []  # (claim report, mismatch or None)
    for cr in report.claims:
        if cr.verdict == "mismatch":
            reported += [(cr, m) for m in cr.mismatches] or [(cr, None)]
    scores.reported += len(reported)
    consumed: set = set()
    for exp in draft.get("expected") or []:
        readings = [exp, *(exp.get("alternatives") or [])]
        fs = scores.per_field.setdefault(exp["field"], [0, 0])
        fs[0] += 1
        scores.expected += 1
        hits = [(i, r, m) for i, (cr, m) in enumerate(reported) if m is not None
                for r in readings if _mismatch_matches(text, r, m)]
        if not hits:
            scores.errors.append((name, "missed", f"{exp['field']} {exp['found']!r} -> {exp['expected']!r}"))
            continue
        scores.found += 1
        fs[1] += 1
        consumed.update(i for i, _, _ in hits)
        ok = any(value_equal(r["expected"], m.expected) or _in_own_words(r, m)
                 or any(value_equal(r["expected"], alt) for alt in reported[i][0].alternatives)
                 for i, r, m in hits)
        if ok:
            scores.corrected += 1
        else:
            got = "; ".join(repr(m.expected) for _, _, m in hits)
            scores.errors.append((name, "wrong correction", f"{exp['found']!r}: expected {exp['expected']!r}, got {got}"))
    for i, (cr, m) in enumerate(reported):
        if i not in consumed:
            scores.false_alarms += 1
            detail = f"{m.field} {m.found!r} -> {m.expected!r}" if m is not None else cr.text
            scores.errors.append((name, "false alarm", detail))


def with_date_header(text: str, doc_date: Optional[str]) -> str:
    """Prefix the in-band document date header used by source articles (" date 2025-02 ")."""
    return f" date {doc_date} {text}" if doc_date else text


def score_drafts(directory: Union[str, Path], check: Optional[Check],
                 references: Optional[Mapping[str, Check]] = None) -> DraftScores:
    """``check`` checks against the bundled reference ("istanbul"); ``references`` maps the ids of
    further references to their check functions. Drafts with an unknown reference are skipped."""
    checks = dict(references or {})
    if check is not None:
        checks.setdefault("istanbul", check)
    scores = DraftScores()
    for d in load_drafts(directory):
        fn = checks.get(d.get("reference", "istanbul"))
        if fn is None:
            scores.skipped.append(d["name"])
            continue
        scores.drafts += 1
        checked = dict(d, text=with_date_header(d["text"], d.get("date_text")))
        score_report(checked, fn(checked["text"], source=d["name"]), scores)
    return scores


# --------------------------------------------------------------------------- output and CLI

def format_scores(sentences: Optional[SlotScores] = None, drafts: Optional[DraftScores] = None,
                  details: bool = False) -> str:
    out = []
    if sentences is not None:
        out.append(f"Extraction: {sentences.sentences} sentences")
        out.append(f"{'slot':<10}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>6}{'FN':>6}")
        rows = [("claims", sentences.claims)] + [(s, sentences.slots[s]) for s in SLOTS + EXTRA_SLOTS]
        for name, pr in rows:
            out.append(f"{name:<10}{pr.precision:>7.3f}{pr.recall:>7.3f}{pr.f1:>7.3f}{pr.tp:>6}{pr.fp:>6}{pr.fn:>6}")
        if details:
            out += [f"  {sid:<6} {slot:<9} gold={g}  pred={p}" for sid, slot, g, p in sentences.errors]
    if drafts is not None:
        if out:
            out.append("")
        out.append(f"Drafts: {drafts.drafts} checked" + (f", skipped {len(drafts.skipped)}: {', '.join(drafts.skipped)}" if drafts.skipped else ""))
        out.append(f"  mismatch recall      {drafts.recall:.3f}  ({drafts.found}/{drafts.expected})")
        out.append(f"  false alarms         {drafts.false_alarms}  (of {drafts.reported} reported)")
        out.append(f"  correction accuracy  {drafts.correction_accuracy:.3f}  ({drafts.corrected}/{drafts.found})")
        for f, (n, k) in sorted(drafts.per_field.items()):
            out.append(f"    {f:<8} {k}/{n}")
        if details:
            out += [f"  {name}: {kind}: {detail}" for name, kind, detail in drafts.errors]
    return "\n".join(out)


def make_check(reference: str, sources: Union[str, Path], workdir: Union[str, Path]) -> Check:
    """The check function of a reference id: "istanbul" is the bundled fact base; any other id is
    built from ``<sources>/<id>.txt`` with ``build_reference`` and saved as JSON into ``workdir``."""
    from claimcheck import Checker, build_reference

    if reference == "istanbul":
        return Checker().check_text
    fb = build_reference(Path(sources) / f"{reference}.txt")
    path = Path(workdir) / f"{reference}.facts.json"
    path.write_text(fb.model_dump_json(indent=1), encoding="utf-8")
    return Checker(reference=fb).check_text


def make_checks(drafts_dir: Union[str, Path], sources: Union[str, Path], workdir: Union[str, Path]) -> dict:
    refs = {d.get("reference", "istanbul") for d in load_drafts(drafts_dir)}
    return {r: make_check(r, sources, workdir) for r in sorted(refs)}


def main(argv: Optional[Sequence[str]] = None) -> int:
    from claimcheck.cli_help import GermanParser, epilog

    ap = GermanParser(prog="claimcheck evaluate", description=(
        "Misst die Genauigkeit gegen die handgeschriebenen Gold-Daten (im Projektverzeichnis "
        "aufrufen\noder --sentences/--drafts angeben)."), epilog=epilog(
        "0  fertig (bzw. kein Wert unter --fail-under)\n1  ein Wert unter --fail-under\n"
        "2  Gold-Daten nicht gefunden oder ungültig", "claimcheck evaluate --details",
        "claimcheck evaluate --drafts fixtures/drafts --fail-under 0.95"))
    ap.add_argument("--sentences", metavar="DATEI",
                    help="Gold-Sätze (YAML; Standard: fixtures/sentences.yaml)")
    ap.add_argument("--drafts", metavar="ORDNER", help="Ordner der Gold-Entwürfe (Standard: fixtures/drafts)")
    ap.add_argument("--sources", default="fixtures/sources", metavar="ORDNER",
                    help="Ordner weiterer Quellartikel (Standard: fixtures/sources)")
    ap.add_argument("--details", action="store_true", help="jeden Fehler auflisten")
    ap.add_argument("--fail-under", type=float, default=None, metavar="WERT",
                    help="Exit-Status 1, wenn ein Wert darunter liegt")
    args = ap.parse_args(argv)
    sent_path, drafts_dir = args.sentences, args.drafts
    if sent_path is None and drafts_dir is None:
        sent_path, drafts_dir = "fixtures/sentences.yaml", "fixtures/drafts"
    missing = [p for p in (sent_path, drafts_dir) if p and not Path(p).exists()]
    if missing:
        print(f"claimcheck evaluate: Gold-Daten nicht gefunden: {', '.join(missing)} (im "
              "Projektverzeichnis aufrufen oder --sentences/--drafts angeben)", file=sys.stderr)
        return 2
    s = d = None
    if sent_path:
        from claimcheck import extract_claims
        s = score_sentences(sent_path, extract_claims)
    if drafts_dir:
        with tempfile.TemporaryDirectory() as tmp:
            checks = make_checks(drafts_dir, args.sources, tmp)
            d = score_drafts(drafts_dir, None, checks)
    print(format_scores(s, d, details=args.details))
    if args.fail_under is not None:
        values = []
        if s:
            values += [s.claims.precision, s.claims.recall]
            values += [v for sl in SLOTS for v in (s.slots[sl].precision, s.slots[sl].recall)]
        if d:
            values.append(d.recall)
            if d.false_alarms:
                values.append(0.0)
        if any(v < args.fail_under for v in values):
            return 1
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
