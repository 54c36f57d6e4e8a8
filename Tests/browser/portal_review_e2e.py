#!/usr/bin/env python3
"""End-to-end test of expert review in the portal, in a real browser (headless Chromium).

The office sets up a round with the CLI (units, experts, a leader); both units upload; the
office assigns experts and closes submitting. An expert logs in with their code, opens an
assigned unit, lowers a level, rejects an evidence item, saves a draft, reloads and finds it,
checks the page at desk and phone widths and prints it to PDF, then submits. The office
publishes with `piloteval portal publish`; the leader opens the report and finds the unit's
score changed from its self-assessed score, equal to `piloteval score` on the round's export.

    python3 Tests/browser/portal_review_e2e.py --bin .build/debug/piloteval [--screenshots DIR]
"""
import argparse
import base64
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from portal_support import RUBRIC, ROOT, Browser, Server, add_browser_arguments, api, check, codes_of, run

SAMPLES = os.path.join(ROOT, "Samples", "2026H1", "submissions")
UNIT = "FJ-00-01"
UNIT_NAME = "福建省机关事务管理局"


def main():
    parser = argparse.ArgumentParser()
    add_browser_arguments(parser, "save page screenshots here (for the README)")
    options = parser.parse_args()
    binary = os.path.abspath(options.bin)

    work = tempfile.mkdtemp(prefix="portal-review-e2e-")
    office = run(binary, "portal", "init", "--db", "p.sqlite", cwd=work).strip()
    run(binary, "portal", "open-round", "--db", "p.sqlite", "--rubric", RUBRIC, "--round", "2026H1", cwd=work)
    with open(os.path.join(work, "units.csv"), "w", encoding="utf-8") as f:
        f.write("id,name,region,level,category\n"
                f"{UNIT},{UNIT_NAME},福建,省级,机关事务管理局\n"
                "FJ-FZ-01,福州市机关事务管理局,福建,市级,机关事务管理局\n")
    with open(os.path.join(work, "experts.csv"), "w", encoding="utf-8") as f:
        f.write("id,name,region,organisation\nE03,专家甲,浙江,浙江大学\nE05,专家乙,广西,广西标准化研究院\n"
                "E08,专家丙,广东,广东省机关事务管理局\n")
    with open(os.path.join(work, "leaders.csv"), "w", encoding="utf-8") as f:
        f.write("id,name\nL1,领导甲\n")
    run(binary, "portal", "add-units", "--db", "p.sqlite", "--round", "2026H1", "units.csv", "--codes", "units-codes.csv",
        cwd=work)
    run(binary, "portal", "add-reviewers", "--db", "p.sqlite", "--round", "2026H1", "experts.csv", "--codes",
        "expert-codes.csv", cwd=work)
    run(binary, "portal", "add-leaders", "--db", "p.sqlite", "--round", "2026H1", "leaders.csv", "--codes",
        "leader-codes.csv", cwd=work)
    unit_codes = codes_of(os.path.join(work, "units-codes.csv"))
    expert_codes = codes_of(os.path.join(work, "expert-codes.csv"))
    leader_codes = codes_of(os.path.join(work, "leader-codes.csv"))

    server = Server(binary, work)
    base = server.base

    for unit in (UNIT, "FJ-FZ-01"):
        with open(os.path.join(SAMPLES, unit + ".xml"), "rb") as f:
            status, _ = api(base, f"/api/v1/rounds/2026H1/submissions/{unit}", unit_codes[unit], "PUT", f.read())
        check(status == 201, f"{unit}'s self-assessment is accepted")
    run(binary, "portal", "assign", "--db", "p.sqlite", "--round", "2026H1", "--per-unit", "2", "--seed", "7", cwd=work)
    run(binary, "portal", "close", "--db", "p.sqlite", "--round", "2026H1", cwd=work)
    _, body = api(base, "/api/v1/rounds/2026H1/assignments", office)
    plan = json.loads(body)["assignments"]
    expert = sorted(a["reviewer"] for a in plan if a["unit"] == UNIT)[0]
    check(expert in expert_codes, f"{UNIT} is assigned to {expert}")

    browser = Browser(options)
    driver = browser.driver
    shot = browser.shot
    wait_for_new_page = browser.wait_for_new_page
    click = browser.click

    def tap(element_id):
        """Scrolls a control to the middle of the window (clear of the sticky buttons) and clicks it."""
        element = driver.find_element(By.ID, element_id)
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
        element.click()
        return element

    def login(person, code):
        browser.login(base, person, code)

    def fits(width):
        driver.set_window_size(width, 900)
        WebDriverWait(driver, 5).until(lambda d: d.execute_script("return window.innerWidth") <= width)
        inner = driver.execute_script("return document.documentElement.clientWidth")
        scroll = driver.execute_script("return document.documentElement.scrollWidth")
        return inner, scroll

    try:
        login(expert, expert_codes[expert])
        check(driver.current_url.endswith("/expert"), "the expert lands on their list of units")
        for width in (1280, 390):
            inner, scroll = fits(width)
            check(scroll <= inner, f"at {width} px the list of units does not overflow ({scroll} <= {inner})")
        driver.set_window_size(1280, 1600)
        wait_for_new_page(lambda: driver.find_element(By.LINK_TEXT, UNIT).click())
        check(UNIT_NAME in driver.find_element(By.ID, "unit-name").text, "the unit's page names it")
        evidence = driver.find_element(By.ID, "evidence-C1.1-2").text
        check("标准化试点工作任务分工及责任清单" in evidence and "试点任务分工表.xlsx" in evidence,
              "an evidence item shows its title and reference")
        check(driver.find_element(By.ID, "level-C4.3-A").is_selected(), "the form starts from the unit's level A")
        shot("review-1-form")

        # Lower a level, reject an evidence item, save a draft.
        tap("level-C4.3-C")
        tap("comment-C4.3").send_keys("整改台账未见销号记录。")
        tap("reject-C1.1-2")
        tap("reject-reason-C1.1").send_keys("分工表未经领导小组审定")
        click("save-draft")
        check("草稿已保存" in driver.find_element(By.ID, "draft-saved").text, "the draft is saved")
        wait_for_new_page(driver.refresh)
        check(driver.find_element(By.ID, "level-C4.3-C").is_selected(), "after a reload the lowered level is there")
        check(driver.find_element(By.ID, "reject-C1.1-2").is_selected(), "after a reload the rejection is there")
        check(driver.find_element(By.ID, "reject-reason-C1.1").get_attribute("value") == "分工表未经领导小组审定",
              "after a reload the reason is there")

        # Desk and phone widths: nothing wider than the window.
        for width in (1280, 390):
            inner, scroll = fits(width)
            check(scroll <= inner, f"at {width} px the review page does not overflow ({scroll} <= {inner})")
            shot(f"review-2-{width}")
        driver.set_window_size(1280, 1600)

        # Print to PDF.
        pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {"printBackground": True})["data"])
        check(len(pdf) > 1000 and pdf.startswith(b"%PDF"), f"the page prints to a PDF ({len(pdf)} bytes)")
        pdf_path = os.path.join(work, "review.pdf")
        with open(pdf_path, "wb") as f:
            f.write(pdf)
        if shutil.which("pdftotext"):
            text = subprocess.run(["pdftotext", pdf_path, "-"], capture_output=True, text=True).stdout
            check(UNIT_NAME in text, "the printed page carries the unit's name")
        else:
            check(False, "pdftotext (poppler-utils) is needed to read the PDF")

        click("submit-review")
        check("已通过校验" in driver.find_element(By.ID, "verdict").text, "the submitted review is accepted")
        receipt = driver.find_element(By.ID, "review-receipt").text
        check("第 1 版" in receipt, f"the receipt names the version ({receipt})")
        shot("review-3-receipt")

        # The office publishes; the leader reads the unit's changed score.
        run(binary, "portal", "publish", "--db", "p.sqlite", "--round", "2026H1", "--draws", "20", "--seed", "1",
            cwd=work)
        login("L1", leader_codes["L1"])
        check(driver.current_url.endswith("/rounds/2026H1/report/index.html"), "the leader lands on the report")
        row = None
        for candidate in driver.find_elements(By.CSS_SELECTOR, "#ranking table tr"):
            cells = candidate.find_elements(By.TAG_NAME, "td")
            if len(cells) > 7 and cells[2].text.strip() == UNIT:
                row = cells
        check(row is not None, f"the report ranks {UNIT}")
        score, self_score = float(row[6].text), float(row[7].text)
        shot("review-4-report")
    finally:
        driver.quit()

    # Independent figures: the unit's self score alone, and the export scored with its reviews.
    _, export = api(base, "/api/v1/rounds/2026H1/export", office)
    server.stop()
    unpacked = os.path.join(work, "export")
    zipfile.ZipFile(io.BytesIO(export)).extractall(unpacked)
    result = json.loads(run(binary, "score", "--rubric", "rubric.xml", "--reviews", "reviews", "--format", "json",
                            "--quiet", "submissions", cwd=unpacked))
    unit = next(u for u in result["units"] if u["unit"] == UNIT)
    alone = json.loads(run(binary, "score", "--rubric", RUBRIC, "--format", "json", "--quiet",
                           os.path.join(SAMPLES, UNIT + ".xml"), cwd=work))["units"][0]
    check(abs(self_score - alone["score"]) < 0.01, f"the report's self score is the unit's own ({self_score})")
    check(score < self_score - 0.01, f"the verified score is lower than the self score ({score} < {self_score})")
    check(abs(score - unit["score"]) < 0.01, f"the report's score equals scoring the export ({score})")
    print("portal review e2e: all checks passed")


if __name__ == "__main__":
    try:
        main()
    except AssertionError as error:
        print("FAIL -", error)
        sys.exit(1)
