from django.urls import path

from yingji.hazards import views, views_print

app_name = "hazards"
urlpatterns = [
    path("", views.hazard_list, name="list"),
    path("<int:hazard_id>/", views.hazard_detail, name="detail"),
    path("<int:hazard_id>/plan/", views.hazard_plan, name="plan"),
    path("<int:hazard_id>/notice/", views_print.rectification_notice, name="notice"),
    path("<int:hazard_id>/actions/<str:action>/", views.hazard_action, name="action"),
    path("<int:hazard_id>/evidence/<int:evidence_id>/", views.evidence_file, name="evidence"),
    path(
        "<int:hazard_id>/evidence/<int:evidence_id>/thumbnail/",
        views.evidence_file,
        {"thumbnail": True},
        name="evidence-thumbnail",
    ),
]
