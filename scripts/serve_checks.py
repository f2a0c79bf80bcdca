#!/usr/bin/env python3
"""Checks of `safeguard serve` from outside the process, against a server on loopback.

    serve_checks.py seed URL               open and serve case WEB-1 (for the pages)
    serve_checks.py browser URL OUTDIR     sign in with headless Chromium, read the due list and a case page, screenshot both
    serve_checks.py load URL DB SAFEGUARD [FIRES SHOWS]
                                           16 clients fire and show (FIRES and SHOWS each, default 50 and 100);
                                           prints requests/s and p50/p99; checks every event is recorded

Only the standard library, and selenium for the browser (with Debian's chromium-driver).
Tokens, by nickname, from the files NICKNAME.token in the folder SERVE_TOKENS (made by
scripts/serve-checks with `safeguard staff token`): pc-token (PC1234, constable), sup-token
(SUP77, superintendent), legal-token (LO9, legal_officer), admin-token (ADM1).
"""
import functools
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse

INCIDENT = {"perpetrator_dob": "1988-02-14", "relationship": "cohabitant", "violence": "used"}
AUTHORISATION = {"grounds": "assault", "victim_opinion": "wants him kept away", "children_welfare": "none in household",
                 "perpetrator_representations": "none made", "premises_conditions": False}


@functools.lru_cache(maxsize=None)

def landed(driver, path, seconds=10):
    """Whether the browser reaches a page ending in `path` within `seconds`: a form's answer is a
    redirect the browser follows after the click returns, so the address is read until it lands."""
    for _ in range(seconds * 10):
        if driver.current_url.endswith(path):
            return True
        time.sleep(0.1)
    return driver.current_url.endswith(path)

def real_token(nickname):
    """The real token the staff register issued to the person with this nickname."""
    with open(os.path.join(os.environ["SERVE_TOKENS"], nickname + ".token")) as file:
        return file.read().strip()


class Client:
    def __init__(self, url, token):
        parts = urllib.parse.urlsplit(url)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        self.token = token

    def call(self, method, path, body=None, token=None):
        headers = {"Authorization": "Bearer " + real_token(token or self.token)}
        data = None
        if body is not None:
            data = json.dumps(body)
            headers["Content-Type"] = "application/json"
        self.connection.request(method, path, body=data, headers=headers)
        response = self.connection.getresponse()
        payload = response.read()
        return response.status, json.loads(payload) if payload else None

    def must(self, expected, method, path, body=None, token=None):
        status, document = self.call(method, path, body, token)
        if status != expected:
            sys.exit(f"{method} {path}: expected {expected}, got {status}: {document}")
        return document


def order_in_force(client, case):
    """Takes a new Essex case to an order in force, one event a step."""
    client.must(201, "POST", "/cases", {"id": case, "force": "essex", "at": "2026-05-23T22:10:00+01:00", "data": INCIDENT})
    client.must(201, "POST", f"/cases/{case}/events", {"event": "authorise_notice", "at": "2026-05-24T01:30:00+01:00", "data": AUTHORISATION}, token="sup-token")
    client.must(201, "POST", f"/cases/{case}/events", {"event": "serve_notice", "at": "2026-05-24T09:15:00+01:00", "data": {"hearing_address": "4 Mill Lane"}})
    client.must(201, "POST", f"/cases/{case}/events", {"event": "apply_for_order", "at": "2026-05-24T11:00:00+01:00", "data": {"court": "Colchester", "listed_for": "2026-05-26T10:00:00+01:00"}})
    client.must(201, "POST", f"/cases/{case}/events", {"event": "grant_order", "at": "2026-05-26T11:40:00+01:00", "data": {"days": 28}}, token="legal-token")


def seed(url):
    client = Client(url, "pc-token")
    client.must(201, "POST", "/cases", {"id": "WEB-1", "force": "essex", "at": "2026-05-23T22:10:00+01:00", "data": INCIDENT})
    client.must(201, "POST", "/cases/WEB-1/events", {"event": "authorise_notice", "at": "2026-05-24T01:30:00+01:00", "data": AUTHORISATION}, token="sup-token")
    client.must(201, "POST", "/cases/WEB-1/events", {"event": "serve_notice", "at": "2026-05-24T09:15:00+01:00", "data": {"hearing_address": "4 Mill Lane, Colchester"}})
    print("seeded WEB-1")


def browser(url, out):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=412,915"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    failures = []

    def expect(condition, what):
        print(("ok   " if condition else "FAIL ") + what)
        if not condition:
            failures.append(what)

    try:
        driver.get(url + "/ui/due")
        expect(driver.current_url.endswith("/ui/sign-in"), "a visitor without a session is sent to sign in")
        label = driver.find_element(By.CSS_SELECTOR, "label[for=token]")
        expect(label.text == "Your personal token", "the token field is labelled")
        driver.find_element(By.ID, "token").send_keys(real_token("pc-token"))
        driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        expect(landed(driver, "/ui/due"), "signing in leads to the due list")
        expect(driver.find_element(By.TAG_NAME, "h1").text == "Due", "the due list has its heading")
        link = driver.find_element(By.LINK_TEXT, "WEB-1")
        expect(link is not None, "the due list links case WEB-1")
        row = link.find_element(By.XPATH, "./ancestor::tr")
        expect("hearing" in row.text and row.get_attribute("class") in ("pending", "overdue", "missed"), "WEB-1's hearing deadline is listed with its status")
        cookie = driver.get_cookie("safeguard_session") or {}
        expect(cookie.get("httpOnly") is True and cookie.get("secure") is True and cookie.get("sameSite") == "Strict", "the session cookie is HttpOnly, Secure and SameSite=Strict")
        driver.save_screenshot(f"{out}/due.png")
        link.click()
        expect(driver.find_element(By.TAG_NAME, "h1").text == "Case WEB-1", "the case page has its heading")
        headings = [h.text for h in driver.find_elements(By.TAG_NAME, "h2")]
        expect(headings[:3] == ["Allowed next", "Deadlines", "Timeline"], "the case page shows what may come next, its deadlines and its timeline")
        body = driver.find_element(By.TAG_NAME, "body").text
        expect("apply_for_order" in body, "apply_for_order is among the events allowed next")
        expect("disregarded" in body and "24h 00m counted, 48h 00m in all" in body, "the hearing deadline is explained day by day")
        expect("1988-02-14" in body, "a constable sees the personal fields")
        expect(driver.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1"), "the case page fits a phone's width")
        driver.save_screenshot(f"{out}/case.png")
        driver.find_element(By.XPATH, "//button[text()='Sign out']").click()
        expect(landed(driver, "/ui/sign-in"), "signing out leads back to sign in")
        driver.get(url + "/ui/cases/WEB-1")
        expect(driver.current_url.endswith("/ui/sign-in"), "after signing out the case page needs sign-in again")
        driver.find_element(By.ID, "token").send_keys(real_token("legal-token"))
        driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        # The sign-in's answer sets the session cookie: wait for it before asking for another page.
        expect(landed(driver, "/ui/due"), "the legal officer's sign-in leads to the due list")
        driver.get(url + "/ui/cases/WEB-1")
        body = driver.find_element(By.TAG_NAME, "body").text
        expect("1988-02-14" not in body and "masked (personal)" in body, "a legal officer sees personal fields masked")
        driver.save_screenshot(f"{out}/case-masked.png")
    finally:
        driver.quit()
    print(f"browser: {len(failures) == 0 and 'all' or 'not all'} checks passed; screenshots in {out}")
    sys.exit(1 if failures else 0)


def load(url, db, safeguard, fires=50, shows=100):
    clients, cases = 16, 4
    setup = Client(url, "pc-token")
    for n in range(cases):
        order_in_force(setup, f"LOAD-{n}")
    timings = {"fire": [], "show": []}
    lock = threading.Lock()
    errors = []

    def worker(index, kind):
        client = Client(url, "pc-token")
        local = []
        for n in range(fires if kind == "fire" else shows):
            case = f"LOAD-{(index + n) % cases}"
            began = time.perf_counter()
            if kind == "fire":
                status, _ = client.call("POST", f"/cases/{case}/events", {"event": "record_visit", "at": "2026-05-28T15:00:00+01:00", "data": {"outcome": f"visit {index}-{n}"}, "id": f"V-{index}-{n}"})
                ok = status == 201
            else:
                status, _ = client.call("GET", f"/cases/{case}")
                ok = status == 200
            local.append(time.perf_counter() - began)
            if not ok:
                errors.append(f"{kind} {case}: {status}")
        with lock:
            timings[kind] += local

    elapsed = {}
    for kind in ("fire", "show"):
        threads = [threading.Thread(target=worker, args=(i, kind)) for i in range(clients)]
        began = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed[kind] = time.perf_counter() - began

    if errors:
        sys.exit(f"load: {len(errors)} requests failed, first: {errors[0]}")
    # Every event accounted for: the histories hold every fire, and the chain verifies.
    recorded = sum(len(setup.must(200, "GET", f"/cases/LOAD-{n}/history")["events"]) for n in range(cases))
    expected = cases * 5 + clients * fires
    verify = subprocess.run([safeguard, "verify", "--db", db], capture_output=True, text=True)
    print(f"load: {clients} concurrent clients; | request | count | requests/s | p50 ms | p99 ms |")
    for key in ("fire", "show"):
        values = sorted(timings[key])
        p50 = values[len(values) // 2] * 1000
        p99 = values[min(len(values) - 1, int(len(values) * 0.99))] * 1000
        print(f"| {key} | {len(values)} | {len(values) / elapsed[key]:.0f} | {p50:.1f} | {p99:.1f} |")
    print(f"load: {recorded} events recorded, {expected} expected; verify: {verify.stdout.strip()}")
    if recorded != expected or verify.returncode != 0:
        sys.exit("load: events missing or the chain does not verify")


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "seed":
        seed(sys.argv[2])
    elif command == "browser":
        browser(sys.argv[2], sys.argv[3])
    elif command == "load":
        load(sys.argv[2], sys.argv[3], sys.argv[4], *[int(n) for n in sys.argv[5:7]])
    else:
        sys.exit("usage: serve_checks.py seed|browser|load …")
