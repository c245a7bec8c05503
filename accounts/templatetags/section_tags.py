"""{% render_section section %}: a registered dashboard or profile section (accounts.sections)."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def render_section(context, section, **extra):
    """Render `section.template` with only the section's context and `extra` (as include … only)."""
    section_template = context.template.engine.get_template(section.template)
    return section_template.render(context.new({**section.context, **extra}))
