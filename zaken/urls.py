"""MijnZaken URLs."""

app_name = "zaken"
urlpatterns: list = []
