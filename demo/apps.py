from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo data: `seed_demo` (small for `make run`, large for the benchmarks) and
    `load_demo_data`. Names every content app; nothing imports it."""

    name = "demo"
    verbose_name = "Demo data"
    default_auto_field = "django.db.models.BigAutoField"
