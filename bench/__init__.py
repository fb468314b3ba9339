"""`make bench`: MijnZaken's speed against the demo back office, beside a sequential baseline.

Run ``python -m bench --help``. Not part of the test suite; tests/test_bench_*.py test its pure
functions (statistics, table, memory sampler).
"""
