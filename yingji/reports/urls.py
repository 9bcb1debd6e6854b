from django.urls import path

from yingji.reports import views

app_name = "reports"
urlpatterns = [
    path("work-summary/", views.work_summary, name="work-summary"),
    path("wording/", views.wording, name="wording"),
]
