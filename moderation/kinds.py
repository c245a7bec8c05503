"""The pages of one kind of reviewed content, declared once: list, page, submit and edit.

A kind (events, funding calls, resources...) declares itself in a few lines::

    class EventViews(ReviewedViews):
        model = Event                          # on ReviewedModel, with its publishing_policy
        form_class = EventForm                 # a ModelForm taking `user=`
        filterset_class = EventFilterSet       # bound on every request: it narrows, and orders
        structured_data = staticmethod(event_data)    # (obj, *, url, image_url) -> JSON-LD dict
        create_service = staticmethod(create_event)   # optional: (obj, *, by, token) -> obj
        update_service = staticmethod(update_event)   # optional: (obj, *, by) -> outcome
        create_title = _("Submit an event")    # a whole sentence per kind
        list_name, object_name = "events", "event"    # template names of the rows / the object
        image_field = "image"                  # optional: the picture for JSON-LD and sharing

        def page_context(self, event, user):   # optional: what only this kind's page shows
            return {}

    urlpatterns = [*EventViews().urlpatterns(), ...the kind's own pages...]

By default a new object is saved by `moderation.services.submit_reviewed` (its submitter is
recorded) and an edit by `submit_edit`; a kind names its own services only to do more (events
e-mail the leads of their clusters).

That gives "" (`<model>-list`), "new/" (`-create`), "<slug>/" (`-detail`) and "<slug>/edit/"
(`-edit`); `url_names = {"list": "index"}` keeps other names. A kind offering fewer pages
declares which: `pages = ("list",)` for resources, which have no page of their own and are
added in the Wagtail admin (then only the list's template, model methods and FilterSet are
needed). The model needs
`objects.published().for_cards()` (the list) and `objects.for_page()` (the page), and
`get_absolute_url()` / `get_edit_url()`. Templates: `<app>/<model>_list.html`, `_detail.html`
and `_form.html`, extending `moderation/reviewed_list.html`, `reviewed_detail.html` and
`reviewed_form.html` and filling their blocks with whole sentences.

- **List**: published rows through the FilterSet, 20 a page; totals, pages of rows and the
  filter form kept until the content changes (moderation.lists); cached whole for visitors.
- **Page**: a 404 unless `policy.may_view`; `can_edit` is `policy.may_edit`, the review banner
  shows to whoever `policy.may_preview`; JSON-LD from `structured_data`.
- **Submit and edit**: moderation's views (login, verified address, rate limits, one-time
  token; the edit form opens the latest revision; 403 for those who may see but not edit).

Who previews and edits is the model's publishing policy (moderation.policy), nothing else.
Listings (listings.views.ListingViews) are a kind of reviewed content with members.
"""

from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView
from django_filters.views import FilterView

from .lists import CachedFilterListMixin
from .services import submit_edit, submit_reviewed
from .status import review_status
from .views import ModeratedCreateView, ModeratedEditView

PAGE_SIZE = 20


class ReviewedListView(CachedFilterListMixin, FilterView):
    """Published rows, filtered and ordered by the FilterSet from GET parameters, paginated."""

    paginate_by = PAGE_SIZE
    list_url_name = None  # the list is where the request is
    template_name_suffix = "_list"
    cache_for_visitors = True  # the same page for every anonymous visitor (core.page_cache)

    def get_queryset(self):
        return self.model.objects.published().for_cards()

    def get_filterset_kwargs(self, filterset_class):
        # Always bound: without parameters the FilterSet still chooses (upcoming events, open
        # calls) and orders the rows.
        return {**super().get_filterset_kwargs(filterset_class), "data": self.request.GET}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            filter_form=self.filter_form_html(),
            list_url=self.request.path,
            canonical_url=self.canonical_url(),
            **kwargs,
        )


class ReviewedDetailView(DetailView):
    """The page of one object: public once published; before that, for whoever the model's
    policy lets preview it."""

    cache_for_visitors = True
    list_url_name = None
    structured_data = None
    image_field = None
    page_context = None  # (obj, user) -> dict

    def get_queryset(self):
        return self.model.objects.for_page()

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not self.model.publishing_policy.may_view(obj, self.request.user):
            raise Http404
        return obj

    def get_context_data(self, **kwargs):
        obj, user, policy = self.object, self.request.user, self.model.publishing_policy
        page_url = self.request.build_absolute_uri(obj.get_absolute_url())
        image = getattr(obj, self.image_field) if self.image_field else None
        image_url = self.request.build_absolute_uri(image.url) if image else ""
        context = super().get_context_data(
            page_url=page_url,
            image_url=image_url,
            list_url=reverse(self.list_url_name),
            can_edit=policy.may_edit(obj, user),
            review=review_status(obj) if policy.may_preview(obj, user) else None,
            structured_data=self.structured_data(obj, url=page_url, image_url=image_url),
            **kwargs,
        )
        context.update(self.page_context(obj, user) if self.page_context else {})
        return context


class ReviewedFormPageMixin:
    """What the shared form page (templates/moderation/reviewed_form.html) needs besides the
    form. The page is `<app>/<model>_form.html`; the form gets the person filling it in."""

    list_url_name = None
    submit_label = gettext_lazy("Submit for review")  # on the create page; a kind may say more

    def get_template_names(self):
        opts = self.model._meta
        return [f"{opts.app_label}/{opts.model_name}_form.html"]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            page_title=self.page_title(),
            cancel_url=self.cancel_url(),
            places_url=reverse("taxonomy:place-search"),
            submit_label=self.submit_label,
            **kwargs,
        )


class ReviewedCreateView(ReviewedFormPageMixin, ModeratedCreateView):
    create_title = None  # a whole sentence per kind: _("Submit an event")

    def page_title(self):
        return self.create_title

    def cancel_url(self):
        return reverse(self.list_url_name)


class ReviewedEditView(ReviewedFormPageMixin, ModeratedEditView):
    submit_label = gettext_lazy("Save changes")

    def page_title(self):
        return _("Edit %(name)s") % {"name": self.object}

    def cancel_url(self):
        return self.object.get_absolute_url()


class ReviewedViews:
    """The declared pages of one kind (see the module's docstring)."""

    model = None
    form_class = None
    filterset_class = None
    structured_data = None
    create_service = staticmethod(submit_reviewed)
    update_service = staticmethod(submit_edit)
    create_title = None
    submit_label = None  # None: "Submit for review"
    list_name = None  # None: "object_list"
    object_name = None  # None: the model's name ("event")
    image_field = None
    url_names = {}
    pages = ("list", "create", "detail", "edit")  # the pages this kind offers

    list_view = ReviewedListView
    detail_view = ReviewedDetailView
    create_view = ReviewedCreateView
    edit_view = ReviewedEditView

    def page_context(self, obj, user):
        """What only this kind's page shows (a dict added to the template context)."""
        return {}

    def url_name(self, page):
        return self.url_names.get(page, f"{self.model._meta.model_name}-{page}")

    def list_url_name(self):
        return f"{self.model._meta.app_label}:{self.url_name('list')}"

    def urlpatterns(self):
        """The declared `pages`: "" and "new/", the kind's own, then "<slug>/" and its edit page
        (a slug must not shadow "new/" or the kind's own routes)."""
        first, last = ("list", "create"), ("detail", "edit")
        return [
            *(getattr(self, f"{page}_page")() for page in first if page in self.pages),
            *self.more_patterns(),
            *(getattr(self, f"{page}_page")() for page in last if page in self.pages),
        ]

    def more_patterns(self):
        """Pages between "new/" and "<slug>/" (a listing's membership pages)."""
        return []

    def page(self, route, name, view_class, **attributes):
        """`view_class` for this kind's model at `route`, named `url_name(name)`."""
        attributes = {"model": self.model, "list_url_name": self.list_url_name(), **attributes}
        view = view_class.as_view(**attributes)
        return path(route, view, name=self.url_name(name))

    def list_page(self):
        names = {"context_object_name": self.list_name} if self.list_name else {}
        return self.page("", "list", self.list_view, filterset_class=self.filterset_class, **names)

    def create_page(self):
        label = {"submit_label": self.submit_label} if self.submit_label else {}
        services = {"create_service": self.create_service, "create_title": self.create_title}
        return self.page(
            "new/", "create", self.create_view, form_class=self.form_class, **services, **label
        )

    def detail_page(self):
        return self.page(
            "<slug:slug>/",
            "detail",
            self.detail_view,
            context_object_name=self.object_name,
            structured_data=self.structured_data,
            image_field=self.image_field,
            page_context=self.page_context,
        )

    def edit_page(self):
        attributes = {"form_class": self.form_class, "update_service": self.update_service}
        return self.page("<slug:slug>/edit/", "edit", self.edit_view, **attributes)
