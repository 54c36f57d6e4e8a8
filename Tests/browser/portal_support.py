"""What the portal's browser tests share: running the CLI, serving a round, calling the API,
and a headless Chromium that knows when a click has loaded the next page.

Each script sets up its own round with the real `piloteval` binary and drives the real
server; nothing here fakes a response.
"""
import os
import socket
import subprocess
import time
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUBRIC = os.path.join(ROOT, "Rubrics", "jgsw-pilot.xml")
DEFAULT_BINARY = os.path.join(ROOT, ".build", "debug", "piloteval")


def add_browser_arguments(parser, screenshots_help):
    """The options every portal browser script takes."""
    parser.add_argument("--bin", default=DEFAULT_BINARY)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    parser.add_argument("--screenshots", help=screenshots_help)


def check(condition, what):
    """Fails the script with `what` unless `condition` holds; prints the check when it does."""
    if not condition:
        raise AssertionError(what)
    print("ok -", what)


def run(binary, *args, cwd):
    """Runs `piloteval ARGS` in `cwd`; its standard output, or a failure naming the command."""
    result = subprocess.run([binary, *args], cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f"piloteval {' '.join(args)} failed: {result.stderr}")
    return result.stdout


def codes_of(path):
    """The `id → code` table of a codes file written by `portal add-units|add-reviewers|add-leaders`."""
    with open(path, encoding="utf-8") as f:
        return dict(line.strip().split(",") for line in f.readlines()[1:])


def write_text(folder, name, text):
    """Writes `text` as UTF-8 to `folder/name` and returns the name (for the CLI's arguments)."""
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write(text)
    return name


def api(base, path, code, method="GET", body=None):
    """Calls the portal's API with a bearer code: `(status, body bytes)`."""
    headers = {"Authorization": f"Bearer {code}"}
    if body is not None:
        headers["Content-Type"] = "application/xml"
    request = urllib.request.Request(base + path, data=body, headers=headers, method=method)
    with urllib.request.urlopen(request) as response:
        return response.status, response.read()


class Server:
    """`piloteval serve` on a free loopback port, started in `work` and ready when constructed."""

    def __init__(self, binary, work, db="p.sqlite"):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = open(os.path.join(work, "serve.log"), "w")
        self.process = subprocess.Popen(
            [binary, "serve", "--db", db, "--listen", f"127.0.0.1:{self.port}"], cwd=work,
            stdout=subprocess.DEVNULL, stderr=self.log)
        for _ in range(200):
            try:
                urllib.request.urlopen(self.base + "/healthz")
                return
            except OSError:
                time.sleep(0.05)
        raise AssertionError("the portal did not answer /healthz within 10 s")

    def stop(self):
        self.process.terminate()
        self.process.wait(10)
        self.log.close()


class Browser:
    """Headless Chromium in Chinese, with the waits the portal's pages need."""

    def __init__(self, options, width=1280, height=1600, console_log=False, hide_scrollbars=False):
        chrome = webdriver.ChromeOptions()
        chrome.binary_location = options.chromium
        arguments = ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--lang=zh-CN",
                     f"--window-size={width},{height}"]
        for argument in arguments + (["--hide-scrollbars"] if hide_scrollbars else []):
            chrome.add_argument(argument)
        chrome.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
        if console_log:
            chrome.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.driver = webdriver.Chrome(service=Service(options.chromedriver), options=chrome)
        self.driver.implicitly_wait(5)
        self.screenshots = options.screenshots

    def shot(self, name):
        """Saves a screenshot as `NAME.png` when the script was given `--screenshots`."""
        if self.screenshots:
            os.makedirs(self.screenshots, exist_ok=True)
            self.driver.save_screenshot(os.path.join(self.screenshots, name + ".png"))

    def wait_for_new_page(self, action, seconds=15):
        """Runs `action` (which loads a new page) and waits until the old page is gone and the new one loaded."""
        page = self.driver.find_element(By.TAG_NAME, "html")
        action()

        def old_page_gone(_):
            # chromedriver reports a node of the unloaded page either as stale or, in a race,
            # as "does not belong to the document": both mean the old page is gone.
            try:
                page.is_enabled()
                return False
            except WebDriverException:
                return True

        WebDriverWait(self.driver, seconds).until(old_page_gone)
        WebDriverWait(self.driver, seconds).until(
            lambda d: d.execute_script("return document.readyState") == "complete")

    def click(self, element_id, seconds=15):
        """Clicks the control `element_id` (scrolled to the middle, clear of sticky bars) and waits for the next page."""
        def tap():
            element = self.driver.find_element(By.ID, element_id)
            self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
            element.click()
        self.wait_for_new_page(tap, seconds)

    def login(self, base, person, code, before_submit=None):
        """Signs in as `person` with `code` on a clean session."""
        self.driver.delete_all_cookies()
        self.driver.get(base + "/login")
        self.driver.find_element(By.ID, "id").send_keys(person)
        self.driver.find_element(By.ID, "code").send_keys(code)
        if before_submit:
            before_submit()
        self.click("login")

    def quit(self):
        self.driver.quit()
