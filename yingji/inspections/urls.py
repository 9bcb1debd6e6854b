from django.urls import path

from yingji.inspections import views, views_print

app_name = "inspections"
urlpatterns = [
    path("", views.inspection_list, name="list"),
    path("new/", views.inspection_new, name="new"),
    path("checklists/", views.checklist_list, name="checklists"),
    path("<int:inspection_id>/", views.inspection_detail, name="detail"),
    path("<int:inspection_id>/record/", views_print.inspection_record, name="record"),
    path("<int:inspection_id>/photos/", views.inspection_add_photos, name="add-photos"),
    path("<int:inspection_id>/photos/<int:photo_id>/", views.photo_file, name="photo"),
]
