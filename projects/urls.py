from .views import ProjectViews

app_name = "projects"

urlpatterns = ProjectViews().urlpatterns()
