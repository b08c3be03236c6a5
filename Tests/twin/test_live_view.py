"""The live view (`GET /`) in a real headless Chromium, driven by Selenium: the page loads behind
the account's credentials, shows the quickstart scenario's workspace, follows the clock as the
API moves it, and its Step, Start and Pause buttons move the manual clock.

Needs Chromium and its driver (Debian: chromium, chromium-driver); skipped if either is missing.
A screenshot of the page is saved to $ROUTESIM_SCREENSHOT_DIR (default: the test's temporary
folder) as live-view.png, and its path printed.
"""

import os
import shutil
import time
import urllib.parse

import pytest
import requests
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from test_twin import ACCOUNT_SID, AUTH_TOKEN, ROOT, start_server, stop_server

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None,
    reason="the live view's browser test needs chromium and chromedriver (Debian: apt-get install chromium chromium-driver)")


@pytest.fixture(scope="module")
def server():
    process, base_url = start_server(os.path.join(ROOT, "scenarios", "quickstart.yaml"))
    try:
        yield base_url
    finally:
        stop_server(process)


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,1280"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # Both paths given, so Selenium does not look for a browser or driver on the network.
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    try:
        yield driver
    finally:
        driver.quit()


def clock(server, **form):
    """The twin's clock document; a POST with `form`."""
    auth = (ACCOUNT_SID, AUTH_TOKEN)
    if form:
        return requests.post(server + "/routesim/v1/Clock", data=form, auth=auth, timeout=10).json()
    return requests.get(server + "/routesim/v1/Clock", auth=auth, timeout=10).json()


def shown(browser, name):
    """The text of the page's figure `data-kpi=name` (the workspace's, or the first queue's)."""
    return browser.find_element(By.CSS_SELECTOR, f'[data-kpi="{name}"]').text


def wait_for(condition, what, seconds=10):
    """Polls `condition` until it holds; fails naming `what` after `seconds`."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            if condition():
                return
        except Exception:  # the page is between two renders
            pass
        if time.monotonic() > deadline:
            pytest.fail("the live view never showed " + what)
        time.sleep(0.1)


def test_the_live_view_follows_the_clock_and_moves_it(server, browser, tmp_path):
    address = urllib.parse.urlsplit(server)
    # The credentials in the address: Chromium answers the 401's Basic challenge with them and
    # sends them on the page's own requests.
    browser.get(f"http://{ACCOUNT_SID}:{AUTH_TOKEN}@{address.netloc}/")
    wait_for(lambda: shown(browser, "clock-time") == "00:00:00" and shown(browser, "answered") == "0",
             "the scenario's workspace at time 0")
    assert shown(browser, "clock-mode") == "manual · paused"
    assert browser.find_element(By.CSS_SELECTOR, ".queue h3").text == "Support"

    # The API moves the clock: the page follows within its polling second.
    clock(server, Advance="3600")
    wait_for(lambda: shown(browser, "clock-time") == "01:00:00" and int(shown(browser, "answered")) > 0,
             "the first hour answered")
    answered = int(shown(browser, "answered"))
    assert int(shown(browser, "tasks-completed")) > 0
    assert shown(browser, "service-level").endswith("%")
    assert int(shown(browser, "queue-waiting")) >= 0
    bars = browser.find_elements(By.CSS_SELECTOR, '[data-chart="last-hour"] rect[data-series="arrived"]')
    assert len(bars) == 12 and sum(float(bar.get_attribute("height")) > 0 for bar in bars) >= 10, \
        "arrivals in most five-minute buckets of the last hour"
    activities = {e.get_attribute("data-activity"): int(e.text) for e in browser.find_elements(By.CSS_SELECTOR, "[data-activity]")}
    assert sum(activities.values()) == 10 and activities["Available"] > 0

    # Step: one simulated minute, through the page.
    browser.find_element(By.ID, "step").click()
    wait_for(lambda: clock(server)["time"] == 3660 and shown(browser, "clock-time") == "01:01:00", "Step's minute")

    # Start: the page advances the clock each second at the chosen speed; Pause stops it.
    browser.find_element(By.CSS_SELECTOR, '#speed option[value="600"]').click()
    browser.find_element(By.ID, "start").click()
    wait_for(lambda: clock(server)["time"] >= 3660 + 1200, "the clock running at ×600")
    assert shown(browser, "clock-mode") == "manual · running ×600"
    browser.find_element(By.ID, "pause").click()
    time.sleep(1.2)  # an advance already sent still lands
    paused = clock(server)["time"]
    time.sleep(1.5)
    assert clock(server)["time"] == paused, "Pause stops the page's advances"
    wait_for(lambda: shown(browser, "clock-mode") == "manual · paused" and int(shown(browser, "answered")) > answered,
             "more answered after running")

    # Nothing came from anywhere but the twin, and the page raised no error.
    origin = f"http://{address.netloc}/"
    resources = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert resources and all(name.startswith(origin) for name in resources), resources
    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []

    folder = os.environ.get("ROUTESIM_SCREENSHOT_DIR") or str(tmp_path)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, "live-view.png")
    assert browser.save_screenshot(path)
    print("live view screenshot:", path)
