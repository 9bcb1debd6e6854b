from django.urls import include, path

from yingji.api import api

urlpatterns = [
    path("", include("yingji.web.urls")),
    path("enterprises/", include("yingji.enterprises.urls")),
    path("inspections/", include("yingji.inspections.urls")),
    path("hazards/ledger/", include("yingji.hazards.ledger_urls")),
    path("hazards/", include("yingji.hazards.urls")),
    path("accidents/", include("yingji.accidents.urls")),
    path("audit/", include("yingji.audit.urls")),
    path("notifications/", include("yingji.notifications.urls")),
    path("reports/", include("yingji.reports.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
]
