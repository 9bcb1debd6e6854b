from django.urls import path

from yingji.assessments import views

app_name = "assessments"
urlpatterns = [
    path("", views.scheme_list, name="list"),
    path("<int:pk>/", views.scheme_detail, name="detail"),
    path("<int:pk>/scores/<int:score_id>/file", views.score_file, name="score_file"),
]
