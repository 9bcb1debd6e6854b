from django.urls import path

from yingji.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.notification_list, name="list"),
    path("read/", views.mark_all_read, name="read"),
    path("preferences/", views.save_preferences, name="preferences"),
    path("<int:pk>/open/", views.open_notification, name="open"),
]
