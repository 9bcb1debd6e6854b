from django.urls import path

from yingji.training import views

app_name = "training"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("new/", views.event_create, name="create"),
    path("exams/", views.exam_list, name="exams"),
    path("exams/new/", views.exam_create, name="exam_create"),
    path("communities/", views.community_list, name="communities"),
    path("communities/new/", views.community_create, name="community_create"),
    path("communities/<int:pk>/name/", views.community_name, name="community_name"),
]
