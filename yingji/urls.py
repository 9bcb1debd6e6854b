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
    path("enforcement/", include("yingji.enforcement.urls")),
    path("warnings/", include("yingji.warnings.urls")),
    path("emergency/", include("yingji.emergency.urls")),
    path("duty/", include("yingji.duty.urls")),
    path("preparedness/", include("yingji.preparedness.urls")),
    path("supplies/", include("yingji.supplies.urls")),
    path("training/", include("yingji.training.urls")),
    path("complaints/", include("yingji.complaints.urls")),
    path("campaigns/", include("yingji.campaigns.urls")),
    path("tasks/", include("yingji.tasks.urls")),
    path("meetings/", include("yingji.meetings.urls")),
    path("assessments/", include("yingji.assessments.urls")),
    path("notices/", include("yingji.notices.urls")),
    path("notifications/", include("yingji.notifications.urls")),
    path("jobs/", include("yingji.jobs.urls")),
    path("reports/", include("yingji.reports.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    path("api/v1/", api.urls),
]

# Under /api/ every error answers JSON, as the API's own do; the pages keep Django's error pages.
handler400 = "yingji.core.api_errors.bad_request"
handler403 = "yingji.core.api_errors.permission_denied"
handler404 = "yingji.core.api_errors.page_not_found"
handler500 = "yingji.core.api_errors.server_error"
