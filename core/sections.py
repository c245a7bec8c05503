"""Page sections contributed by other apps: the one mechanism behind the dashboard, profile,
listing-page and cluster-page registries.

A lower app owns a `SectionRegistry` and renders it; the apps above it fill it from their
`AppConfig.ready()`. `context(*subject)` returns the section's template context, or None to
leave the section out; it must cost a fixed number of queries whatever the subject holds.
Templates are included with `only` and get the context as `section`.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    template: str
    context: Callable
    order: int = 100
    models: tuple = ()  # for registries keyed by model: labels it applies to; empty means all


@dataclass(frozen=True)
class RenderedSection:
    key: str
    template: str
    context: dict


class SectionRegistry:
    def __init__(self):
        self._sections = {}

    def register(self, section):
        self._sections[section.key] = section

    def render(self, *subject, label=None, extra=None):
        """The sections for `subject`, in order; `label` skips sections for other models."""
        rendered = []
        for section in sorted(self._sections.values(), key=lambda s: (s.order, s.key)):
            if label and section.models and label not in section.models:
                continue
            context = section.context(*subject)
            if context is not None:
                context = {**context, **extra} if extra else context
                rendered.append(RenderedSection(section.key, section.template, context))
        return rendered
