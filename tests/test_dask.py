"""`claimcheck batch --engine dask` on a dask.distributed LocalCluster and the pure
``check_document`` function (claimcheck.dask_engine). Skipped without the ``[dask]`` extra."""
from __future__ import annotations

import json

import pytest

from claimcheck import cli
from claimcheck.dask_engine import check_document

from conftest import FACTS

TEXTS = ["date 2025-03\n\nEnde 2016 wiesen die USA 45 russische Diplomaten aus.\n",
         "date 2025-03\n\n2018 schlossen die USA das Konsulat in Seattle und wiesen 60 Diplomaten aus.\n",
         "date 2025-03\n\nDer Verein gewann am Samstag mit 3:1.\n"]


def _folder(tmp_path):
    root = tmp_path / "drafts"
    (root / "sub").mkdir(parents=True)
    for i in range(12):
        (root / ("sub" if i % 4 == 0 else "") / f"d{i:02}.txt").write_text(TEXTS[i % 3], encoding="utf-8")
    (root / "empty.txt").write_bytes(b"")
    return root


def _rows(path):
    return sorted(json.dumps(json.loads(line), sort_keys=True)
                  for line in path.read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("data", [TEXTS[0], TEXTS[0].encode("utf-16")])
def test_check_document_is_the_batch_record(checker, data):
    record = check_document(data, "draft-1", reference=str(FACTS), model="blank")
    expected = checker.check_text(TEXTS[0], source="draft-1").model_dump(mode="json")
    assert record == expected
    assert record["summary"]["mismatch"] == 1


def test_check_document_error_record():
    record = check_document(b"   ", "leer.txt", reference=str(FACTS), model="blank")
    assert record == {"source": "leer.txt", "error": {"code": "E003", "message": "Eingabe ist leer: leer.txt"}}


def test_dask_engine_rows_equal_local_engine(tmp_path, capsys):
    distributed = pytest.importorskip("distributed", reason="dask.distributed not installed ([dask] extra)")
    root = _folder(tmp_path)
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    common = ["batch", str(root), "--reference", str(FACTS), "--model", "blank"]
    assert cli.main(common + ["--output", str(local), "--jobs", "1"]) == 1
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster:
        status = cli.main(common + ["--output", str(remote), "--engine", "dask",
                                    "--scheduler", cluster.scheduler_address])
        assert status == 1
        assert len(_rows(remote)) == 13 and _rows(remote) == _rows(local)
        # resume: a torn last line and two lost rows are redone, nothing is duplicated
        lines = remote.read_text(encoding="utf-8").splitlines(keepends=True)
        remote.write_text("".join(lines[:10]) + lines[10][:25], encoding="utf-8")
        assert cli.main(common + ["--output", str(remote), "--engine", "dask", "--resume",
                                  "--scheduler", cluster.scheduler_address]) == 1
    assert _rows(remote) == _rows(local)
    assert "Traceback" not in capsys.readouterr().err


def test_dask_engine_needs_a_scheduler(tmp_path, capsys):
    assert cli.main(["batch", str(_folder(tmp_path)), "--engine", "dask"]) == 2
    assert "--scheduler" in capsys.readouterr().err
