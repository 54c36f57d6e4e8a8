#!/usr/bin/env python3
"""End-to-end test of the submission portal in a real browser (headless Chromium).

The office sets up a round with the CLI; unit A logs in, fills the online form with a
mistake, sees the finding in Chinese, fixes it, submits and sees its receipt; unit B
uploads a file through the page; the office dashboard shows both; the export, scored
with `piloteval score`, gives the same scores as the uploaded files scored directly.

    python3 Tests/browser/portal_e2e.py --bin .build/debug/piloteval [--screenshots DIR]
"""
import argparse
import hashlib
import io
import json
import os
import sys
import tempfile
import time
import zipfile

from selenium.webdriver.common.by import By

from portal_support import RUBRIC, ROOT, Browser, Server, add_browser_arguments, api, check, codes_of, run

SAMPLE_B = os.path.join(ROOT, "Samples", "2026H1", "submissions", "FJ-FZ-01.xml")


def scores(binary, cwd, *args):
    out = run(binary, "score", "--rubric", "rubric.xml", "--format", "json", "--quiet", *args, cwd=cwd)
    result = json.loads(out)
    return sorted((u["unit"], u["score"], u["selfScore"], u["tier"]) for u in result["units"])


def main():
    parser = argparse.ArgumentParser()
    add_browser_arguments(parser, "save page screenshots here (for the README)")
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
    codes = codes_of(os.path.join(work, "codes.csv"))

    server = Server(binary, work)
    base = server.base
    browser = Browser(options)
    driver = browser.driver
    shot = browser.shot

    def submit(element_id):
        """Clicks a button that loads a new page and waits until the old page is gone."""
        browser.wait_for_new_page(lambda: driver.find_element(By.ID, element_id).click())

    def login(unit, code):
        browser.login(base, unit, code, before_submit=(lambda: shot("1-login")) if unit == "FJ-00-01" else None)

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
    _, a_bytes = api(base, "/api/v1/rounds/2026H1/submissions/FJ-00-01", codes["FJ-00-01"])
    check(hashlib.sha256(a_bytes).hexdigest() == receipt_sha, "the stored bytes match the receipt's SHA-256")
    _, export = api(base, "/api/v1/rounds/2026H1/export", office)
    check(export == api(base, "/api/v1/rounds/2026H1/export", office)[1], "the export is byte-for-byte repeatable")
    server.stop()
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
