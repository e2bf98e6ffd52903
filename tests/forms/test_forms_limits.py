"""The rate limiter: a token bucket per client, in bounded memory at constant cost."""

from __future__ import annotations

from forms_backend.limits import RateLimiter


def test_the_limiter_holds_at_most_max_clients_buckets():
    """Defect (issue 10, item 15): above the bound the buckets grew without limit, each
    request scanning all of them under a lock."""
    limiter = RateLimiter(per_minute=10, burst=20, max_clients=100)
    for index in range(1_000):
        assert limiter.allow(f"10.0.{index // 256}.{index % 256}") == 0.0
    assert len(limiter) == 100


def test_a_recently_active_client_keeps_its_empty_bucket_while_others_come_and_go():
    limiter = RateLimiter(per_minute=1, burst=2, max_clients=100)
    assert [limiter.allow("192.0.2.1") for _ in range(2)] == [0.0, 0.0]
    for index in range(99):  # the bucket stays among the 100 most recently seen
        limiter.allow(f"198.51.100.{index}")
        assert limiter.allow("192.0.2.1") > 0
    assert limiter.allow("192.0.2.2") == 0.0


def test_the_wait_is_the_time_until_the_next_token():
    limiter = RateLimiter(per_minute=6, burst=1)
    assert limiter.allow("192.0.2.1") == 0.0
    assert 9.0 < limiter.allow("192.0.2.1") <= 10.0
