"""django-setup-configuration step for the MijnZaken configuration (issue 4)."""
