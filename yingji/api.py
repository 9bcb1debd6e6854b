"""The REST API under /api/v1/: each app's router, one auth scheme, one error format."""

from yingji.accidents.api import router as accidents_router
from yingji.accounts.api import router as accounts_router
from yingji.accounts.auth import BearerAuth
from yingji.assessments.api import router as assessments_router
from yingji.audit.api import router as audit_router
from yingji.campaigns.api import router as campaigns_router
from yingji.complaints.api import router as complaints_router
from yingji.core.api import TextParser, Utf8JSONRenderer, YingjiAPI, install_error_handlers
from yingji.duty.api import router as duty_router
from yingji.emergency.api import router as emergency_router
from yingji.enforcement.api import router as enforcement_router
from yingji.enterprises.api import router as enterprises_router
from yingji.hazards.api import router as hazards_router
from yingji.hazards.ledger_api import router as ledger_router
from yingji.inspections.api import router as inspections_router
from yingji.inspections.planning_api import router as planning_router
from yingji.jobs.api import router as jobs_router
from yingji.meetings.api import router as meetings_router
from yingji.notices.api import router as notices_router
from yingji.notifications.api import router as notifications_router
from yingji.preparedness.api import router as preparedness_router
from yingji.regions.api import router as regions_router
from yingji.reports.api import router as reports_router
from yingji.stats.api import router as stats_router
from yingji.supplies.api import router as supplies_router
from yingji.tasks.api import router as tasks_router
from yingji.training.api import router as training_router
from yingji.warnings.api import router as warnings_router
from yingji.web.api import router as geo_router

api = YingjiAPI(
    title="Yingji API",
    version="1",
    description="应急 — emergency-management bureau records. Send `Authorization: Bearer <token>`; "
    "get a token from `POST /api/v1/auth/token`.",
    auth=BearerAuth(),
    urls_namespace="api",
    openapi_url="/schema",
    docs_url="/docs",
    renderer=Utf8JSONRenderer(),
    parser=TextParser(),
)
install_error_handlers(api)

api.add_router("", accounts_router)
api.add_router("/regions", regions_router)
api.add_router("/enterprises", enterprises_router)
api.add_router("/inspections", inspections_router)
api.add_router("", planning_router)  # /enforcement-plans, /random-draws
api.add_router("/hazards", ledger_router)  # /import and /export, before /{id}
api.add_router("/hazards", hazards_router)
api.add_router("/accidents", accidents_router)
api.add_router("/stats", stats_router)
api.add_router("/geo", geo_router)
api.add_router("/reports", reports_router)
api.add_router("/audit", audit_router)
api.add_router("", notifications_router)  # /notifications and /todo
api.add_router("/jobs", jobs_router)
api.add_router("", enforcement_router)
api.add_router("", warnings_router)
api.add_router("", campaigns_router)
api.add_router("", tasks_router)
api.add_router("", meetings_router)
api.add_router("", assessments_router)
api.add_router("", notices_router)
api.add_router("", emergency_router)
api.add_router("", duty_router)
api.add_router("", preparedness_router)
api.add_router("", supplies_router)
api.add_router("", training_router)
api.add_router("", complaints_router)
