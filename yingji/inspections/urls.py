from django.urls import path

from yingji.inspections import planning_views, views, views_print

app_name = "inspections"
urlpatterns = [
    path("", views.inspection_list, name="list"),
    path("new/", views.inspection_new, name="new"),
    path("checklists/", views.checklist_list, name="checklists"),
    path("planning/", planning_views.plan_page, name="planning"),
    path("planning/draws/", planning_views.draw_list, name="draws"),
    path("planning/draws/<int:draw_id>/", planning_views.draw_detail, name="draw"),
    path("planning/draws/<int:draw_id>/export/", planning_views.draw_export, name="draw-export"),
    path("<int:inspection_id>/", views.inspection_detail, name="detail"),
    path("<int:inspection_id>/record/", views_print.inspection_record, name="record"),
    path("<int:inspection_id>/photos/", views.inspection_add_photos, name="add-photos"),
    path("<int:inspection_id>/photos/<int:photo_id>/", views.photo_file, name="photo"),
]
