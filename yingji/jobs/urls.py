from django.urls import path

from yingji.jobs import views

app_name = "jobs"
urlpatterns = [
    path("<int:pk>/progress/", views.job_progress_partial, name="progress"),
    path("<int:pk>/file/", views.job_file, name="file"),
]
