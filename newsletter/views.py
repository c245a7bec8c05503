"""Subscribing, confirming, the preference centre, unsubscribing and the public archive.

People reach most of these pages from an e-mail, without an account: the signed token in the
link says whose subscription it is, and a bad or tampered token gets a page saying so (never a
500, never someone else's data).
"""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django.views.generic import ListView

from core.antispam import rate_limit
from core.page_cache import cache_for_visitors

from .choices import IssueStatus, SubscriberStatus
from .forms import PreferencesForm, SubscribeForm
from .models import NewsletterIssue
from .sections import issue_context
from .services import subscriptions
from .tokens import InvalidToken, make_token, subscriber_for


def _subscriber_link(purpose):
    """The view gets the subscriber the link's `token` signs for `purpose` (and the token); a
    bad, tampered or foreign link gets the invalid-link page instead."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, token):
            try:
                subscriber = subscriber_for(token, purpose)
            except InvalidToken:
                return _invalid_link(request)
            return view(request, subscriber, token)

        return wrapped

    return decorator


def _ip(request):
    return request.META.get(settings.RATELIMIT_IP_META_KEY) or None


# Without a CSRF token: the footer's sign-up form is on every page, and a token would give each
# visitor a cookie and make pages uncacheable. A forged request can only ask for a confirmation
# e-mail to be sent; nothing is sent after it unless the address's owner clicks the link. The
# honeypot, the per-IP limit and the once-an-hour resend keep the form from being a mail cannon.
@cache_for_visitors  # the GET; the same empty form for every visitor
@csrf_exempt
@rate_limit("newsletter-subscribe")
def subscribe(request):
    initial = {"email": request.GET.get("email", "")[:254]}
    form = SubscribeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        subscriptions.request_subscription(
            data["email"],
            language=request.LANGUAGE_CODE,
            ip_address=_ip(request),
            preferences={key: data[key] for key in ("wants_newsletter", "wants_digest")},
        )
        return redirect("newsletter:thanks")
    return render(request, "newsletter/subscribe.html", {"form": form})


@cache_for_visitors
def thanks(request):
    return render(request, "newsletter/thanks.html")


@login_required
@require_POST
def subscribe_account(request):
    subscriber = subscriptions.subscribe_account(request.user, ip_address=_ip(request))
    if subscriber.is_active:
        messages.success(request, _("You are subscribed. Choose what you receive below."))
        return redirect(subscriptions.preferences_url(subscriber).removeprefix(settings.SITE_URL))
    return redirect("newsletter:thanks")


# A GET only shows the button: mail scanners and link previews follow links, and must not
# subscribe anyone. Without a CSRF token, as the one-click unsubscribe: the signed token alone
# says whose address is confirmed, and a forged POST would need that private link.
@csrf_exempt
@never_cache
def confirm(request, token):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    try:
        subscriber = subscriber_for(token, "confirm")
    except InvalidToken:
        return _invalid_link(request, expired_possible=True)
    if request.method == "POST":
        subscriber = subscriptions.confirm(subscriber, ip_address=_ip(request))
    elif subscriber.status == SubscriberStatus.PENDING:
        return render(request, "newsletter/confirm.html", {"subscriber": subscriber})
    if not subscriber.is_active:
        return _invalid_link(request)
    return render(
        request,
        "newsletter/confirmed.html",
        {"preferences_url": subscriptions.preferences_url(subscriber)},
    )


@never_cache
@_subscriber_link("preferences")
def preferences(request, subscriber, token):
    form = PreferencesForm(request.POST or None, instance=subscriber)
    if request.method == "POST" and form.is_valid():
        subscriptions.update_preferences(
            subscriber, _preferences(form.cleaned_data), ip_address=_ip(request)
        )
        messages.success(request, _("Your preferences are saved."))
        return redirect(request.path)
    return render(
        request,
        "newsletter/preferences.html",
        {
            "form": form,
            "subscriber": subscriber,
            "token": token,
            "unsubscribe_path": reverse(
                "newsletter:unsubscribe", args=[make_token(subscriber, "unsubscribe")]
            ),
        },
    )


def _preferences(data):
    return {
        key: data[key]
        for key in ("wants_newsletter", "wants_digest", "clusters", "countries", "language")
    }


@require_POST
@_subscriber_link("preferences")
def resubscribe(request, subscriber, token):
    subscriptions.resubscribe(subscriber, ip_address=_ip(request))
    messages.success(request, _("Welcome back: you are subscribed again."))
    return redirect("newsletter:preferences", token=token)


@require_POST
@_subscriber_link("preferences")
def forget(request, subscriber, token):
    subscriptions.delete_subscriber(subscriber)
    return render(request, "newsletter/forgotten.html")


# RFC 8058 one-click: mail programs POST "List-Unsubscribe=One-Click" to the URL with no cookie,
# session or CSRF token; the signed token alone says who leaves.
@csrf_exempt
@never_cache
def unsubscribe(request, token):
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    try:
        subscriber = subscriber_for(token, "unsubscribe")
    except InvalidToken:
        return _invalid_link(request)
    context = {
        "subscriber": subscriber,
        "preferences_url": subscriptions.preferences_url(subscriber),
    }
    if request.method == "POST":
        subscriptions.unsubscribe(subscriber, ip_address=_ip(request))
        return render(request, "newsletter/unsubscribed.html", context)
    return render(request, "newsletter/unsubscribe.html", context)


def _invalid_link(request, *, expired_possible=False):
    return render(
        request,
        "newsletter/invalid_link.html",
        {"expired_possible": expired_possible},
        status=400,
    )


class ArchiveView(ListView):
    cache_for_visitors = True
    template_name = "newsletter/archive.html"
    context_object_name = "issues"
    paginate_by = 24

    def get_queryset(self):
        return NewsletterIssue.objects.filter(status=IssueStatus.SENT).order_by("-sent_at", "-pk")


@cache_for_visitors
def archive_issue(request, pk):
    issue = get_object_or_404(NewsletterIssue, pk=pk, status=IssueStatus.SENT)
    return render(request, "newsletter/archive_issue.html", issue_context(issue))
