"""Property-based requests generated from /openapi.json: no route ever answers 500.

Bounded: a few dozen examples per operation, no shrinking deadline, well under a minute.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

schemathesis = pytest.importorskip("schemathesis", reason="pip install schemathesis (the test extra) for the API fuzz test")
from schemathesis.specs.openapi.checks import (  # noqa: E402
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from summarizer.api import create_app  # noqa: E402

from .conftest import service_settings  # noqa: E402

# Examples per operation: enough to reach every error branch, small enough to stay fast.
MAX_EXAMPLES = 40

# schemathesis runs the app's lifespan (start-up starts the lane workers) for each test.
app = create_app(service_settings(max_batch_items=8, queue_size=64))
schema = schemathesis.openapi.from_asgi("/openapi.json", app)


@schema.parametrize()
@settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_server_errors(case):
    response = case.call()
    assert response.status_code < 500 or response.status_code in (503, 504), (
        f"{case.method} {case.path} -> {response.status_code}: {response.text[:500]}"
    )
    assert "Traceback" not in response.text
    # The documented statuses, media types, headers and bodies. (Not "schema-valid data is
    # accepted": the schema cannot say that a JSON body with text/plain query options, an
    # unknown method name or a text of only spaces is refused with 422, as it should be.)
    case.validate_response(
        response,
        checks=[status_code_conformance, content_type_conformance, response_headers_conformance, response_schema_conformance],
    )
