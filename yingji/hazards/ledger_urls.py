from django.urls import path

from yingji.hazards import views_ledger

app_name = "ledger"
urlpatterns = [
    path("import/", views_ledger.ledger_import, name="import"),
    path("export/", views_ledger.ledger_export, name="export"),
    path("template/", views_ledger.ledger_template, name="template"),
]
