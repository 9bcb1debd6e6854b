"""The pages: the warehouse list (with the low-stock and expiry flags, the stock table as XLSX
and the stock import), a warehouse's page (stock, movement form, minimums, movements) and the
form that sets a warehouse up."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from yingji.core.errors import ApplicationError
from yingji.core.pagination import page_of
from yingji.regions.selectors import region_choices
from yingji.supplies import export, permissions, selectors, services, stock_import
from yingji.supplies.choices import MovementKind, WarehouseKind
from yingji.supplies.models import SupplyItem

MOVEMENT_FIELDS = (
    "item",
    "kind",
    "quantity",
    "to_warehouse_id",
    "event_id",
    "note",
    "moved_on",
    "expires_on",
    "batch",
)
WAREHOUSE_FIELDS = ("name", "kind", "region_code", "address", "established_on")


@login_required
def warehouse_list(request):
    region = request.GET.get("region", "").strip()[:12]
    q = request.GET.get("q", "").strip()[:100]
    warehouses = selectors.warehouse_list(user=request.user, filters={"region": region, "q": q})
    page, query = page_of(request, warehouses)
    context = {
        "page": page,
        "query": query,
        "filters": {"region": region, "q": q},
        "below": selectors.below_minimum(request.user),
        "expiring": list(selectors.expiring(warehouses=warehouses)[:50]),
        "today": timezone.localdate(),
        "can_set_up": permissions.can_set_up(request.user),
    }
    return render(request, "supplies/list.html", context)


@login_required
@require_GET
def stock_table(request):
    return export.stock_table_response(
        request.user, region=request.GET.get("region", "").strip()[:12] or None
    )


def _regions(user) -> list[tuple[str, str]]:
    return region_choices(user)


@login_required
@require_http_methods(["GET", "POST"])
def warehouse_create(request):
    if not permissions.can_set_up(request.user):
        raise PermissionDenied
    errors: dict = {}
    values = {name: request.POST.get(name, "").strip() for name in WAREHOUSE_FIELDS}
    if request.method == "POST":
        try:
            warehouse = services.warehouse_create(actor=request.user, values=values)
        except ApplicationError as error:
            errors = error.errors
        else:
            messages.success(request, _("Warehouse %(name)s set up.") % {"name": warehouse.name})
            return redirect("supplies:detail", pk=warehouse.pk)
    else:
        values |= {"kind": WarehouseKind.POINT, "established_on": timezone.localdate().isoformat()}
    context = {
        "values": values,
        "errors": errors,
        "kinds": WarehouseKind.choices,
        "regions": _regions(request.user),
    }
    return render(request, "supplies/form.html", context, status=400 if errors else 200)


@login_required
def warehouse_detail(request, pk: int):
    warehouse = selectors.warehouse_get(user=request.user, warehouse_id=pk)
    can_move = permissions.can_move(request.user, warehouse)
    context = {
        "warehouse": warehouse,
        "stock": list(services.stock_of(warehouse)),
        "minimums": warehouse.minimums.select_related("item").order_by("item__name"),
        "below": dict(((m.item_id, held) for m, held in selectors.below_minimum(warehouses=[warehouse]))),
        "movements": selectors.movements_of(warehouse)[:100],
        "can_move": can_move,
        "kinds": MovementKind.choices,
        "items": SupplyItem.objects.filter(active=True) if can_move else [],
        "others": selectors.warehouse_list(user=request.user).exclude(pk=warehouse.pk) if can_move else [],
        "today": timezone.localdate(),
    }
    return render(request, "supplies/detail.html", context)


@login_required
@require_POST
def movement_create(request, pk: int):
    warehouse = selectors.warehouse_get(user=request.user, warehouse_id=pk)
    values = {name: request.POST.get(name, "").strip() for name in MOVEMENT_FIELDS}
    try:
        movement = services.movement_record(actor=request.user, warehouse=warehouse, values=values)
    except ApplicationError as error:
        messages.error(request, " ".join(m for ms in error.errors.values() for m in ms))
    else:
        messages.success(
            request,
            _("Recorded: %(kind)s %(item)s %(quantity)d %(unit)s.")
            % {
                "kind": movement.get_kind_display(),
                "item": movement.item.name,
                "quantity": movement.quantity,
                "unit": movement.item.unit,
            },  # fmt: skip
        )
    return redirect("supplies:detail", pk=pk)


@login_required
@require_POST
def minimum_set(request, pk: int):
    warehouse = selectors.warehouse_get(user=request.user, warehouse_id=pk)
    try:
        services.minimum_set(
            actor=request.user, warehouse=warehouse, item_name=request.POST.get("item", ""),
            minimum=request.POST.get("minimum", ""),
        )  # fmt: skip
    except ApplicationError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Minimum saved."))
    return redirect("supplies:detail", pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def stock_upload(request):
    if not permissions.can_set_up(request.user):
        raise PermissionDenied
    problems, result = [], None
    if request.method == "POST":
        upload = request.FILES.get("file")
        if upload is None:
            problems = [stock_import.Problem(None, "file", _("Choose a file."))]
        else:
            try:
                result = stock_import.import_stock(
                    actor=request.user, data=upload.read(stock_import.MAX_BYTES + 1)
                )
            except stock_import.ImportRejected as rejected:
                problems = rejected.problems
    return render(request, "supplies/import.html", {"problems": problems, "result": result},
                  status=400 if problems else 200)  # fmt: skip
