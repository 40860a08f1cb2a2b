"""The review page in headless Chromium (Debian's /usr/bin/chromium driven by Playwright):
upload a fixture, wait for the highlights, check them against the /parse JSON, use the
outline and the findings list, and save a screenshot."""
from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from conftest import FIXTURES
from test_service import Server

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
KINDS = {"target": "targets", "date": "dates", "award": "awards"}

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no chromium at /usr/bin/chromium")]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp("browser"), "--workers", "1")
    yield srv
    srv.stop()


def expected_spans(doc: dict) -> dict[str, int]:
    """How many label chips each kind should get: one per non-empty span (a reference per mention)."""
    n = {k: sum(1 for x in doc[key] if x["end"] > x["start"]) for k, key in KINDS.items()}
    n["ref"] = sum(sum(1 for m in (r["mentions"] or [r]) if m["end"] > m["start"]) for r in doc["legal_refs"])
    n["finding"] = sum(1 for f in doc["findings"] if f["end"] > f["start"])
    return n


def drop_file(page, path: Path) -> None:
    dt = page.evaluate_handle("""([name, bytes]) => { const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(bytes)], name)); return dt; }""", [path.name, list(path.read_bytes())])
    page.dispatch_event("#drop", "dragenter", {"dataTransfer": dt})
    assert "over" in page.get_attribute("#drop", "class")
    page.dispatch_event("#drop", "drop", {"dataTransfer": dt})


@pytest.mark.parametrize("name", ["mn-son-ca-2024-2025.docx", "th-le-quy-don-2024.pdf"])
def test_review_page_uploads_and_highlights(server, tmp_path, name):
    from playwright.sync_api import sync_playwright

    path = FIXTURES / name
    doc = httpx.post(server.url + "/parse", params={"with_text": 1},
                     files={"file": (name, path.read_bytes())}, timeout=120).json()
    want = expected_spans(doc)
    assert want["target"] > 0 and want["date"] > 0 and want["ref"] > 0
    shot = tmp_path / f"{path.stem}.png"
    requests: list[str] = []
    errors: list[str] = []
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(str(tmp_path / "profile"), executable_path=CHROMIUM,
                                                   args=CHROMIUM_ARGS, headless=True)
        try:
            page = ctx.new_page()
            page.on("request", lambda r: requests.append(r.url))
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
            page.set_viewport_size({"width": 1400, "height": 1000})
            page.goto(server.url + "/")
            assert "Thả tệp kế hoạch" in page.inner_text("#drop")
            if path.suffix == ".pdf":  # drag and drop onto the drop zone, as a reviewer would
                drop_file(page, path)
            else:
                page.set_input_files("#file", str(path))
            # a selector, not wait_for_function: the page's CSP forbids the eval that would need
            page.wait_for_selector(f"body[data-loaded={json.dumps(name)}]", state="attached", timeout=60_000)
            page.wait_for_selector("#text mark.k-target")

            # the text is doc.text, unchanged, with one label chip per span
            shown = page.evaluate("""() => { const c = document.querySelector('#text').cloneNode(true);
                c.querySelectorAll('.tag').forEach(t => t.remove()); return c.textContent; }""")
            assert shown == doc["text"]
            for kind, n in want.items():
                assert page.locator(f"#text .tag.t-{kind}").count() == n, kind
            # the first target's marks hold exactly its text
            t0 = doc["targets"][0]
            sid = page.evaluate("() => document.querySelector('#text .tag.t-target').dataset.span")
            marked = page.evaluate("""(id) => [...document.querySelectorAll('#text mark')]
                .filter(m => m.dataset.spans.split(' ').includes(id)).map(m => m.textContent).join('')""", sid)
            assert marked == t0["text"]
            assert page.locator("#legend-target").inner_text() == f"Chỉ tiêu ({len(doc['targets'])})"

            # outline: one link per section, top level first; a click scrolls to the heading
            def walk(ss: list) -> list:
                return [x for s in ss for x in [s, *walk(s["children"])]]

            links = page.locator("#outline a")
            assert links.count() == len(walk(doc["sections"]))
            assert doc["sections"][0]["heading"] in links.first.inner_text()
            last = links.count() - 1
            links.nth(last).click()
            assert page.evaluate(f"""() => {{ const a = document.getElementById('sec-{last}');
                const r = a.getBoundingClientRect(); const box = document.querySelector('.doc').getBoundingClientRect();
                return r.top >= box.top && r.top <= box.bottom; }}""")
            assert page.locator(".flash").count() == 1
            heading = doc["text"][walk(doc["sections"])[last]["heading_start"]:walk(doc["sections"])[last]["heading_end"]]
            assert page.locator(".flash").inner_text() in heading and len(page.locator(".flash").inner_text()) > 3

            # findings list: one entry per finding; a click jumps to the spot and flashes it
            items = page.locator("#findings li")
            if doc["findings"]:
                assert items.count() == len(doc["findings"])
                first = doc["findings"][0]
                assert first["message"] in items.first.inner_text()
                assert f"dòng {first['line']}" in items.first.inner_text()
                items.first.click()
                flashed = page.locator(".flash")
                assert flashed.count() >= 1
                if first["end"] > first["start"]:  # the flashed marks are exactly the finding's span
                    shown = "".join(flashed.all_text_contents())
                    assert shown == doc["text"][first["start"]:first["end"]]
                assert flashed.first.evaluate("e => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; }")
            else:
                assert items.count() == 1 and items.first.inner_text() == "Không phát hiện vấn đề nào."
            assert "chỉ tiêu" in page.inner_text("#status")

            # legend toggles hide a kind's chips
            page.locator("#legend-date input").uncheck()
            assert not page.locator("#text .tag.t-date").first.is_visible()
            page.screenshot(path=str(shot), full_page=False)
        finally:
            ctx.close()
    assert errors == []
    assert shot.stat().st_size > 30_000
    assert all(u.startswith(server.url) for u in requests), requests


def test_review_page_shows_errors(server, tmp_path):
    from playwright.sync_api import sync_playwright

    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"not a word file")
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(str(tmp_path / "profile"), executable_path=CHROMIUM,
                                                   args=CHROMIUM_ARGS, headless=True)
        try:
            page = ctx.new_page()
            page.goto(server.url + "/")
            page.set_input_files("#file", str(bad))
            page.wait_for_selector("#status.error", timeout=30_000)
            msg = page.inner_text("#status")
            assert msg.startswith("Lỗi 422: hong.docx: ") and "not a zip" in msg
            assert page.locator("#view").is_hidden()
        finally:
            ctx.close()


def test_api_docs_render_with_the_network_off(server, tmp_path):
    """The review page's API link opens Swagger UI, rendered from the server's own assets:
    every request leaving the server's origin is aborted, as on a machine without internet."""
    from playwright.sync_api import sync_playwright

    outside: list[str] = []
    errors: list[str] = []

    def offline(route):
        if route.request.url.startswith(server.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort("internetdisconnected")

    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(str(tmp_path / "profile"), executable_path=CHROMIUM,
                                                   args=CHROMIUM_ARGS, headless=True)
        try:
            ctx.route("**/*", offline)
            page = ctx.new_page()
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(server.url + "/")
            page.click("a.api")
            page.wait_for_url(server.url + "/docs")
            page.wait_for_selector(".swagger-ui .opblock-summary-path", timeout=30_000)
            paths = set(page.locator(".opblock-summary-path").all_inner_texts())
            assert {"/parse", "/check", "/schema", "/healthz"} <= {x.strip() for x in paths}
            assert page.locator(".swagger-ui .info .title").inner_text().startswith("kehoach")
            assert outside == []
            page.goto(server.url + "/redoc")
            page.wait_for_selector("h1", timeout=30_000)
            assert page.locator("h1").first.inner_text().startswith("kehoach")
            assert page.locator("text=/parse").count() >= 1
        finally:
            ctx.close()
    # ReDoc's "powered by" footer logo is the one thing it would fetch: cosmetic, the page renders
    assert outside in ([], ["https://cdn.redoc.ly/redoc/logo-mini.svg"]) and errors == []
