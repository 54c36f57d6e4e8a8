#!/usr/bin/env python3
"""The published report and the office's round pages under the portal's CSP, in a real browser.

Sets up a small round with the CLI and the API (three units, three experts, a leader),
closes it, assigns, has the experts review by API, then in headless Chromium:

- the office opens its dashboard, progress, plan and publish pages at desktop and phone
  width, publishes from the page (a real form POST with its CSRF token);
- the leader logs in, lands on the published report, opens a unit's page;

and on every page checks that the browser's console has no Content-Security-Policy
violation, that every inline stylesheet was applied, and that the page does not scroll
sideways (desktop 1280 px and phone 390 px wide).

    python3 Tests/browser/portal_report_csp.py --bin .build/debug/piloteval [--screenshots DIR]
"""
import argparse
import os
import tempfile

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from portal_support import RUBRIC, ROOT, Browser, Server, add_browser_arguments, api, check, codes_of, run

SUBMISSIONS = os.path.join(ROOT, "Samples", "2026H1", "submissions")
REVIEW = os.path.join(ROOT, "Samples", "2026H1", "reviews", "FJ-00-01-E05.xml")
UNITS = [("FJ-00-01", "福建省机关事务管理局", "福建", "省级"), ("GD-00-01", "广东省机关事务管理局", "广东", "省级"),
         ("HN-CS-01", "长沙市机关事务管理局", "湖南", "市级")]
EXPERTS = [("E01", "林建华", "福建"), ("E02", "李娜", "广东"), ("E03", "刘洋", "湖南")]
WIDTHS = {"desktop": (1280, 1000), "phone": (390, 844)}


def put(base, path, code, body):
    return api(base, path, code, "PUT", body)[0]


def main():
    parser = argparse.ArgumentParser()
    add_browser_arguments(parser, "save the office's progress and plan pages here (for the README)")
    options = parser.parse_args()
    binary = os.path.abspath(options.bin)

    work = tempfile.mkdtemp(prefix="portal-csp-")
    office = run(binary, "portal", "init", "--db", "p.sqlite", cwd=work).strip()
    run(binary, "portal", "open-round", "--db", "p.sqlite", "--rubric", RUBRIC, "--round", "2026H1", cwd=work)
    with open(os.path.join(work, "units.csv"), "w", encoding="utf-8") as f:
        f.write("id,name,region,level,category\n")
        f.writelines(f"{u},{n},{r},{l},机关事务管理局\n" for u, n, r, l in UNITS)
    with open(os.path.join(work, "experts.csv"), "w", encoding="utf-8") as f:
        f.write("id,name,region,organisation\n")
        f.writelines(f"{e},{n},{r},\n" for e, n, r in EXPERTS)
    with open(os.path.join(work, "leaders.csv"), "w", encoding="utf-8") as f:
        f.write("id,name\nL01,王主任\n")
    run(binary, "portal", "add-units", "--db", "p.sqlite", "--round", "2026H1", "units.csv", "--codes", "c.csv", cwd=work)
    run(binary, "portal", "add-reviewers", "--db", "p.sqlite", "--round", "2026H1", "experts.csv", "--codes", "e.csv",
        cwd=work)
    run(binary, "portal", "add-leaders", "--db", "p.sqlite", "--round", "2026H1", "leaders.csv", "--codes", "l.csv",
        cwd=work)
    units, experts, leaders = (codes_of(os.path.join(work, name)) for name in ("c.csv", "e.csv", "l.csv"))

    server = Server(binary, work)
    base = server.base
    browser = None
    try:
        for unit, *_ in UNITS:
            body = open(os.path.join(SUBMISSIONS, unit + ".xml"), "rb").read()
            check(put(base, f"/api/v1/rounds/2026H1/submissions/{unit}", units[unit], body) == 201, f"{unit} submits")
        run(binary, "portal", "close", "--db", "p.sqlite", "--round", "2026H1", "--review-deadline",
            "2020-01-01T00:00:00+08:00", cwd=work)
        run(binary, "portal", "assign", "--db", "p.sqlite", "--round", "2026H1", "--per-unit", "2", "--seed", "1",
            "--csv", "plan.csv", cwd=work)
        plan = [line.strip().split(",")[:2] for line in open(os.path.join(work, "plan.csv"), encoding="utf-8-sig")][1:]
        template = open(REVIEW, encoding="utf-8").read()
        for unit, expert in plan[:-1]:  # one review left outstanding: that expert is late
            body = template.replace('unit="FJ-00-01"', f'unit="{unit}"').replace('reviewer="E05"', f'reviewer="{expert}"')
            check(put(base, f"/api/v1/rounds/2026H1/reviews/{unit}", experts[expert], body.encode()) == 201,
                  f"{expert} reviews {unit}")

        browser = Browser(options, console_log=True, hide_scrollbars=True)
        driver = browser.driver

        def wait_for_new_page(action):
            browser.wait_for_new_page(action, seconds=60)

        def login(user, code):
            browser.login(base, user, code)

        def violations():
            return [entry["message"] for entry in driver.get_log("browser")
                    if "Content Security Policy" in entry["message"] or "Refused to" in entry["message"]]

        def shot(name, width=1280):
            if options.screenshots:
                os.makedirs(options.screenshots, exist_ok=True)
                driver.set_window_size(width, 900)
                height = driver.execute_script("return document.documentElement.scrollHeight")
                driver.set_window_size(width, min(height + 20, 2400))
                driver.save_screenshot(os.path.join(options.screenshots, name + ".png"))

        def inspect(path, what):
            """Opens `path` at each width: no CSP violation, inline styles applied, no sideways scroll."""
            for name, (width, height) in WIDTHS.items():
                driver.set_window_size(width, height)
                driver.get_log("browser")  # drop what came before
                driver.get(base + path)
                WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")
                problems = violations()
                check(not problems, f"{what} at {name} width: no CSP violation {problems[:2]}")
                applied = driver.execute_script(
                    "return Array.from(document.querySelectorAll('style')).every("
                    "s => s.sheet && s.sheet.cssRules.length > 0)")
                check(applied, f"{what} at {name} width: every inline stylesheet applied")
                sheets = driver.execute_script("return document.styleSheets.length")
                check(sheets >= 1, f"{what} at {name} width: styled ({sheets} stylesheets)")
                scroll, inner = driver.execute_script(
                    "return [document.documentElement.scrollWidth, window.innerWidth]")
                check(scroll <= inner + 1, f"{what} at {name} width: no sideways scroll ({scroll} ≤ {inner})")

        login("office", office)
        inspect("/office", "the office dashboard")
        inspect("/office/rounds/2026H1/progress", "the progress page")
        late = driver.find_elements(By.CSS_SELECTOR, "#by-expert tr.late")
        check(len(late) == 1, "the progress page marks the one expert with a review outstanding as late")
        shot("6-progress", 390)
        inspect("/office/rounds/2026H1/plan", "the plan page")
        shot("7-plan")
        inspect("/office/rounds/2026H1/publish", "the publish page")
        driver.set_window_size(*WIDTHS["desktop"])
        driver.get(base + "/office/rounds/2026H1/publish")
        driver.find_element(By.ID, "draws").send_keys("50")
        driver.find_element(By.ID, "seed").send_keys("3")
        driver.find_element(By.ID, "confirm").click()
        wait_for_new_page(lambda: driver.find_element(By.ID, "publish").click())
        check(driver.current_url.endswith("/rounds/2026H1/report/index.html"),
              "publishing from the page lands on the report: " + driver.current_url)

        login("L01", leaders["L01"])
        check(driver.current_url.endswith("/rounds/2026H1/report/index.html"), "the leader lands on the report")
        inspect("/rounds/2026H1/report/index.html", "the published report")
        link = driver.find_element(By.CSS_SELECTOR, "a[href*='units/']").get_attribute("href")
        inspect(link[len(base):], "a unit's page of the report")
        driver.get(base + "/office")
        check(driver.find_elements(By.ID, "error") and not driver.find_elements(By.ID, "units"),
              "a leader cannot open the office's pages (an error page, no dashboard)")
        print("all checks passed")
    finally:
        if browser:
            browser.quit()
        server.stop()


if __name__ == "__main__":
    main()
