from django.urls import path

from yingji.enforcement import views

app_name = "enforcement"
urlpatterns = [
    path("", views.case_list, name="list"),
    path("table/", views.case_table, name="table"),
    path("new/", views.case_create, name="create"),
    path("<int:pk>/", views.case_detail, name="detail"),
    path("<int:pk>/actions/<str:action>/", views.case_act, name="act"),
    path("<int:pk>/penalties/", views.penalty_add, name="penalty_add"),
    path("<int:pk>/penalties/<int:penalty_id>/remove/", views.penalty_remove, name="penalty_remove"),
    path("<int:pk>/evidence/", views.evidence_add, name="evidence_add"),
    path("<int:pk>/evidence/<int:evidence_id>/", views.evidence_file, name="evidence_file"),
    path("<int:pk>/documents/", views.document_generate, name="document_generate"),
    path("<int:pk>/documents/<int:document_id>/", views.document_download, name="document_download"),
]
