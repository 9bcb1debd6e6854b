from django.urls import path

from yingji.inspections import views

app_name = "inspections"
urlpatterns = [
    path("", views.inspection_list, name="list"),
]
