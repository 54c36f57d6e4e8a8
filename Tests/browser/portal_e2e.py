#!/usr/bin/env python3
"""End-to-end test of the submission portal in a real browser (headless Chromium).

The office sets up a round with the CLI; unit A logs in, fills the online form with a
mistake, sees the finding in Chinese, fixes it, submits and sees its receipt; unit B
uploads a file through the page; the office dashboard shows both; the export, scored
with `piloteval score`, gives the same scores as the uploaded files scored directly.

    python3 Tests/browser/portal_e2e.py --bin .build/debug/piloteval [--screenshots DIR]
"""
import argparse
import io
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile

from selenium.common.exceptions import WebDriverException
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
RUBRIC = os.path.join(ROOT, "Rubrics", "jgsw-pilot.xml")
SAMPLE_B = os.path.join(ROOT, "Samples", "2026H1", "submissions", "FJ-FZ-01.xml")


def check(condition, what):
    if not condition:
        raise AssertionError(what)
    print("ok -", what)


def run(binary, *args, cwd):
    result = subprocess.run([binary, *args], cwd=cwd, capture_output=True, text=True)
    if result.returncode != 0:
        raise AssertionError(f"piloteval {' '.join(args)} failed: {result.stderr}")
    return result.stdout


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def api(port, path, code):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Authorization": f"Bearer {code}"})
    with urllib.request.urlopen(request) as response:
        return response.read()


def scores(binary, cwd, *args):
    out = run(binary, "score", "--rubric", "rubric.xml", "--format", "json", "--quiet", *args, cwd=cwd)
    result = json.loads(out)
    return sorted((u["unit"], u["score"], u["selfScore"], u["tier"]) for u in result["units"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", default=os.path.join(ROOT, ".build", "debug", "piloteval"))
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    parser.add_argument("--screenshots", help="save page screenshots here (for the README)")
    options = parser.parse_args()
    binary = os.path.abspath(options.bin)

    work = tempfile.mkdtemp(prefix="portal-e2e-")
    office = run(binary, "portal", "init", "--db", "p.sqlite", cwd=work).strip()
    run(binary, "portal", "open-round", "--db", "p.sqlite", "--rubric", RUBRIC, "--round", "2026H1",
        "--deadline", time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(time.time() + 3 * 86400)), cwd=work)
    with open(os.path.join(work, "units.csv"), "w", encoding="utf-8") as f:
        f.write("id,name,region,level,category\n"
                "FJ-00-01,福建省机关事务管理局,福建,省级,机关事务管理局\n"
                "FJ-FZ-01,福州市机关事务管理局,福建,市级,机关事务管理局\n")
    run(binary, "portal", "add-units", "--db", "p.sqlite", "--round", "2026H1", "units.csv", "--codes", "codes.csv", cwd=work)
    codes = dict(line.strip().split(",") for line in open(os.path.join(work, "codes.csv"), encoding="utf-8").readlines()[1:])

    port = free_port()
    server = subprocess.Popen([binary, "serve", "--db", "p.sqlite", "--listen", f"127.0.0.1:{port}"], cwd=work,
                              stdout=subprocess.DEVNULL, stderr=open(os.path.join(work, "serve.log"), "w"))
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            urllib.request.urlopen(base + "/healthz")
            break
        except OSError:
            time.sleep(0.05)

    chrome = webdriver.ChromeOptions()
    chrome.binary_location = options.chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1600", "--lang=zh-CN"):
        chrome.add_argument(argument)
    chrome.add_experimental_option("prefs", {"intl.accept_languages": "zh-CN,zh"})
    driver = webdriver.Chrome(service=Service(options.chromedriver), options=chrome)
    driver.implicitly_wait(5)

    def shot(name):
        if options.screenshots:
            os.makedirs(options.screenshots, exist_ok=True)
            driver.save_screenshot(os.path.join(options.screenshots, name + ".png"))

    def submit(element_id):
        """Clicks a button that loads a new page and waits until the old page is gone."""
        page = driver.find_element(By.TAG_NAME, "html")
        driver.find_element(By.ID, element_id).click()

        def old_page_gone(_):
            # chromedriver reports a node of the unloaded page either as stale or, in a race,
            # as "does not belong to the document": both mean the old page is gone.
            try:
                page.is_enabled()
                return False
            except WebDriverException:
                return True

        WebDriverWait(driver, 15).until(old_page_gone)
        WebDriverWait(driver, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")

    def login(unit, code):
        driver.delete_all_cookies()
        driver.get(base + "/login")
        driver.find_element(By.ID, "id").send_keys(unit)
        driver.find_element(By.ID, "code").send_keys(code)
        shot("1-login") if unit == "FJ-00-01" else None
        submit("login")

    try:
        # Unit A: the online form, with a mistake first.
        login("FJ-00-01", codes["FJ-00-01"])
        check("尚未提交" in driver.find_element(By.ID, "status").text, "unit A's home says nothing submitted yet")
        shot("2-home")
        submit("form-link")
        driver.find_element(By.ID, "level-C1.1-B").click()
        driver.find_element(By.ID, "evidence-C1.1").send_keys("台账/2026/领导小组通知.pdf | 领导小组通知")
        driver.find_element(By.ID, "check-C1.2-a").click()
        driver.find_element(By.ID, "value-C6.1").send_keys("百分之八十")
        submit("check")
        findings = driver.find_element(By.ID, "form-findings").text
        check("未通过校验" in findings and "错误" in findings, "the mistake is shown as a Chinese finding")
        check("百分之八十" in findings, "the finding quotes the wrong value")
        shot("3-form-finding")
        field = driver.find_element(By.ID, "value-C6.1")
        check(field.get_attribute("value") == "百分之八十", "what was typed is kept")
        field.clear()
        field.send_keys("0.8")
        submit("check")
        check("检查通过" in driver.find_element(By.ID, "verdict").text,
              "after the fix the check passes: " + driver.find_element(By.ID, "form-findings").text)
        submit("submit")
        check("已通过校验" in driver.find_element(By.ID, "verdict").text, "the receipt says accepted")
        receipt_sha = driver.find_element(By.ID, "sha256").text
        shot("4-receipt")

        # Unit B: uploads a file through the page.
        login("FJ-FZ-01", codes["FJ-FZ-01"])
        driver.find_element(By.ID, "file").send_keys(SAMPLE_B)
        submit("upload")
        check("已通过校验" in driver.find_element(By.ID, "verdict").text, "unit B's uploaded file is accepted")

        # The office sees both.
        login("office", office)
        counts = driver.find_element(By.ID, "counts").text
        check("已通过 2 家" in counts and "未提交 0 家" in counts, f"the dashboard counts both ({counts})")
        for unit in ("FJ-00-01", "FJ-FZ-01"):
            row = driver.find_element(By.CSS_SELECTOR, f'tr[data-unit="{unit}"]')
            check("通过" in row.find_element(By.CLASS_NAME, "state").text, f"the dashboard shows {unit} accepted")
        shot("5-dashboard")
    finally:
        driver.quit()

    # Export → score equals scoring the uploaded files directly.
    a_bytes = api(port, "/api/v1/rounds/2026H1/submissions/FJ-00-01", codes["FJ-00-01"])
    import hashlib
    check(hashlib.sha256(a_bytes).hexdigest() == receipt_sha, "the stored bytes match the receipt's SHA-256")
    export = api(port, "/api/v1/rounds/2026H1/export", office)
    check(export == api(port, "/api/v1/rounds/2026H1/export", office), "the export is byte-for-byte repeatable")
    server.terminate()
    server.wait(10)
    unpacked = os.path.join(work, "export")
    zipfile.ZipFile(io.BytesIO(export)).extractall(unpacked)
    direct = os.path.join(work, "direct")
    os.makedirs(direct)
    with open(os.path.join(direct, "a.xml"), "wb") as f:
        f.write(a_bytes)
    with open(SAMPLE_B, "rb") as source, open(os.path.join(direct, "b.xml"), "wb") as f:
        f.write(source.read())
    with open(RUBRIC, "rb") as source, open(os.path.join(direct, "rubric.xml"), "wb") as f:
        f.write(source.read())
    exported = scores(binary, unpacked, "--reviews", "reviews", "submissions")
    uploaded = scores(binary, direct, "a.xml", "b.xml")
    check(len(exported) == 2 and exported == uploaded, f"export scores equal direct scores: {exported}")
    print("portal e2e: all checks passed")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as error:
        print("FAIL -", error)
        sys.exit(1)
