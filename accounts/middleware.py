"""Middleware of accounts: the admins are for verified addresses only."""

from core.middleware import ADMIN_PREFIXES

from .verification import has_verified_email, verification_required_response


def verified_admins_only(get_response):
    """Keep people without a verified e-mail address out of both admins, whatever session they
    hold (the admins' own login pages used to accept them)."""

    def middleware(request):
        user = request.user
        if (
            request.path.startswith(ADMIN_PREFIXES)
            and user.is_authenticated
            and not has_verified_email(user)
        ):
            return verification_required_response(request)
        return get_response(request)

    return middleware
