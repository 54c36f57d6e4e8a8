#!/usr/bin/env python3
"""Checks the leadership report in a real browser (headless Chromium driven by Selenium).

Opens index.html, trends.html and every unit page of a report folder at 1400x1000 (desk) and
420x860 (phone) and asserts from the browser's own layout:
  * the page is no wider than the viewport;
  * no visible text is smaller than 10 px on screen (SVG text: font size x the element's screen scale);
  * index.html names every exemplar in the first 1000 px (desk) / 1720 px (phone), and in the same
    first screen the partner of every laggard group, the panel's reliability phrase and, when the report
    has history, the sigma/beta verdict with its interval.
Then prints index.html to A4 PDF through the browser (Page.printToPDF): at most MAX_PAGES pages, none with
fewer than 300 characters (pdftotext). The workbook: pageSetup landscape, fit to width, print titles and
autofilter in its XML; with LibreOffice present, the ranking sheet prints on at most 4 pages.

Usage: check_report.py REPORT_DIR [--chromium PATH] [--driver PATH] [--shots DIR]
Exit status 0 when every check passes; each failure is printed as one line.
"""

import argparse
import base64
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

SIZES = [(1400, 1000, 1000), (420, 860, 1720)]  # width, height, the "first screen" limit in px
MIN_TEXT_PX = 10.0
MAX_PAGES = 8
MIN_PAGE_CHARS = 300
MAX_RANKING_PAGES = 4

failures = []


def fail(message):
    failures.append(message)
    print("FAIL " + message)


def start(chromium, driver):
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                     "--disable-dev-shm-usage", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    return webdriver.Chrome(service=Service(executable_path=driver), options=options)


def set_viewport(browser, width, height):
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


# Every visible text node: its element, its size on screen and its top edge in page coordinates.
TEXT_SIZES = """
const out = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
  const node = walker.currentNode;
  if (!node.textContent.trim()) continue;
  const element = node.parentElement;
  if (!element || element.closest('title, desc, style, script')) continue;
  const range = document.createRange();
  range.selectNodeContents(node);
  const rects = range.getClientRects();
  if (!rects.length) continue;
  const style = getComputedStyle(element);
  if (style.visibility === 'hidden' || style.display === 'none') continue;
  let size = parseFloat(style.fontSize);
  if (element instanceof SVGElement) {
    const m = element.getScreenCTM();
    if (m) size *= Math.sqrt(m.a * m.a + m.b * m.b);
  }
  out.push({tag: element.tagName, text: node.textContent.trim().slice(0, 40), size: size});
}
return out;
"""

# The lowest bottom edge (page coordinates) of the first occurrence of each text, or null when absent.
FIRST_BOTTOM = """
const wanted = arguments[0];
const found = {};
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
const texts = [];
while (walker.nextNode()) texts.push(walker.currentNode);
for (const text of wanted) {
  found[text] = null;
  for (const node of texts) {
    const at = node.textContent.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    const rect = range.getBoundingClientRect();
    if (rect.width === 0 && rect.height === 0) continue;
    found[text] = rect.bottom + window.scrollY;
    break;
  }
}
return found;
"""


def check_layout(browser, url, label, width):
    browser.get(url)
    sizes = browser.execute_script(
        "return [document.documentElement.scrollWidth, window.innerWidth]")
    if sizes[0] > sizes[1] + 1:
        fail(f"{label}: page is {sizes[0]} px wide in a {sizes[1]} px viewport")
    small = [t for t in browser.execute_script(TEXT_SIZES) if t["size"] < MIN_TEXT_PX - 0.05]
    if small:
        worst = min(small, key=lambda t: t["size"])
        fail(f"{label}: {len(small)} texts under {MIN_TEXT_PX} px, smallest {worst['size']:.1f} px "
             f"<{worst['tag']}> '{worst['text']}'")


def first_screen(browser, url, label, limit, names, phrases):
    browser.get(url)
    bottoms = browser.execute_script(FIRST_BOTTOM, names)
    for name, bottom in bottoms.items():
        if bottom is None:
            fail(f"{label}: '{name}' is not on the page")
        elif bottom > limit:
            fail(f"{label}: '{name}' ends at {bottom:.0f} px, below the first {limit} px")
    for selector, must in phrases:
        found = browser.execute_script(
            "const e = document.querySelectorAll(arguments[0]); return Array.from(e).map("
            "x => [x.textContent, x.getBoundingClientRect().bottom + window.scrollY]);", selector)
        if not found:
            fail(f"{label}: no {selector} on the page")
            continue
        for text, bottom in found:
            if bottom > limit:
                fail(f"{label}: {selector} ends at {bottom:.0f} px, below the first {limit} px")
            for pattern in must:
                if not re.search(pattern, text):
                    fail(f"{label}: {selector} '{text[:60]}' lacks {pattern}")


def expected_names(report):
    """Exemplar names and the first partner of each laggard, from results.json and analysis.json."""
    with open(os.path.join(report, "results.json"), encoding="utf-8") as f:
        results = json.load(f)
    with open(os.path.join(report, "analysis.json"), encoding="utf-8") as f:
        analysis = json.load(f)
    names = {unit["unit"]: unit["name"] or unit["unit"] for unit in results["units"]}
    exemplars = [names[e["unit"]] for e in analysis["exemplars"]]
    tiers = list(analysis["overall"]["tiers"].keys())
    lowest = [t for t in tiers if t != "vetoed"][-1]
    partners = []
    for unit in analysis["units"]:
        if unit["tier"] in (lowest, "vetoed") and unit.get("partners"):
            partner = names[unit["partners"][0]["unit"]]
            if partner not in partners:
                partners.append(partner)
    return exemplars, partners


def print_pdf(browser, url, path):
    browser.get(url)
    pdf = browser.execute_cdp_cmd("Page.printToPDF", {
        "paperWidth": 8.27, "paperHeight": 11.69, "printBackground": True, "preferCSSPageSize": True})
    with open(path, "wb") as f:
        f.write(base64.b64decode(pdf["data"]))


def pdf_pages(path):
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    texts = []
    for page in range(1, pages + 1):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-layout", path, "-"],
                              capture_output=True, text=True, check=True).stdout
        texts.append(text)
    return texts


def check_print(browser, report, shots):
    with tempfile.TemporaryDirectory() as work:
        pdf = os.path.join(work, "index.pdf")
        print_pdf(browser, "file://" + os.path.join(report, "index.html"), pdf)
        pages = pdf_pages(pdf)
        print(f"index.html prints on {len(pages)} A4 pages; characters per page: "
              + ", ".join(str(len(re.sub(r"\s", "", p))) for p in pages))
        if len(pages) > MAX_PAGES:
            fail(f"index.html prints on {len(pages)} pages (at most {MAX_PAGES})")
        for number, text in enumerate(pages, 1):
            count = len(re.sub(r"\s", "", text))
            if count < MIN_PAGE_CHARS:
                fail(f"printed page {number} holds {count} characters (at least {MIN_PAGE_CHARS})")
        if shots:
            subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "60", "-png", "-singlefile", pdf,
                            os.path.join(shots, "report-print-page1")], check=True)


def check_workbook(report):
    path = os.path.join(report, "ranking.xlsx")
    with zipfile.ZipFile(path) as book:
        sheet = book.read("xl/worksheets/sheet1.xml").decode("utf-8")
        workbook = book.read("xl/workbook.xml").decode("utf-8")
    for pattern, what in [(r'<pageSetup[^>]*orientation="landscape"', "landscape page setup"),
                          (r'<pageSetup[^>]*fitToWidth="1"', "fit to one page wide"),
                          (r'<pageSetUpPr[^>]*fitToPage="1"', "fit-to-page flag"),
                          (r"<autoFilter ", "autofilter"),
                          (r'<pane [^>]*state="frozen"', "frozen panes")]:
        if not re.search(pattern, sheet):
            fail(f"ranking.xlsx sheet 1 has no {what}")
    if "_xlnm.Print_Titles" not in workbook:
        fail("ranking.xlsx has no print titles")
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if not office:
        print("LibreOffice not found: the workbook's printed pages were not counted")
        return
    with tempfile.TemporaryDirectory() as work:
        subprocess.run([office, "--headless", f"-env:UserInstallation=file://{work}/profile",
                        "--convert-to", "pdf", "--outdir", work, path],
                       capture_output=True, check=True, timeout=300)
        pages = pdf_pages(os.path.join(work, "ranking.pdf"))
        # Every page of the ranking sheet repeats its header row, which holds the rank-interval column.
        ranking = [p for p in pages if "名次区间" in p or "Rank interval" in p]
        print(f"ranking.xlsx: the ranking sheet prints on {len(ranking)} pages ({len(pages)} in the workbook)")
        if not ranking or len(ranking) > MAX_RANKING_PAGES:
            fail(f"the ranking sheet prints on {len(ranking)} pages (1 to {MAX_RANKING_PAGES})")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--driver", default="/usr/bin/chromedriver")
    parser.add_argument("--shots", help="write screenshots (desk, phone, printed page) into this folder")
    args = parser.parse_args()
    report = os.path.abspath(args.report)
    pages = ["index.html"]
    if os.path.exists(os.path.join(report, "trends.html")):
        pages.append("trends.html")
    pages += ["units/" + name for name in sorted(os.listdir(os.path.join(report, "units")))]
    exemplars, partners = expected_names(report)
    history = os.path.exists(os.path.join(report, "trends.html"))
    phrases = [(".panel-phrase", [r"ICC = \d\.\d\d"])]
    if history:
        phrases.append((".verdict", []))
        phrases.append((".verdict.beta", [r"β = -?\d", r"\[-?\d\.\d+, -?\d\.\d+\]"]))

    browser = start(args.chromium, args.driver)
    try:
        for width, height, limit in SIZES:
            set_viewport(browser, width, height)
            for page in pages:
                check_layout(browser, "file://" + os.path.join(report, page), f"{page} at {width}", width)
            first_screen(browser, "file://" + os.path.join(report, "index.html"), f"index.html at {width}",
                         limit, exemplars + partners, phrases)
            if args.shots:
                os.makedirs(args.shots, exist_ok=True)
                browser.get("file://" + os.path.join(report, "index.html"))
                name = "report-desktop.png" if width > 600 else "report-phone.png"
                shot = browser.execute_cdp_cmd("Page.captureScreenshot", {
                    "clip": {"x": 0, "y": 0, "width": width, "height": limit, "scale": 1},
                    "captureBeyondViewport": True})
                with open(os.path.join(args.shots, name), "wb") as f:
                    f.write(base64.b64decode(shot["data"]))
        check_print(browser, report, args.shots)
    finally:
        browser.quit()
    check_workbook(report)
    print(f"checked {len(pages)} pages at {len(SIZES)} sizes; {len(exemplars)} exemplars, "
          f"{len(partners)} laggard partners; {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
