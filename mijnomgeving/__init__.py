"""MijnOmgeving: the resident portal for the VNG MijnServices."""
