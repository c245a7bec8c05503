from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User, UserLink


class UserLinkInline(admin.TabularInline):
    model = UserLink
    extra = 0
    fields = ["kind", "url", "sort_order"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "is_staff", "date_joined"]
    list_filter = [*BaseUserAdmin.list_filter, "show_email"]
    search_fields = ["email", "first_name", "last_name", "job_title", "company"]
    raw_id_fields = ["city"]
    inlines = [UserLinkInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal info"), {"fields": ["first_name", "last_name", "accepted_terms_at"]}),
        (
            _("Public profile"),
            {"fields": User.PUBLIC_PROFILE_FIELDS},
        ),
        (
            _("Permissions"),
            {
                "fields": [
                    "is_active",
                    "is_staff",
                    "is_superuser",
                    "trusted_at",
                    "groups",
                    "user_permissions",
                ]
            },
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "first_name", "password1", "password2"]}),
    ]
