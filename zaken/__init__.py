"""MijnZaken: the resident's cases, status timeline, result and documents."""
