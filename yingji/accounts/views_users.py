"""User management pages (/account/users/): the admin and bureau users list, add, deactivate,
reset the password of and change the role of the users of their jurisdiction. The rules are
in user_admin; these pages only show them. A new password is shown once, on the page that
answers the POST (never put in the session or a redirect)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from yingji.accounts import two_factor, user_admin
from yingji.core.errors import ApplicationError
from yingji.core.pagination import page_of

ADD_FIELDS = ("username", "name", "phone", "role", "organisation")


@login_required
def user_list(request):
    users = user_admin.managed_users(request.user)
    q = request.GET.get("q", "").strip()
    if q:
        users = users.filter(
            Q(username__icontains=q) | Q(name__icontains=q) | Q(organisation__name__icontains=q)
        )
    page, query = page_of(
        request, users.order_by("organisation__region_id", "organisation__name", "username")
    )
    return render(request, "accounts/users/list.html", {"page": page, "query": query, "q": q})


@login_required
def user_add(request):
    user_admin.require_manager(request.user)
    values = {name: request.POST.get(name, "").strip() for name in ADD_FIELDS}
    errors = {}
    if request.method == "POST":
        try:
            user, password = user_admin.user_add(
                actor=request.user,
                username=values["username"],
                role=values["role"],
                organisation_id=values["organisation"],
                name=values["name"],
                phone=values["phone"],
            )
        except ApplicationError as e:
            errors = e.errors
        else:
            return _password_page(request, user, added=True, password=password)
    context = {
        "values": values,
        "errors": errors,
        "roles": user_admin.grantable_roles(request.user),
        "organisations": user_admin.organisations(request.user),
    }
    return render(request, "accounts/users/add.html", context)


@login_required
def user_detail(request, pk: int, errors=None):
    person = user_admin.managed_user(request.user, pk)
    context = {
        "person": person,
        "roles": user_admin.grantable_roles(request.user),
        "errors": errors or {},
        "enrolled": two_factor.enrolled(person),
    }
    return render(request, "accounts/users/detail.html", context)


@login_required
@require_POST
def user_active(request, pk: int):
    person = user_admin.managed_user(request.user, pk)
    active = request.POST.get("active") == "1"
    try:
        user_admin.user_set_active(actor=request.user, user=person, active=active)
    except ApplicationError as e:
        return user_detail(request, pk, errors=e.errors)
    messages.success(
        request,
        (_("%(user)s can sign in again.") if active else _("%(user)s can no longer sign in."))
        % {"user": person},
    )
    return redirect("accounts:user", pk=pk)


@login_required
@require_POST
def user_password(request, pk: int):
    person = user_admin.managed_user(request.user, pk)
    try:
        password = user_admin.user_reset_password(actor=request.user, user=person)
    except ApplicationError as e:
        return user_detail(request, pk, errors=e.errors)
    return _password_page(request, person, added=False, password=password)


@login_required
@require_POST
def user_two_factor(request, pk: int):
    person = user_admin.managed_user(request.user, pk)
    try:
        user_admin.user_reset_two_factor(actor=request.user, user=person)
    except ApplicationError as e:
        return user_detail(request, pk, errors=e.errors)
    messages.success(
        request, _("%(user)s enrols a new authenticator at the next sign-in.") % {"user": person}
    )
    return redirect("accounts:user", pk=pk)


@login_required
@require_POST
def user_role(request, pk: int):
    person = user_admin.managed_user(request.user, pk)
    try:
        user_admin.user_change_role(actor=request.user, user=person, role=request.POST.get("role", ""))
    except ApplicationError as e:
        return user_detail(request, pk, errors=e.errors)
    messages.success(
        request, _("%(user)s is now %(role)s.") % {"user": person, "role": person.get_role_display()}
    )
    return redirect("accounts:user", pk=pk)


def _password_page(request, person, *, added: bool, password: str):
    response = render(
        request, "accounts/users/password.html", {"person": person, "added": added, "password": password}
    )
    response["Cache-Control"] = "no-store"  # the password must not outlive this page
    return response
