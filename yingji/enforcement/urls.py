app_name = "enforcement"
urlpatterns: list = []
