"""The HTML report in a real browser (headless Chromium, Debian package ``chromium``): the verdict
toggles and the highlight <-> note linking work on the rendered DOM. Skipped when Chromium is absent.

Set ``CLAIMCHECK_SCREENSHOT=DIR`` to keep screenshots (toggled page, page with scripts off)."""
import json
import os
import re
import shutil
import subprocess

import pytest

from claimcheck.render.html import render_html

from test_suppress import DRAFT

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(BROWSER is None, reason="chromium nicht installiert "
                                "(apt-get install -y chromium), Browsertest übersprungen")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--window-size=1280,900"]

# Runs after the report's own script: toggle "bestätigt" off by clicking its label, hover a
# mismatch highlight, click a note, and write what the DOM says into <pre id="probe">.
PROBE = """<script>
(function(){
  function shown(sel){var e=document.querySelector(sel);return e?getComputedStyle(e).display!=='none':null;}
  function bg(sel){var e=document.querySelector(sel);return e?getComputedStyle(e).backgroundColor:null;}
  var r={before:{note:shown('.note.supported'),mark:bg('mark.supported'),unverified:shown('.note.unverified')}};
  document.querySelector('label[for=t-supported]').click();
  r.after={note:shown('.note.supported'),mark:bg('mark.supported'),mismatch:shown('.note.mismatch'),
           checked:document.getElementById('t-supported').checked};
  var m=document.querySelector('mark.mismatch'), id=m.dataset.claims.split(' ')[0];
  m.dispatchEvent(new MouseEvent('mouseenter'));
  r.hover={note:document.getElementById('n'+id.slice(1)).classList.contains('linked')};
  m.dispatchEvent(new MouseEvent('mouseleave'));
  m.click();
  r.click={hash:location.hash,target:'n'+id.slice(1)};
  var note=document.getElementById('n'+id.slice(1));
  note.click();
  r.noteclick={mark:m.classList.contains('linked')};
  var p=document.createElement('pre');p.id='probe';p.textContent=JSON.stringify(r);document.body.appendChild(p);
})();
</script>"""


def chromium(tmp_path, page, *extra):
    (tmp_path / "report.html").write_text(page, encoding="utf-8")
    profile = tmp_path / "profile"
    cmd = [BROWSER, *FLAGS, f"--user-data-dir={profile}", *extra, (tmp_path / "report.html").as_uri()]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def screenshot(tmp_path, page, name, *extra):
    keep = os.environ.get("CLAIMCHECK_SCREENSHOT")
    target = tmp_path / name
    chromium(tmp_path, page, f"--screenshot={target}", *extra)
    assert target.stat().st_size > 10_000  # a real picture, not an empty page
    if keep:
        shutil.copy(target, os.path.join(keep, name))


@pytest.fixture(scope="module")
def page(checker):
    report = checker.check_text(DRAFT, source="entwurf.txt")
    assert {c.verdict for c in report.claims} == {"mismatch", "supported", "unverified"}
    return render_html(report, DRAFT)


def test_toggle_hides_verdict_and_highlights_link_to_notes(tmp_path, page):
    dom = chromium(tmp_path, page.replace("</body>", PROBE + "</body>"), "--dump-dom")
    probe = json.loads(re.search(r'<pre id="probe">(.*?)</pre>', dom).group(1))
    assert probe["before"]["note"] is True and probe["before"]["unverified"] is False  # default --show
    assert probe["after"] == {"note": False, "mark": "rgba(0, 0, 0, 0)", "mismatch": True, "checked": False}
    assert probe["before"]["mark"] != probe["after"]["mark"]
    assert probe["hover"]["note"] is True
    assert probe["click"]["hash"] == "#" + probe["click"]["target"]
    assert probe["noteclick"]["mark"] is True
    screenshot(tmp_path, page.replace("</body>", PROBE + "</body>"), "report-toggled.png")


def test_page_renders_with_scripts_off(tmp_path, page):
    """Without scripts the anchors link both ways and the toggles are pure CSS (see screenshot)."""
    assert page.count('class="note ') == 5 and 'href="#n1"' in page and 'href="#c1"' in page
    assert "date 2025-03" not in page.split("<article>")[1].split("</article>")[0]
    bare = re.sub(r"<script>.*?</script>", "", page, flags=re.S)  # as with scripts switched off
    assert "<script" not in bare
    screenshot(tmp_path, bare, "report-noscript.png")
