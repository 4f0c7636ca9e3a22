#!/usr/bin/env python3
"""The personalisation page in a real headless browser (Debian's chromium + chromium-driver,
driven by Selenium; no browser download). Run by `make server-test` when chromium is installed.

Starts the built dtekit-server on a free port, opens /, and checks as a company would use it:
the first preview appears; uploading a logo and then changing the recuadro colour each give a new
preview that differs from the one before; the PDF of the page's current state (fetched by the page
itself) carries a PDF417 that decodes to the TED of the sample it shows.

usage: browser-test.py SERVER_BINARY TEMPLATES_DIR LOGO_PNG
"""
import base64
import os
import re
import subprocess
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

HANG = 300  # seconds: only a hung run waits this long


def start_server(binary, templates):
    p = subprocess.Popen([binary, "--port", "0", "--templates", templates], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    line = p.stdout.readline()
    m = re.search(r":(\d+)$", line.strip())
    if not m:
        p.kill()
        sys.exit(f"browser test: the server did not start ({line!r})")
    return p, int(m.group(1))


def preview_bytes(driver):
    js = """const done = arguments[arguments.length - 1];
    fetch(document.getElementById('preview').src).then(r => r.arrayBuffer()).then(b => {
      let s = ''; const a = new Uint8Array(b); for (let i = 0; i < a.length; i++) s += String.fromCharCode(a[i]);
      done(btoa(s)); });"""
    return base64.b64decode(driver.execute_async_script(js))


def wait_generation_after(driver, generation):
    WebDriverWait(driver, HANG).until(lambda d: int(d.find_element(By.ID, "preview").get_attribute("data-generation") or 0) > generation)
    return int(driver.find_element(By.ID, "preview").get_attribute("data-generation"))


def main():
    binary, templates, logo = sys.argv[1:4]
    server, port = start_server(binary, templates)
    options = Options()
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
        options.add_argument(a)
    options.binary_location = "/usr/bin/chromium"
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(HANG)
    failures = []
    try:
        driver.get(f"http://127.0.0.1:{port}/")
        g0 = wait_generation_after(driver, 0)
        first = preview_bytes(driver)
        if not first.startswith(b"\x89PNG"):
            failures.append("the first preview is not a PNG")

        driver.find_element(By.ID, "logo").send_keys(os.path.abspath(logo))
        g1 = wait_generation_after(driver, g0)
        with_logo = preview_bytes(driver)
        if with_logo == first:
            failures.append("uploading a logo did not change the preview")

        Select(driver.find_element(By.ID, "recuadro")).select_by_value("black")
        wait_generation_after(driver, g1)
        black = preview_bytes(driver)
        if black == with_logo:
            failures.append("a black recuadro did not change the preview")
        problems = driver.find_elements(By.CSS_SELECTOR, "#problems li")
        if problems:
            failures.append(f"unexpected SII problems listed: {[p.text for p in problems]}")

        # The PDF of the page's current state, fetched by the page, and the sample it shows.
        js = """const done = arguments[arguments.length - 1];
        fetch('/v1/previews', {method: 'POST', body: body(), headers: {Accept: 'application/pdf'}}).then(r => r.arrayBuffer()).then(b => {
          let s = ''; const a = new Uint8Array(b); for (let i = 0; i < a.length; i++) s += String.fromCharCode(a[i]);
          done(btoa(s)); });"""
        pdf = base64.b64decode(driver.execute_async_script(js))
        sample = subprocess.run(["curl", "-sS", f"http://127.0.0.1:{port}/v1/samples/33.xml"], capture_output=True, check=True).stdout
        ted = re.search(rb"<TED version=\"1.0\">.*?</TED>", sample, re.S)
        with tempfile.TemporaryDirectory() as d:
            open(os.path.join(d, "p.pdf"), "wb").write(pdf)
            subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-singlefile", os.path.join(d, "p.pdf"), os.path.join(d, "p")], check=True)
            decoded = subprocess.run(["ZXingReader", "-bytes", "-format", "PDF417", os.path.join(d, "p.png")], capture_output=True).stdout
        expected = re.sub(rb">\s+<", b"><", ted.group(0)) if ted else b"?"
        if decoded != expected:
            failures.append(f"the PDF417 does not decode to the sample's TED ({len(decoded)} bytes vs {len(expected)})")
    finally:
        driver.quit()
        server.terminate()
        server.wait()
    for f in failures:
        print("browser test: FAIL: " + f)
    print("browser test: every check held" if not failures else f"browser test: {len(failures)} check(s) failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
