"""/docs and /redoc load their scripts from the service itself (fastapi-offline's files), not
from a CDN; without fastapi-offline /docs falls back to FastAPI's CDN page and /redoc is off."""

from __future__ import annotations

import re
import sys

import pytest
from fastapi.testclient import TestClient

from summarizer.api import create_app
from summarizer.api.docs_pages import DOCS_ASSETS_URL, local_docs_assets

from .conftest import running_client, service_settings

KEY = "k3y-for-the-docs-tests-0123456789"
# src="..." and href="..." in the page: every asset the browser will fetch.
ASSET_REFERENCE = re.compile(r"""(?:src|href)=["']([^"']+)["']""")
CONTENT_TYPES = {".js": "text/javascript", ".css": "text/css", ".png": "image/png"}


def asset_urls(html: str) -> list[str]:
    return ASSET_REFERENCE.findall(html)


def assert_local_assets_served(client: TestClient, html: str, expected: set[str]) -> None:
    urls = asset_urls(html)
    assert set(urls) == expected
    assert "cdn" not in html and "http://" not in html and "https://" not in html
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        suffix = url[url.rindex(".") :]
        assert response.headers["content-type"].split(";")[0] == CONTENT_TYPES[suffix], url
        assert len(response.content) > 1000, url  # the real file, not an error page


@pytest.fixture
def client():
    with running_client() as client:
        yield client


def test_fastapi_offline_is_installed():
    """The service's dependency: without it the pages below are not what a newsroom gets."""
    assert local_docs_assets() is not None


def test_swagger_ui_references_only_local_assets(client):
    page = client.get("/docs")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "url: '/openapi.json'" in page.text
    assert "/docs/oauth2-redirect" in page.text
    expected = {f"{DOCS_ASSETS_URL}/swagger-ui-bundle.js", f"{DOCS_ASSETS_URL}/swagger-ui.css", f"{DOCS_ASSETS_URL}/favicon.png"}
    assert_local_assets_served(client, page.text, expected)
    assert "SwaggerUIBundle" in client.get(f"{DOCS_ASSETS_URL}/swagger-ui-bundle.js").text


def test_redoc_references_only_local_assets(client):
    page = client.get("/redoc")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'spec-url="/openapi.json"' in page.text
    assert "fonts.googleapis" not in page.text
    assert_local_assets_served(client, page.text, {f"{DOCS_ASSETS_URL}/redoc.standalone.js", f"{DOCS_ASSETS_URL}/favicon.png"})


def test_oauth2_redirect_page_is_served(client):
    response = client.get("/docs/oauth2-redirect")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    assert "oauth2" in response.text.lower()


def test_docs_pages_are_not_in_the_schema(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert not any(path.startswith(("/docs", "/redoc")) for path in paths)


def test_unknown_asset_is_404(client):
    assert client.get(f"{DOCS_ASSETS_URL}/no-such-file.js").status_code == 404


def test_docs_and_assets_stay_open_with_auth_on():
    with running_client(service_settings(api_keys=KEY)) as secured:
        assert secured.get("/v1/models").status_code == 401  # auth is on
        for url in ("/docs", "/redoc", "/docs/oauth2-redirect", f"{DOCS_ASSETS_URL}/swagger-ui-bundle.js", "/openapi.json"):
            assert secured.get(url).status_code == 200, url


def test_asset_urls_follow_the_root_path():
    """Behind a proxy that mounts the service under a prefix (uvicorn --root-path)."""
    with TestClient(create_app(service_settings()), root_path="/summarizer") as prefixed:
        page = prefixed.get("/docs").text
        assert f"/summarizer{DOCS_ASSETS_URL}/swagger-ui-bundle.js" in page
        assert "url: '/summarizer/openapi.json'" in page
        assert f"/summarizer{DOCS_ASSETS_URL}/redoc.standalone.js" in prefixed.get("/redoc").text


def test_without_fastapi_offline_docs_fall_back_to_the_cdn(monkeypatch):
    monkeypatch.setitem(sys.modules, "fastapi_offline", None)  # `import fastapi_offline` raises ImportError
    assert local_docs_assets() is None
    with running_client() as client:
        page = client.get("/docs")
        assert page.status_code == 200
        assert any(url.startswith("https://") and "swagger-ui" in url for url in asset_urls(page.text))
        assert client.get("/redoc").status_code == 404  # off rather than another CDN page
        assert client.get(f"{DOCS_ASSETS_URL}/swagger-ui.css").status_code == 404


def test_missing_asset_files_fall_back_to_the_cdn(monkeypatch, tmp_path):
    """A fastapi-offline release that moved its files: the CDN page, never a page whose scripts 404."""
    fake_package = tmp_path / "fastapi_offline"
    (fake_package / "static").mkdir(parents=True)
    (fake_package / "__init__.py").write_text("", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "fastapi_offline", raising=False)
    assert local_docs_assets() is None
