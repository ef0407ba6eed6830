"""Validity of the paraphrase drafts in fixtures/realref/ (no accuracy threshold here: the scores
are printed by benchmarks/paraphrase.py). The articles they restate live outside the project in
../shared/realworld/; checks that need them skip with a message when the folder is absent."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

from claimcheck.evaluate import load_drafts

ROOT = Path(__file__).resolve().parents[1]
REALREF = ROOT / "fixtures" / "realref"
ARTICLES = ROOT.parent / "shared" / "realworld"
SPLITS = ("tune", "heldout")  # files 01-55, split by the fixed rule of the README
HELDOUT2 = "heldout2"  # files 56.., a second held-out split written later by another author
HELDOUT3 = "heldout3"  # files 89.., a third held-out split, written blind after heldout2 was used for tuning
HELDOUT4 = "heldout4"  # files 120.., a fourth held-out split, written blind after heldout3
HELDOUT5 = "heldout5"  # files 156.., a fifth held-out split, written blind after heldout4
HELDOUT6 = "heldout6"  # files 183.., a sixth held-out split, written blind after heldout5
HELDOUT7 = "heldout7"  # files 219.., a seventh held-out split, written blind after heldout6
# session 6: seven blind rounds of two splits each (files 255.., 36 per split), each measured once
SESSION6 = tuple(f"heldout{n}" for n in range(8, 22))
SESSION7 = tuple(f"heldout{n}" for n in range(22, 30))
SESSION8 = tuple(f"heldout{n}" for n in range(30, 40))
SESSION9 = tuple(f"heldout{n}" for n in range(40, 68))  # rounds C-I (each measured once, blind, then tuned on)
SESSION10 = tuple(f"heldout{n}" for n in range(68, 100))  # rounds J-Q (each measured once, blind; J, K tuned on)
COPY_RUN = 5  # words in a row a draft may not share with its article (no copied phrases)

LATER = (HELDOUT2, HELDOUT3, HELDOUT4, HELDOUT5, HELDOUT6, HELDOUT7, *SESSION6, *SESSION7, *SESSION8, *SESSION9, *SESSION10)
DRAFTS = {s: load_drafts(REALREF / s) for s in (*SPLITS, *LATER)}
ALL = [(s, d) for s in SPLITS for d in DRAFTS[s]]
EVERY = ALL + [(h, d) for h in LATER for d in DRAFTS[h]]
IDS = [f"{s}/{d['name']}" for s, d in ALL]
EVERY_IDS = [f"{s}/{d['name']}" for s, d in EVERY]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _article(stem: str) -> Path:
    if not ARTICLES.is_dir():
        pytest.skip(f"{ARTICLES} not found: the real articles are not part of the project")
    return ARTICLES / f"{stem}.txt"


@pytest.mark.parametrize("split, draft", EVERY, ids=EVERY_IDS)
def test_draft_is_well_formed(split, draft):
    text = draft["text"]
    assert draft["date"] is not None, "every draft carries the article's date"
    assert re.fullmatch(r"\d{2}_[a-zA-Z0-9_]+", draft["reference"])
    assert 1 <= len(re.findall(r"[.!?](?:\s|$)", text)) <= 4, "1-4 sentences"
    expected = draft.get("expected") or []
    assert len(expected) <= 1, "at most one injected wrong value per draft"
    for e in expected:
        for r in [e, *(e.get("alternatives") or [])]:
            assert str(r["found"]) in text
            assert r["field"] in {"count", "date"}
            assert str(r["expected"]) and str(r["expected"]) != str(r["found"])


@pytest.mark.parametrize("split, draft", ALL, ids=IDS)
def test_split_follows_the_fixed_rule(split, draft):
    number = int(draft["name"].split("-", 1)[0])
    assert split == ("heldout" if number % 3 == 0 else "tune"), "files numbered 3, 6, 9 … are held out"


def test_split_sizes_and_coverage():
    numbers = sorted(int(d["name"].split("-", 1)[0]) for _, d in ALL)
    assert numbers == list(range(1, len(ALL) + 1)), "files are numbered 01..N without gaps"
    tune, held = len(DRAFTS["tune"]), len(DRAFTS["heldout"])
    assert 45 <= tune + held <= 60
    assert 0.28 <= held / (tune + held) <= 0.38, "about a third is held out"
    refs = {s: {d["reference"] for d in DRAFTS[s]} for s in SPLITS}
    assert len(refs["tune"]) >= 3 and refs["tune"] == refs["heldout"]
    for s in SPLITS:
        errors = sum(len(d.get("expected") or []) for d in DRAFTS[s])
        assert 0.3 <= errors / len(DRAFTS[s]) <= 0.7, f"{s}: a mix of wrong and faithful drafts"


def test_second_heldout_split():
    drafts = DRAFTS[HELDOUT2]
    numbers = sorted(int(d["name"].split("-", 1)[0]) for d in drafts)
    assert numbers == list(range(len(ALL) + 1, len(ALL) + 1 + len(drafts))), "numbered on from the first splits"
    assert 25 <= len(drafts) <= 40
    errors = sum(len(d.get("expected") or []) for d in drafts)
    assert 0.3 <= errors / len(drafts) <= 0.7, "a mix of wrong and faithful drafts"
    refs = {d["reference"] for d in drafts}
    assert len(refs - {d["reference"] for _, d in ALL}) >= 3, "mostly articles the first splits do not use"


def _check_later_split(split: str, earlier: tuple[str, ...]) -> None:
    """A blind split numbered on from the splits before it, a mix of wrong and faithful drafts,
    spread over every article the earlier splits use, none dominating."""
    drafts = DRAFTS[split]
    first = len(ALL) + sum(len(DRAFTS[s]) for s in earlier) + 1
    numbers = sorted(int(d["name"].split("-", 1)[0]) for d in drafts)
    assert numbers == list(range(first, first + len(drafts))), "numbered on from the split before, without gaps"
    assert 25 <= len(drafts) <= 40
    errors = sum(len(d.get("expected") or []) for d in drafts)
    assert 0.3 <= errors / len(drafts) <= 0.7, "a mix of wrong and faithful drafts"
    per_ref: dict[str, int] = {}
    for d in drafts:
        per_ref[d["reference"]] = per_ref.get(d["reference"], 0) + 1
    used = {d["reference"] for s in (*SPLITS, *earlier) for d in DRAFTS[s]}
    assert set(per_ref) == used, "spread over every article of the earlier splits"
    assert max(per_ref.values()) <= 5, "no article dominates"


def test_third_heldout_split():
    _check_later_split(HELDOUT3, (HELDOUT2,))  # files 89..


def test_fourth_heldout_split():
    _check_later_split(HELDOUT4, (HELDOUT2, HELDOUT3))  # files 120..


def test_fifth_heldout_split():
    _check_later_split(HELDOUT5, (HELDOUT2, HELDOUT3, HELDOUT4))  # files 156..


def test_sixth_heldout_split():
    _check_later_split(HELDOUT6, (HELDOUT2, HELDOUT3, HELDOUT4, HELDOUT5))  # files 183..


def test_seventh_heldout_split():
    _check_later_split(HELDOUT7, (HELDOUT2, HELDOUT3, HELDOUT4, HELDOUT5, HELDOUT6))  # files 219..


@pytest.mark.parametrize("split", SESSION6 + SESSION7 + SESSION8 + SESSION9 + SESSION10)
def test_later_heldout_splits(split):
    """heldout8 (files 255..) to heldout39: two blind splits per round, each numbered on from the one before."""
    _check_later_split(split, LATER[:LATER.index(split)])


@pytest.mark.parametrize("split, draft", EVERY, ids=EVERY_IDS)
def test_reference_article_exists_and_is_not_copied(split, draft):
    path = _article(draft["reference"])
    assert path.is_file(), f"{draft['name']}: no article {path.name}"
    art = _words(path.read_text(encoding="utf-8"))
    runs = {tuple(art[i:i + COPY_RUN]) for i in range(len(art) - COPY_RUN + 1)}
    own = _words(draft["text"])
    copied = [" ".join(own[i:i + COPY_RUN]) for i in range(len(own) - COPY_RUN + 1)
              if tuple(own[i:i + COPY_RUN]) in runs]
    assert not copied, f"{draft['name']}: phrase copied from the article: {copied}"


def test_benchmark_skips_without_articles(tmp_path, capsys):
    spec = importlib.util.spec_from_file_location("paraphrase", ROOT / "benchmarks" / "paraphrase.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    assert bench.main(["--sources", str(tmp_path / "absent")]) == 0
    assert "not found" in capsys.readouterr().out
    assert bench.main(["--sources", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "lacks " in out and "08_spiegel_putin_755_mitarbeiter.txt" in out
