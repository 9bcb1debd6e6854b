from django.urls import path

from yingji.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("read/", views.mark_all_read, name="read"),
    path("<int:pk>/open/", views.open_notification, name="open"),
]
