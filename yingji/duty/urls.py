from django.urls import path

from yingji.duty import views

app_name = "duty"
urlpatterns = [
    path("", views.desk, name="desk"),
    path("do/<str:action>/", views.desk_act, name="act"),
    path("roster/", views.roster, name="roster"),
]
