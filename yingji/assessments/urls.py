from django.urls import path

from yingji.assessments import views

app_name = "assessments"
urlpatterns = [
    path("", views.scheme_list, name="list"),
    path("<int:pk>/", views.scheme_detail, name="detail"),
]
