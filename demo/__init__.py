"""Stand-in back offices for `make demo`, end-to-end tests and benchmarks; never installed by the portal."""
