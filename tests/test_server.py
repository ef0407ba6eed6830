"""HTTP service: the real `claimcheck serve` process on a loopback port, called over HTTP."""
import json
import os
import signal
import socket
import subprocess
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytest.importorskip("starlette", reason="the [server] extra is not installed")

from claimcheck.models import Report  # noqa: E402
from claimcheck.render.json import render_json  # noqa: E402
from claimcheck.server.limits import MAX_BODY_BYTES, MAX_TEXT_CHARS  # noqa: E402

from conftest import ROOT  # noqa: E402
from serving import CLAIMCHECK, call, post_json, running_server  # noqa: E402

WRONG = "date 2025-03\n\nEnde 2016 wiesen die USA 45 russische Diplomaten aus."
RIGHT = "date 2025-03\n\nEnde 2016 wiesen die USA 35 russische Diplomaten aus. 2018 schlossen die USA das Konsulat in Seattle."
PRAG = "date 2021-04\n\nDie Regierung in Prag erklärte am 17. April 19 russische Diplomaten zu unerwünschten Personen."
FORM = "application/x-www-form-urlencoded"


@pytest.fixture(scope="module")
def prag_facts(tmp_path_factory):
    out = tmp_path_factory.mktemp("refs") / "prag.json"
    subprocess.run([str(CLAIMCHECK), "reference", "build", str(ROOT / "fixtures/sources/prag-2021-04.txt"),
                    "-o", str(out), "--model", "blank"], check=True, capture_output=True)
    return out


@pytest.fixture(scope="module")
def server(prag_facts, tmp_path_factory):
    log = tmp_path_factory.mktemp("log") / "server.log"
    with running_server("--workers", "2", "--reference", f"prag={prag_facts}", log=log) as (base, _):
        yield base


def body_of(status_ct_body):
    status, ctype, body = status_ct_body
    assert "Traceback" not in body
    return status, json.loads(body) if "json" in ctype else body


def test_health_and_references(server):
    assert body_of(call(server, "GET", "/health")) == (200, {
        "status": "ok", "version": "0.1.0", "workers": 2, "pending": 0,
        "references": ["istanbul-2025-02", "prag"]})
    status, refs = body_of(call(server, "GET", "/v1/references"))
    assert status == 200
    assert [(r["id"], r["source"], r["default"]) for r in refs] == [
        ("istanbul-2025-02", "istanbul-2025-02.txt", True), ("prag", "prag-2021-04.txt", False)]
    assert all(r["facts"] > 0 for r in refs)


def test_schema_is_the_report_model(server):
    assert body_of(call(server, "GET", "/v1/schema")) == (200, Report.model_json_schema())


@pytest.mark.parametrize("text", [WRONG, RIGHT, "Kein Satz mit Zahlen.", ""])
def test_v1_check_is_exactly_the_library_report(server, checker, text):
    status, report = body_of(post_json(server, "/v1/check", {"text": text}))
    assert status == 200
    assert report == json.loads(render_json(checker.check_text(text)))


@pytest.mark.parametrize("request_body, verdicts, expected", [
    ({"text": WRONG}, ["mismatch"], "35"),
    ({"text": PRAG, "reference": "prag"}, ["mismatch"], "18"),
    ({"text": RIGHT, "show": ["mismatch"]}, [], None),
    ({"text": WRONG + " 2018 schlossen die USA das Konsulat in Seattle.", "show": ["supported"]},
     ["supported"], None),
])
def test_v1_check_reference_and_show(server, request_body, verdicts, expected):
    status, report = body_of(post_json(server, "/v1/check", request_body))
    assert status == 200
    assert [c["verdict"] for c in report["claims"]] == verdicts
    assert report["summary"]["claims"] >= len(verdicts)  # the summary counts every claim
    if expected:
        assert report["claims"][0]["mismatches"][0]["expected"] == expected


def test_v1_render_is_the_html_report(server):
    status, html = body_of(post_json(server, "/v1/render", {"text": WRONG, "source": "Entwurf 7"}))
    assert status == 200 and html.startswith("<!DOCTYPE html>")
    assert '<mark class="mismatch wrong"' in html and "Entwurf 7" in html and "»35«" in html


def utf16_slice(text, offset, length):
    """LanguageTool offsets count UTF-16 code units."""
    return text.encode("utf-16-le")[2 * offset:2 * (offset + length)].decode("utf-16-le")


def lt_match_of(text, matches):
    assert len(matches) == 1
    m = matches[0]
    found = utf16_slice(text, m["offset"], m["length"])
    ctx = m["context"]
    assert utf16_slice(ctx["text"], ctx["offset"], ctx["length"]) == found
    return found, [r["value"] for r in m["replacements"]], m["rule"]["id"]


@pytest.mark.parametrize("params, text", [
    ({"text": WRONG, "language": "de-DE"}, WRONG),
    ({"text": WRONG, "language": "auto", "enabledRules": "X", "level": "picky"}, WRONG),
    ({"text": "🙂🙂 " + WRONG.split("\n")[-1], "language": "de", "date": "2025-03"}, None),
    ({"text": WRONG.replace("\n", "\r\n"), "language": "de-AT"}, None),
    ({"data": json.dumps({"annotation": [{"text": "Ende 2016 wiesen die USA "}, {"markup": "<b>"},
      {"text": "45"}, {"markup": "</b>"}, {"markup": "<br/>", "interpretAs": " "},
      {"text": "russische Diplomaten aus."}]}), "language": "de-DE", "date": "2025-03"},
     "Ende 2016 wiesen die USA <b>45</b><br/>russische Diplomaten aus."),
])
@pytest.mark.parametrize("how", ["form", "multipart", "query"])
def test_v2_check_languagetool_shape(server, params, text, how):
    text = text or params["text"]
    if how == "form":
        res = call(server, "POST", "/v2/check", urllib.parse.urlencode(params).encode(), FORM)
    elif how == "query":
        res = call(server, "GET", "/v2/check?" + urllib.parse.urlencode(params))
    else:
        boundary = "claimcheck-boundary"
        parts = "".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{k}"\r\n\r\n{v}\r\n'
                        for k, v in params.items())
        res = call(server, "POST", "/v2/check", (parts + f"--{boundary}--\r\n").encode(),
                   f"multipart/form-data; boundary={boundary}")
    status, data = body_of(res)
    assert status == 200
    assert data["language"]["code"] == {"de": "de-DE", "auto": "de-DE"}.get(params["language"], params["language"])
    assert data["software"]["name"] == "claimcheck"
    assert lt_match_of(text, data["matches"]) == ("45", ["35"], "CLAIMCHECK_CC200")


def test_v2_only_mismatches_become_matches(server):
    status, data = body_of(call(server, "POST", "/v2/check", urllib.parse.urlencode(
        {"text": RIGHT, "language": "de-DE"}).encode(), FORM))
    assert (status, data["matches"]) == (200, [])
    status, langs = body_of(call(server, "GET", "/v2/languages"))
    assert status == 200 and {"name": "German (Germany)", "code": "de", "longCode": "de-DE"} in langs


BIG = "Ende 2016 wiesen die USA 35 russische Diplomaten aus. " * (MAX_TEXT_CHARS // 50)


@pytest.mark.parametrize("method, path, body, ctype, status, code", [
    ("POST", "/v1/check", b"{not json", "application/json", 400, "E081"),
    ("POST", "/v1/check", b"\xff\xfe", "application/json", 400, "E081"),
    ("POST", "/v1/check", b"{}", "application/json", 422, "E082"),
    ("POST", "/v1/check", b"[1, 2]", "application/json", 422, "E082"),
    ("POST", "/v1/check", b'{"text": 17}', "application/json", 422, "E082"),
    ("POST", "/v1/check", b'{"text": "x", "colour": 1}', "application/json", 422, "E082"),
    ("POST", "/v1/check", b'{"text": "x", "show": ["wrong"]}', "application/json", 422, "E082"),
    ("POST", "/v1/check", b'{"text": "x", "reference": "nope"}', "application/json", 422, "E083"),
    ("POST", "/v1/check", b'{"text": "x", "date": "2025-13"}', "application/json", 422, "E010"),
    ("POST", "/v1/render", b"{}", "application/json", 422, "E082"),
    ("POST", "/v1/check", json.dumps({"text": BIG}).encode(), "application/json", 413, "E080"),
    ("POST", "/v1/check", b'{"text": "' + b"x" * MAX_BODY_BYTES + b'"}', "application/json", 413, "E080"),
    ("POST", "/v2/check", urllib.parse.urlencode({"text": "x"}).encode(), FORM, 422, "E082"),
    ("POST", "/v2/check", b"language=en-US&text=x", FORM, 422, "E084"),
    ("POST", "/v2/check", b"language=de-DE", FORM, 422, "E082"),
    ("POST", "/v2/check", b"language=de-DE&text=x&data=y", FORM, 422, "E082"),
    ("POST", "/v2/check", b"language=de-DE&data=%7Bno", FORM, 400, "E081"),
    ("POST", "/v2/check", b'language=de-DE&data={"annotation":[{"img":1}]}', FORM, 422, "E082"),
    ("POST", "/v2/check", b"language=de-DE&text=x&reference=nope", FORM, 422, "E083"),
    ("POST", "/v2/check", b"--b\r\nbroken", "multipart/form-data; boundary=b", 422, "E082"),
    ("GET", "/v1/check", None, None, 405, "E087"),
    ("GET", "/nowhere", None, None, 404, "E086"),
])
def test_bad_input_gets_our_error_code(server, method, path, body, ctype, status, code):
    got, data = body_of(call(server, method, path, body, ctype))
    assert (got, data["error"]["code"]) == (status, code)
    assert data["error"]["message"]


def test_oversize_body_refused_before_it_is_sent(server):
    """A client that announces a huge body (Expect: 100-continue) gets the 413 at once."""
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 73400320\r\nExpect: 100-continue\r\n\r\n")
        answer = b""
        while b"}}" not in answer and (chunk := sock.recv(65536)):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413")
    assert json.loads(body)["error"]["code"] == "E080"


def test_sixteen_concurrent_requests_each_get_their_own_answer(server):
    texts = [WRONG.replace("45", str(40 + i)) if i % 2 else RIGHT for i in range(16)]

    def one(text):
        status, report = body_of(post_json(server, "/v1/check", {"text": text}, timeout=120))
        return status, [(m["found"], m["expected"]) for c in report["claims"] for m in c["mismatches"]]

    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(one, texts))
    assert results == [(200, [(str(40 + i), "35")] if i % 2 else []) for i in range(16)]


def worker_pids(server_pid):
    """The check worker processes (children of the server, not multiprocessing's helpers)."""
    pids = []
    for entry in Path("/proc").iterdir():
        try:
            ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            cmd = (entry / "cmdline").read_bytes()
        except (OSError, ValueError, IndexError):
            continue
        if ppid == server_pid and b"spawn_main" in cmd:
            pids.append(int(entry.name))
    return pids


def test_time_limit_and_crash_fail_only_their_request(tmp_path):
    slow = "Ende 2016 wiesen die USA 45 russische Diplomaten aus. " * (MAX_TEXT_CHARS // 60)
    with running_server("--workers", "1", "--timeout", "0.3", log=tmp_path / "log") as (base, proc):
        got, data = body_of(post_json(base, "/v1/check", {"text": slow}))
        assert (got, data["error"]["code"]) == (504, "E062")
        assert body_of(post_json(base, "/v1/check", {"text": WRONG}))[0] == 200  # worker replaced
    with running_server("--workers", "1", "--timeout", "0", log=tmp_path / "log2") as (base, proc):
        with ThreadPoolExecutor(1) as pool:
            pending = pool.submit(post_json, base, "/v1/check", {"text": slow})
            time.sleep(1.0)
            pids = worker_pids(proc.pid)
            assert len(pids) == 1
            os.kill(pids[0], signal.SIGKILL)
            got, data = body_of(pending.result())
        assert (got, data["error"]["code"]) == (500, "E099")
        status, report = body_of(post_json(base, "/v1/check", {"text": WRONG}, timeout=120))
        assert status == 200 and report["summary"]["mismatch"] == 1


@pytest.mark.parametrize("args, code, message", [
    (["--reference", "no-equals-sign"], "E089", "erwartet ID=FACTS.json"),
    (["--reference", "x=/nonexistent/facts.json"], "E021", "/nonexistent/facts.json"),
    (["--reference", "istanbul-2025-02=" + str(ROOT / "reference/istanbul-2025-02.facts.json")], "E089", "doppelt"),
    (["--model", "kein_solches_modell"], "E040", "kein_solches_modell"),
])
def test_serve_refuses_bad_arguments_before_starting(args, code, message):
    res = subprocess.run([str(CLAIMCHECK), "serve", "--port", "1", *args], capture_output=True, text=True,
                         timeout=60)
    assert res.returncode == 2 and f"[{code}]" in res.stderr and message in res.stderr
    assert "Traceback" not in res.stderr


def test_worker_errors_reach_the_server_with_their_code():
    """A ClaimcheckError inside a worker crosses the process boundary with code and message."""
    import pickle

    from claimcheck.reference import load_reference
    from claimcheck.server import pool

    pool.init_worker({"bundled": load_reference(None)}, "blank")
    with pytest.raises(pool.JobError) as info:
        pool.run_job(pool.Job(text="Ein Satz.", reference="bundled", date="2025-13"))
    again = pickle.loads(pickle.dumps(info.value))
    assert (again.code, again.to_dict()) == ("E010", {"code": "E010", "message": info.value.message})
    assert "2025-13" in again.message


json_values = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=20)),
                           lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                   st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                           max_leaves=6)
bodies = st.one_of(
    st.binary(max_size=60),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.fixed_dictionaries({"text": st.text(max_size=80)}, optional={
        "date": st.text(max_size=12), "reference": st.sampled_from(["prag", "x", ""]),
        "show": st.lists(st.sampled_from(["mismatch", "supported", "unverified"]))}).map(
        lambda d: json.dumps(d).encode()))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=bodies, path=st.sampled_from(["/v1/check", "/v1/render", "/v2/check"]))
def test_any_body_gets_an_answer_never_a_traceback(server, body, path):
    ctype = FORM if path == "/v2/check" else "application/json"
    status, ctype_out, text = call(server, "POST", path, body, ctype)
    assert "Traceback" not in text
    assert status in (200, 400, 413, 422)
    if status != 200:
        assert json.loads(text)["error"]["code"].startswith("E")


def test_a_real_languagetool_client_shows_the_mismatch(server):
    """language_tool_python (a LanguageTool client) pointed at our URL finds and fixes the count."""
    ltp = pytest.importorskip("language_tool_python", reason="language_tool_python is not installed")
    tool = ltp.LanguageTool("de-DE", remote_server=server)
    try:
        text = WRONG.split("\n")[-1]
        matches = tool.check(text)
        assert [(m.rule_id, text[m.offset:m.offset + m.error_length], m.replacements) for m in matches] == [
            ("CLAIMCHECK_CC200", "45", ["35"])]
        assert tool.correct(text) == text.replace("45", "35")
    finally:
        tool.close()
