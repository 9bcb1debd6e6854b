from django.urls import path

from yingji.hazards import views

app_name = "hazards"
urlpatterns = [
    path("", views.hazard_list, name="list"),
]
