"""The floor of `make bench-web`: a constant 200 through the full middleware stack.

Mounted at /bench/floor/ only when `DJANGO_BENCH_FLOOR=1` (`settings.BENCH_FLOOR`). Its req/s
is what a page could reach if rendering it cost nothing; pages are reported as a share of it.
"""

from django.http import HttpResponse


def floor(request):
    return HttpResponse(b"floor\n", content_type="text/plain")
