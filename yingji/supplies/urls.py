from django.urls import path

from yingji.supplies import views

app_name = "supplies"
urlpatterns = [
    path("", views.warehouse_list, name="list"),
    path("new/", views.warehouse_create, name="create"),
    path("stock-table/", views.stock_table, name="stock_table"),
    path("import/", views.stock_upload, name="import"),
    path("<int:pk>/", views.warehouse_detail, name="detail"),
    path("<int:pk>/movements/", views.movement_create, name="move"),
    path("<int:pk>/minimums/", views.minimum_set, name="minimum"),
]
