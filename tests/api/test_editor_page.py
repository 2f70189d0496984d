"""The editor's page in headless Chromium: paste the seed article, summarise, see the result.
Also the API docs (/docs, /redoc): they render from the service's own files, nothing fetched
from elsewhere.

Needs Debian's `chromium` and `chromium-driver` packages and the `selenium` pip package
(.ci/run installs them); skipped with the reason when any is missing.
"""

from __future__ import annotations

import shutil

import httpx
import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
# Offline, quiet, sandbox-free (we run as root in CI) headless Chromium.
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
PAGE_TIMEOUT_S = 20
REDOC_BRANDING_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"

webdriver = pytest.importorskip("selenium.webdriver", reason="pip install selenium to run the editor page test")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None,
    reason="headless Chromium not installed: apt-get install -y chromium chromium-driver",
)


@pytest.fixture(scope="module")
def browser():
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = CHROMIUM
    for flag in CHROMIUM_FLAGS:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(PAGE_TIMEOUT_S)
    yield driver
    driver.quit()


def test_paste_summarise_and_see_highlights(live_server, browser, seed_text):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import Select, WebDriverWait

    browser.get(live_server + "/")
    article = browser.find_element(By.ID, "article")
    browser.execute_script("arguments[0].value = arguments[1];", article, seed_text)  # a paste
    headline_words = browser.find_element(By.ID, "headline-words")
    headline_words.clear()
    headline_words.send_keys("8")
    length = browser.find_element(By.ID, "summary-length")
    length.clear()
    length.send_keys("2")
    Select(browser.find_element(By.ID, "summary-unit")).select_by_value("sentences")
    browser.find_element(By.ID, "summarise").click()

    wait = WebDriverWait(browser, PAGE_TIMEOUT_S)
    wait.until(expected_conditions.visibility_of_element_located((By.ID, "result")))
    wait.until(lambda driver: driver.find_element(By.ID, "headline").text.strip())

    # What the page shows is what the API answers for the same request.
    expected = httpx.post(
        live_server + "/v1/summarize",
        json={"text": seed_text, "headline": {"max_words": 8}, "summary": {"sentences": 2}, "include": ["highlights", "repaired_text"]},
    ).json()
    assert browser.find_element(By.ID, "headline").text == expected["headline"]
    assert browser.find_element(By.ID, "summary").text == expected["summary"]
    marks = browser.find_elements(By.CSS_SELECTOR, "#source mark.used")
    assert [m.text for m in marks] == [h["text"] for h in expected["highlights"]]
    assert len(marks) == 2
    # The whole source is shown, highlighted sentences in place.
    source_text = browser.find_element(By.ID, "source").text
    assert source_text.startswith("BAKU, Azerbaijan") and "Mission of the Republic of Azerbaijan to NATO." in source_text
    paragraphs = browser.find_elements(By.CSS_SELECTOR, "#repaired p")
    assert len(paragraphs) == len([p for p in expected["repaired_text"].split("\n\n") if p.strip()])
    assert browser.find_element(By.ID, "status").text == "Done."


def test_error_from_the_api_is_shown(live_server, browser):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    browser.get(live_server + "/")
    browser.execute_script("arguments[0].value = 'One short sentence about a council vote.';", browser.find_element(By.ID, "article"))
    Select(browser.find_element(By.ID, "method")).select_by_value("abstractive")
    browser.find_element(By.ID, "summarise").click()
    status = WebDriverWait(browser, PAGE_TIMEOUT_S).until(
        lambda driver: driver.find_element(By.CSS_SELECTOR, "#status.error").text or False
    )
    assert status.startswith("model_unavailable:") and "SUMMARIZER_MODEL" in status


@pytest.mark.parametrize(
    ("path", "operation_selector"),
    [("/docs", ".opblock-summary-path"), ("/redoc", "[data-section-id^='tag/']")],
)
def test_api_docs_render_without_outside_requests(live_server, browser, path, operation_selector):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(live_server + path)
    WebDriverWait(browser, PAGE_TIMEOUT_S).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, operation_selector))
    assert "/v1/summarize" in browser.find_element(By.TAG_NAME, "body").text
    fetched = browser.execute_script("return performance.getEntriesByType('resource').map(entry => entry.name);")
    outside = [url for url in fetched if not url.startswith(live_server + "/")]
    # ReDoc's "API docs by Redocly" footer logo is hard-coded to its CDN; offline the image
    # fails and ReDoc hides it. Every script, stylesheet and the spec come from the service.
    assert outside in ([], [REDOC_BRANDING_LOGO]), outside
    assert live_server + "/openapi.json" in fetched
