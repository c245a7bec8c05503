"""schemathesis reads /api/v1/openapi.json from the live server and sends what the schema
allows, and what it does not, to every operation: no answer may be a server error, and every
answer must be one the schema describes (status code, content type, headers, body).

The cases come from each operation's hypothesis strategies (`as_strategy`), driven here by
hypothesis itself: schemathesis's own pytest loader for fixtures (`from_fixture`) does not run
on pytest 9 (it sets `Function._nodeid`, which pytest 9 no longer has).
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXAMPLES = 25  # per operation and mode: 14 operations, both modes, about a minute


def check_operation(operation, mode, base_url):
    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def run(case):
        case.call_and_validate(base_url=base_url, checks=CHECKS)

    run()


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_the_api_keeps_to_its_schema(live_server, published, settings, mode):
    settings.OPEN_DATA_API_RATE = "100000/m"  # the fuzzing itself is not what throttling is for
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/v1/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]

    for operation in operations:
        check_operation(operation, mode, live_server.url)

    assert len(operations) == 14  # list and detail of seven datasets
