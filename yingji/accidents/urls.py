from django.urls import path

from yingji.accidents import views

app_name = "accidents"
urlpatterns = [
    path("", views.accident_list, name="list"),
    path("export/", views.accident_export, name="export"),
    path("new/", views.accident_create, name="create"),
    path("grade/", views.grade_preview, name="grade_preview"),
    path("<int:pk>/", views.accident_detail, name="detail"),
    path("<int:pk>/edit/", views.accident_edit, name="edit"),
    path("<int:pk>/notice/", views.accident_notice, name="notice"),
    path("<int:pk>/updates/", views.update_create, name="update_create"),
    path("<int:pk>/actions/<str:action>/", views.accident_act, name="act"),
    path("<int:pk>/reports/<str:level>/", views.report_made, name="report_made"),
    path("<int:pk>/measures/", views.measure_create, name="measure_create"),
    path("<int:pk>/measures/<int:measure_id>/complete/", views.measure_complete, name="measure_complete"),
    path("<int:pk>/report/", views.report_upload, name="report_upload"),
    path("<int:pk>/report/download/", views.report_download, name="report_download"),
]
