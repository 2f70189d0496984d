"""Optional bearer auth (health checks stay open) and the CORS allow-list."""

from __future__ import annotations

import pytest

from summarizer.api.config import ServiceConfig
from summarizer.errors import OptionError

from .conftest import running_client, service_settings

KEY = "k3y-for-the-tests-0123456789"
FILE_KEY = "another-key-from-a-file-98765"


@pytest.fixture
def secured(tmp_path):
    keys_file = tmp_path / "keys.txt"
    keys_file.write_text(f"# editors\n{FILE_KEY}\n\n", encoding="utf-8")
    with running_client(service_settings(api_keys=KEY, api_keys_file=str(keys_file))) as client:
        yield client


def test_auth_on_refuses_missing_and_unknown_keys(secured, seed_text):
    for headers in ({}, {"Authorization": "Bearer wrong-key-wrong-key-123"}, {"Authorization": f"Basic {KEY}"}):
        response = secured.post("/v1/summarize", json={"text": seed_text}, headers=headers)
        assert response.status_code == 401
        assert response.json()["error"]["type"] == "unauthorized"
        assert response.headers["WWW-Authenticate"] == "Bearer"
    assert secured.get("/v1/models").status_code == 401
    assert secured.get("/metrics").status_code == 401
    assert secured.post("/v1/summarize/batch", json={"items": [{"text": seed_text}]}).status_code == 401


def test_auth_on_accepts_keys_from_env_and_file(secured, seed_text):
    for key in (KEY, FILE_KEY):
        headers = {"Authorization": f"Bearer {key}"}
        assert secured.post("/v1/summarize", json={"text": seed_text}, headers=headers).status_code == 200
        assert secured.get("/metrics", headers=headers).status_code == 200


def test_health_checks_and_page_stay_open_with_auth(secured):
    assert secured.get("/healthz").status_code == 200
    assert secured.get("/readyz").status_code == 200
    assert secured.get("/").status_code == 200


def test_auth_off_by_default(client, seed_text):
    assert client.post("/v1/summarize", json={"text": seed_text}).status_code == 200


def test_short_keys_and_missing_key_files_are_refused(tmp_path):
    with pytest.raises(OptionError, match="shorter than"):
        ServiceConfig.from_settings(service_settings(api_keys="short"))
    with pytest.raises(OptionError, match="API keys file"):
        ServiceConfig.from_settings(service_settings(api_keys_file=str(tmp_path / "missing.txt")))
    with pytest.raises(OptionError, match="max_batch_items"):
        ServiceConfig.from_settings(service_settings(queue_size=4, max_batch_items=8))


def test_cors_allows_listed_origins_only(seed_text):
    allowed = "https://newsroom.example"
    with running_client(service_settings(cors_origins=f"{allowed}, https://other.example")) as client:
        preflight = client.options(
            "/v1/summarize",
            headers={
                "Origin": allowed,
                "Access-Control-Request-Method": "POST",
                "Access-Control-Request-Headers": "content-type,authorization",
            },
        )
        assert preflight.status_code == 200
        assert preflight.headers["access-control-allow-origin"] == allowed
        response = client.post("/v1/summarize", json={"text": seed_text}, headers={"Origin": allowed})
        assert response.headers["access-control-allow-origin"] == allowed
        assert "X-Request-ID" in response.headers["access-control-expose-headers"]

        refused = client.options(
            "/v1/summarize", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"}
        )
        assert refused.status_code == 400
        assert "access-control-allow-origin" not in refused.headers
        other = client.post("/v1/summarize", json={"text": seed_text}, headers={"Origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_no_cors_headers_without_an_allow_list(client, seed_text):
    response = client.post("/v1/summarize", json={"text": seed_text}, headers={"Origin": "https://newsroom.example"})
    assert "access-control-allow-origin" not in response.headers
