"""The paste-a-draft page in headless Chromium: paste a draft, submit, find the mismatch.

Needs Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them when it can) and
the ``selenium`` package; skipped with a message when any is missing. Set
``CLAIMCHECK_SCREENSHOT=path.png`` to keep a screenshot of the checked page.
"""
import os
import shutil
import tempfile

import pytest

pytest.importorskip("starlette", reason="the [server] extra is not installed")
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

from serving import running_server  # noqa: E402

CHROMIUM = shutil.which("chromium")
DRIVER = shutil.which("chromedriver")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", "--window-size=1280,1400"]
DRAFT = "date 2025-03\n\nEnde 2016 wiesen die USA 45 russische Diplomaten aus."

pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER), reason=(
    "Chromium oder chromedriver fehlt: apt-get install -y chromium chromium-driver"))


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    with running_server("--workers", "1", log=tmp_path_factory.mktemp("log") / "server.log") as (url, _):
        yield url


@pytest.fixture
def browser():
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="claimcheck-chromium-")
    for flag in FLAGS + [f"--user-data-dir={profile}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def test_paste_draft_submit_and_see_the_mismatch(browser, base):
    browser.get(base + "/")
    wait = WebDriverWait(browser, 60)
    wait.until(lambda d: Select(d.find_element(By.ID, "reference")).options)
    assert Select(browser.find_element(By.ID, "reference")).first_selected_option.get_attribute(
        "value") == "istanbul-2025-02"
    browser.find_element(By.ID, "draft").send_keys(DRAFT)
    browser.find_element(By.ID, "submit").click()
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-state") in ("done", "error"))
    status = browser.find_element(By.ID, "status").text
    assert "1 Abweichung" in status and "Quelle nennt 35" in status
    if os.environ.get("CLAIMCHECK_SCREENSHOT"):
        browser.save_screenshot(os.environ["CLAIMCHECK_SCREENSHOT"])
    browser.switch_to.frame(browser.find_element(By.ID, "report"))
    wrong = browser.find_element(By.CSS_SELECTOR, "mark.mismatch.wrong")
    assert wrong.text == "45"
    note = browser.find_element(By.CSS_SELECTOR, ".note.mismatch")
    assert "gefunden »45«, erwartet »35«" in note.text and "Vorschlag" in note.text


def test_error_is_shown_on_the_page(browser, base):
    browser.get(base + "/")
    browser.find_element(By.ID, "draft").send_keys("Ein Satz.")
    browser.find_element(By.ID, "date").send_keys("2025-13")
    browser.find_element(By.ID, "submit").click()
    WebDriverWait(browser, 60).until(
        lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-state") == "error")
    status = browser.find_element(By.ID, "status")
    assert "Fehler 422" in status.text and "Ungültiges Datum" in status.text
    assert "error" in status.get_attribute("class")
