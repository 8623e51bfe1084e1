#!/usr/bin/env python3
"""The browser editor (`/_bien-tap/`) as editors and attackers meet it: `vinhdanh serve`
on a copy of the sample site, driven in headless Chromium (with and without JavaScript),
checked with axe, and hit with raw HTTP that a browser would never send.

Usage: test_editor.py VINHDANH_BINARY REPO_ROOT       Prints 'N passed, M failed'.
"""
import difflib
import glob
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from sitecheck import Checks, browser, free_port  # noqa: E402
from test_serve import Events, Server, raw  # noqa: E402

from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium_axe_python import Axe  # noqa: E402

BINARY, REPO = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
PROFILE = "content/profiles/luc-ngan"


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def snapshot(site):
    """Every profile file's hash, by path."""
    return {p: digest(p) for p in glob.glob(os.path.join(site, "content", "**", "*.md"), recursive=True)}


def multipart(fields):
    boundary = "----vinhdanhTest"
    body = b"".join(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode() + value.encode() + b"\r\n"
                    for name, value in fields) + f"--{boundary}--\r\n".encode()
    return boundary, body


def post(port, path, fields, host=None, origin=None, key=None):
    host = host or f"127.0.0.1:{port}"
    boundary, body = multipart(fields)
    head = f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\n" \
           f"Content-Length: {len(body)}\r\nConnection: close\r\n"
    if origin:
        head += f"Origin: {origin}\r\n"
    if key:
        head += f"Cookie: vinhdanh-bien-tap={key}\r\n"
    return raw(port, head.encode() + b"\r\n" + body)


def editor_link(server):
    """The editor's link with its key, as `serve` prints it on its second line."""
    line = server.process.stdout.readline()
    match = re.search(r"(http://\S+/_bien-tap/\?khoa=(\w+))", line)
    assert match, line
    return match.group(1), match.group(2)


def main():
    work = tempfile.mkdtemp(prefix="vinhdanh-editor-")
    site = os.path.join(work, "site")
    shutil.copytree(os.path.join(REPO, "content"), os.path.join(site, "content"))
    check = Checks()
    port = free_port()
    server = Server(site, port)
    base = f"http://127.0.0.1:{port}"
    drivers = []
    try:
        assert server.ready, "".join(server.errors)
        link, key = editor_link(server)
        driver = browser()
        drivers.append(driver)
        driver.get(link)  # the key becomes the browser's cookie

        def profile_in(folder):
            path = sorted(glob.glob(os.path.join(site, folder, "*.md")))[0]
            return path, os.path.splitext(os.path.basename(path))[0]

        def wait_for(condition, timeout=10):
            end = time.monotonic() + timeout
            while time.monotonic() < end:
                if condition():
                    return True
                time.sleep(0.1)
            return False

        def pick(field_id, typed):
            """Types into a field and takes the first suggestion with the keyboard."""
            field = driver.find_element(By.ID, field_id)
            field.clear()
            field.send_keys(typed)
            listbox = driver.find_element(By.ID, field.get_attribute("aria-controls"))
            assert wait_for(lambda: listbox.is_displayed()), f"no suggestions for {typed!r}"
            field.send_keys(Keys.ARROW_DOWN, Keys.ENTER)
            return field.get_attribute("value")

        def adds_a_profile_with_suggestions():
            driver.get(base + "/_bien-tap/moi/")
            driver.find_element(By.ID, "title").send_keys("Nguyễn Thị Biên Tập")
            driver.find_element(By.ID, "district").send_keys("luc-ngan")
            movement = pick("movement-0", "dan van")
            award = pick("award-type-0", "bang khen chu tich")
            assert re.fullmatch(r"[a-z0-9-]+", movement) and re.fullmatch(r"[a-z0-9-]+", award), (movement, award)
            driver.find_element(By.ID, "award-year-0").send_keys("2024")
            driver.find_element(By.ID, "award-decision-0").send_keys("Quyết định số 1/QĐ-UBND")
            driver.find_element(By.CSS_SELECTOR, "button[value=save]").click()
            assert wait_for(lambda: "da-luu=1" in driver.current_url), driver.page_source[-2000:]
            path = os.path.join(site, PROFILE, "nguyen-thi-bien-tap.md")
            text = open(path, encoding="utf-8").read()
            assert f"movements: [{movement}]" in text and f"type: {award}" in text, text
            driver.get(base + "/ho-so/nguyen-thi-bien-tap/")
            assert "Nguyễn Thị Biên Tập" in driver.title, driver.title

        check("a profile added through the form, movement and award picked from suggestions, is served", adds_a_profile_with_suggestions)

        def the_list_is_searched_without_accents():
            driver.get(base + "/_bien-tap/")
            box = driver.find_element(By.ID, "q")
            box.send_keys("nguyen thi bien")
            box.submit()
            assert wait_for(lambda: "khớp" in driver.page_source)
            names = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "table.danh-sach a")]
            assert names == ["Nguyễn Thị Biên Tập"], names

        check("the list is searched by the words typed, accents optional", the_list_is_searched_without_accents)

        def editing_one_field_changes_only_its_line():
            path, slug = profile_in(PROFILE)
            before = open(path, encoding="utf-8").read().splitlines()
            driver.get(base + f"/_bien-tap/ho-so/{slug}/")
            unit = driver.find_element(By.ID, "unit")
            unit.clear()
            unit.send_keys("Đơn vị sửa trong trình duyệt")
            driver.find_element(By.CSS_SELECTOR, "button[value=save]").click()
            assert wait_for(lambda: "da-luu=1" in driver.current_url)
            after = open(path, encoding="utf-8").read().splitlines()
            changed = [line for line in difflib.ndiff(before, after) if line[:2] in ("- ", "+ ")]
            assert len([c for c in changed if c.startswith("+ ")]) == 1 and changed[-1] == "+ unit: Đơn vị sửa trong trình duyệt", changed
            assert all(c.startswith("- unit:") for c in changed if c.startswith("- ")), changed

        check("editing a field rewrites only that field's line of the file", editing_one_field_changes_only_its_line)

        def a_save_reloads_the_site_once():
            path, slug = profile_in(PROFILE)
            events = Events(port)
            time.sleep(0.3)
            driver.get(base + f"/_bien-tap/ho-so/{slug}/")
            field = driver.find_element(By.ID, "ethnicity")
            field.clear()
            field.send_keys("Tày")
            driver.find_element(By.CSS_SELECTOR, "button[value=save]").click()
            assert wait_for(lambda: "da-luu=1" in driver.current_url)
            events.wait("reload", timeout=10)
            # The watcher sees the write too, and must not update the site again.
            time.sleep(1.5)
            with events.lock:
                again = [e for e in events.events if e[0] == "reload"]
            assert not again, again
            driver.get(base + f"/ho-so/{slug}/")
            assert "Tày" in driver.page_source

        check("a save updates the site through the incremental path and reloads it once", a_save_reloads_the_site_once)

        def an_uploaded_photo_loses_its_metadata():
            path, slug = profile_in(PROFILE)
            photo = os.path.join(work, "dien-thoai.jpg")
            subprocess.run(["vips", "black", photo + "[Q=90]", "40", "30", "--bands", "3"], check=True, capture_output=True)
            data = open(photo, "rb").read()
            # A phone's EXIF block with a GPS position, right after the start of the image.
            exif = b"Exif\0\0" + b"MM\0*\0\0\0\x08" + b"GPS 21.2731N 106.1946E VI-TRI-BI-MAT" + b"\0" * 8
            data = data[:2] + b"\xff\xe1" + (len(exif) + 2).to_bytes(2, "big") + exif + data[2:]
            with open(photo, "wb") as f:
                f.write(data)
            driver.get(base + f"/_bien-tap/ho-so/{slug}/")
            driver.find_element(By.ID, "photo-file").send_keys(photo)
            driver.find_element(By.CSS_SELECTOR, "button[value=save]").click()
            assert wait_for(lambda: "da-luu=1" in driver.current_url), driver.page_source[-1500:]
            stored = os.path.join(site, "content", "media", slug + ".jpg")
            saved = open(stored, "rb").read()
            assert saved[:3] == b"\xff\xd8\xff" and b"VI-TRI-BI-MAT" not in saved and b"Exif" not in saved, saved[:64]
            assert f"photo: media/{slug}.jpg" in open(path, encoding="utf-8").read()
            # Not an image: refused beside the field, nothing stored.
            fake = os.path.join(work, "khong-phai-anh.jpg")
            with open(fake, "w") as f:
                f.write("<?php echo 1; ?>")
            driver.get(base + f"/_bien-tap/ho-so/{slug}/")
            driver.find_element(By.ID, "photo-file").send_keys(fake)
            driver.find_element(By.CSS_SELECTOR, "button[value=save]").click()
            assert wait_for(lambda: "không phải ảnh" in driver.page_source)
            assert sorted(os.listdir(os.path.join(site, "content", "media"))).count(slug + "-2.jpg") == 0

        check("an uploaded photo is stored without its EXIF (GPS), and a file that is not a photo is refused", an_uploaded_photo_loses_its_metadata)

        def a_conflict_between_two_tabs_keeps_both():
            path, slug = profile_in(PROFILE)
            first = driver.current_window_handle
            driver.get(base + f"/_bien-tap/ho-so/{slug}/")
            driver.switch_to.new_window("tab")
            second = driver.current_window_handle
            driver.get(base + f"/_bien-tap/ho-so/{slug}/")
            driver.switch_to.window(first)
            field = driver.find_element(By.ID, "position")
            field.clear()
            field.send_keys("Bản của thẻ thứ nhất")
            unit = driver.find_element(By.ID, "unit")
            unit.clear()
            unit.send_keys("Đơn vị của thẻ thứ nhất")
            driver.find_element(By.CSS_SELECTOR, "button[value=save]").click()
            assert wait_for(lambda: "da-luu=1" in driver.current_url)
            saved = digest(path)
            driver.switch_to.window(second)
            field = driver.find_element(By.ID, "position")
            field.clear()
            field.send_keys("Bản của thẻ thứ hai")
            driver.find_element(By.CSS_SELECTOR, "button[value=save]").click()
            assert wait_for(lambda: "Bản đang lưu trên máy" in driver.page_source), driver.page_source[-2000:]
            assert digest(path) == saved, "the second save was written"
            assert driver.find_element(By.ID, "position").get_attribute("value") == "Bản của thẻ thứ hai"
            assert "Bản của thẻ thứ nhất" in driver.find_element(By.CSS_SELECTOR, ".xung-dot").text
            # Saving again writes this tab's change without undoing the other tab's.
            assert driver.find_element(By.ID, "unit").get_attribute("value") == "Đơn vị của thẻ thứ nhất"
            driver.find_element(By.CSS_SELECTOR, "button[value=save]").click()
            assert wait_for(lambda: "da-luu=1" in driver.current_url), driver.page_source[-1500:]
            text = open(path, encoding="utf-8").read()
            assert "position: Bản của thẻ thứ hai" in text and "unit: Đơn vị của thẻ thứ nhất" in text, text
            driver.close()
            driver.switch_to.window(first)

        check("a conflict between two tabs is refused, with both versions kept; saving again undoes nothing of the other tab", a_conflict_between_two_tabs_keeps_both)

        def accessibility():
            path, slug = profile_in(PROFILE)
            problems = []
            pages = {"list": "/_bien-tap/", "search": "/_bien-tap/?q=luc+ngan", "form": f"/_bien-tap/ho-so/{slug}/",
                     "new": "/_bien-tap/moi/", "delete": f"/_bien-tap/ho-so/{slug}/xoa/", "trash": "/_bien-tap/thung-rac/"}
            for name, page in pages.items():
                driver.get(base + page)
                problems += audit(name)
            # The form with its problems shown (a year out of range).
            driver.get(base + f"/_bien-tap/ho-so/{slug}/")
            year = driver.find_element(By.ID, "award-year-0")
            year.clear()
            year.send_keys("1800")
            driver.find_element(By.CSS_SELECTOR, "button[value=save]").click()
            assert wait_for(lambda: "Chưa lưu" in driver.page_source)
            problems += audit("problems")
            assert not problems, "\n".join(problems)

        def audit(name):
            axe = Axe(driver)
            axe.inject()
            report = axe.run(options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
            return [f"{name}: {v['id']}: {v['help']} ({len(v['nodes'])}×) {v['nodes'][0]['html'][:160]}" for v in report["violations"]]

        check("axe-core 4.x, WCAG 2.1 AA: no violation on the editor's pages", accessibility)

        plain = browser(javascript=False)
        drivers.append(plain)
        plain.get(link)

        def works_without_javascript():
            plain.get(base + "/_bien-tap/moi/")
            assert not plain.find_elements(By.CSS_SELECTOR, ".goi-y-danh-sach"), "the script ran"
            plain.find_element(By.ID, "title").send_keys("Trần Văn Không Script")
            plain.find_element(By.ID, "district").send_keys("Lục Ngạn")
            plain.find_element(By.ID, "movement-0").send_keys("khuyen hoc")
            plain.find_element(By.ID, "award-type-0").send_keys("Bằng khen UBND tỉnh")
            plain.find_element(By.ID, "award-year-0").send_keys("2023")
            plain.find_element(By.ID, "body").send_keys("## Thành tích\n\nDạy giỏi **nhiều năm**.")
            plain.find_element(By.CSS_SELECTOR, "button[value=preview]").click()
            assert wait_for(lambda: "<strong>nhiều năm</strong>" in plain.page_source), "no preview without JavaScript"
            plain.find_element(By.CSS_SELECTOR, "button[value=save]").click()
            assert wait_for(lambda: "da-luu=1" in plain.current_url), plain.page_source[-2000:]
            text = open(os.path.join(site, PROFILE, "tran-van-khong-script.md"), encoding="utf-8").read()
            assert "khuyen-hoc" in text and "Dạy giỏi **nhiều năm**." in text, text
            # Delete, after the confirmation, then restore from the trash.
            plain.get(base + "/_bien-tap/ho-so/tran-van-khong-script/xoa/")
            plain.find_element(By.CSS_SELECTOR, "button.nguy-hiem").click()
            assert wait_for(lambda: "da-xoa=" in plain.current_url)
            assert not os.path.exists(os.path.join(site, PROFILE, "tran-van-khong-script.md"))
            assert glob.glob(os.path.join(site, ".vinhdanh", "thung-rac", "*", PROFILE, "tran-van-khong-script.md"))
            plain.get(base + "/_bien-tap/thung-rac/")
            plain.find_element(By.CSS_SELECTOR, "form button").click()
            assert wait_for(lambda: os.path.exists(os.path.join(site, PROFILE, "tran-van-khong-script.md")))

        check("the form works with JavaScript disabled: add, preview, delete, restore", works_without_javascript)

        def refused_writes_change_nothing():
            path, slug = profile_in(PROFILE)
            before = snapshot(site)
            # Another user of this machine reaches loopback, but not the terminal's key.
            status, _, _ = raw(port, f"GET /_bien-tap/ho-so/{slug}/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
            assert status == 403, status
            status, _, _ = raw(port, f"GET /_bien-tap/?khoa={'0' * 64} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode())
            assert status == 403, status
            html = raw(port, f"GET /_bien-tap/ho-so/{slug}/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: vinhdanh-bien-tap={key}\r\n"
                             f"Connection: close\r\n\r\n".encode())[2].decode()
            token = re.search(r'name="token" value="([^"]+)"', html).group(1)
            version = re.search(r'name="version" value="([^"]+)"', html).group(1)
            fields = [("version", version), ("title", "Đã bị sửa"), ("kind", "individual"), ("action", "save")]
            own = f"http://127.0.0.1:{port}"
            signed = [("token", token)] + fields + [("ket-thuc", "1")]
            cases = {
                "no token": post(port, f"/_bien-tap/ho-so/{slug}/", fields + [("ket-thuc", "1")], origin=own, key=key),
                "wrong token": post(port, f"/_bien-tap/ho-so/{slug}/", [("token", "0" * 64)] + fields + [("ket-thuc", "1")], origin=own, key=key),
                "no Origin": post(port, f"/_bien-tap/ho-so/{slug}/", signed, key=key),
                "foreign Origin": post(port, f"/_bien-tap/ho-so/{slug}/", signed, origin="http://evil.example", key=key),
                "foreign Host": post(port, f"/_bien-tap/ho-so/{slug}/", signed, host=f"evil.example:{port}", origin=f"http://evil.example:{port}", key=key),
                "no key cookie": post(port, f"/_bien-tap/ho-so/{slug}/", signed, origin=own),
                "delete without token": post(port, f"/_bien-tap/ho-so/{slug}/xoa/", [("version", version), ("ket-thuc", "1")], origin=own, key=key),
            }
            for name, (status, _, _) in cases.items():
                assert 400 <= status < 500, f"{name}: {status}"
            assert snapshot(site) == before, "a refused request changed a file"
            # The site itself stays GET and HEAD only.
            status, headers, _ = raw(port, b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
            assert status == 405 and headers.get("allow") == "GET, HEAD", status

        check("a request without the terminal's key, a POST without token, with a foreign Origin or Host: 4xx, no file changed", refused_writes_change_nothing)

        def a_page_number_from_a_link_is_clamped():
            status, _, body = raw(port, f"GET /_bien-tap/?trang=9223372036854775807 HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                                        f"Cookie: vinhdanh-bien-tap={key}\r\nConnection: close\r\n\r\n".encode())
            assert status == 200 and server.process.poll() is None, status

        check("any page number in the list's link is answered, the server stays up", a_page_number_from_a_link_is_clamped)

        def shared_on_the_network_the_editor_is_off():
            other = free_port()
            shared = Server(site, other, "--host", "0.0.0.0")
            try:
                assert shared.ready, "".join(shared.errors)
                before = snapshot(site)
                status, _, _ = raw(other, f"GET /_bien-tap/ HTTP/1.1\r\nHost: 127.0.0.1:{other}\r\nConnection: close\r\n\r\n".encode())
                assert status == 403, status
                status, _, _ = post(other, "/_bien-tap/moi/", [("title", "X"), ("ket-thuc", "1")], origin=f"http://127.0.0.1:{other}", key=key)
                assert status == 403, status
                assert snapshot(site) == before
                status, _, _ = raw(other, b"GET / HTTP/1.1\r\nHost: may-ban.local\r\nConnection: close\r\n\r\n")
                assert status == 200, status
            finally:
                shared.stop()

        check("with --host 0.0.0.0 the editor refuses everyone and the site is served", shared_on_the_network_the_editor_is_off)

        def built_and_published_sites_have_no_editor():
            out = os.path.join(work, "built")
            subprocess.run([BINARY, "build", "--site", site, "--output", out], check=True, capture_output=True)
            archive = os.path.join(work, "site.zip")
            subprocess.run([BINARY, "publish", "--site", site, "--archive", archive], check=True, capture_output=True)
            found = subprocess.run(["grep", "-rl", "_bien-tap", out, os.path.join(site, ".vinhdanh", "serve")], capture_output=True, text=True).stdout
            assert not found, found
            with zipfile.ZipFile(archive) as published:
                assert not [name for name in published.namelist() if "_bien-tap" in name or b"_bien-tap" in published.read(name)]

        check("a built or published site contains nothing of /_bien-tap/", built_and_published_sites_have_no_editor)
    finally:
        for d in drivers:
            d.quit()
        server.stop()
        shutil.rmtree(work, ignore_errors=True)
    return check.summary()


if __name__ == "__main__":
    sys.exit(main())
