from django.urls import path

from yingji.tasks import views

app_name = "tasks"
urlpatterns = [
    path("", views.task_list, name="list"),
    path("<int:pk>/", views.task_detail, name="detail"),
    path("<int:pk>/updates/<int:update_id>/file", views.update_file, name="update_file"),
    path("duty-items/", views.duty_items, name="duty_items"),
    path("export/<str:kind>.xlsx", views.export, name="export"),
]
