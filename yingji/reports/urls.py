from django.urls import path

from yingji.reports import draft_views, views, wording_preview

app_name = "reports"
urlpatterns = [
    path("work-summary/", views.work_summary, name="work-summary"),
    path("wording/", views.wording, name="wording"),
    path("wording/preview/", wording_preview.wording_preview, name="wording-preview"),
    path("drafts/", draft_views.draft_list, name="drafts"),
    path("drafts/<int:pk>/", draft_views.draft_detail, name="draft"),
    path("drafts/<int:pk>/edit/", draft_views.draft_edit, name="draft-edit"),
    path("drafts/<int:pk>/finalise/", draft_views.draft_finalise, name="draft-finalise"),
    path("drafts/<int:pk>/pdf/", draft_views.draft_pdf, name="draft-pdf"),
    path("drafts/<int:pk>/download.<str:extension>", draft_views.draft_download, name="draft-download"),
]
