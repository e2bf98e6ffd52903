"""Several app instances and workers on one outbox: each submission stored and sent once."""

from __future__ import annotations

import threading
import time
from collections import Counter

import pytest
from formkit import STORES, VALID

from forms_backend import store
from forms_backend.worker import Worker

pytestmark = pytest.mark.stores(*STORES)


def test_two_app_instances_with_their_workers_send_each_submission_once(make_client, smtp):
    """Both delivery loops lease from the same outbox at the same time."""
    # A lease as long as in production: a worker stalled past it may re-send, by design.
    settings = {"smtp_host": "127.0.0.1", "smtp_port": smtp.port, "lease_seconds": 60.0}
    instances = [make_client(**settings), make_client(**settings)]
    references = [
        instances[number % 2].post("/api/feedback", json=VALID["feedback"]).json()["reference"]
        for number in range(60)
    ]
    smtp.wait_for(60)
    time.sleep(0.5)  # a delivery sent twice would arrive now
    sent = Counter(smtp.message_ids())
    assert set(sent) == {f"<{reference}@cus.example>" for reference in references}
    assert max(sent.values()) == 1


def test_a_worker_gives_back_what_it_cannot_send_before_its_lease_ends(make_client, smtp):
    """Defect: a worker went on sending its batch after the lease ran out, while another
    worker leased the same deliveries and sent them again (a slow mail server, 12 messages)."""
    smtp.delay = 0.3
    settings = {"smtp_host": "127.0.0.1", "smtp_port": smtp.port, "lease_seconds": 2.0}
    client = make_client(**settings, background_worker=False)
    references = [
        client.post("/api/feedback", json=VALID["feedback"]).json()["reference"] for _ in range(12)
    ]
    backend = client.app.state.backend
    workers = [Worker(backend.config, backend.sealer) for _ in range(2)]
    deadline = time.monotonic() + 60

    def deliver(worker: Worker) -> None:
        while store.counts(worker.conn)["pending"] and time.monotonic() < deadline:
            worker.run_once()
            time.sleep(0.05)

    threads = [threading.Thread(target=deliver, args=(worker,)) for worker in workers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=90)
    sent = Counter(smtp.message_ids())
    assert set(sent) == {f"<{reference}@cus.example>" for reference in references}
    assert max(sent.values()) == 1


def test_an_idempotency_key_being_stored_by_another_instance_is_replayed_not_refused(
    make_config,
):
    """The other instance's transaction holds the key uncommitted when this one stores it:
    this one waits, then returns the other's reference (no error, no second submission)."""
    config = make_config()
    other, this = store.connect(config), store.connect(config)
    item = store.NewSubmission("feedback", "O", "key-1", b"sealed", fingerprint="answers")
    results: list[store.Result] = []
    with other.transaction():
        other.execute(
            "INSERT INTO submissions (reference, form, created_at, idem, payload, fingerprint)"
            " VALUES ('O-0000-0001', 'feedback', 0, 'key-1', ?, 'answers')",
            (b"sealed",),
        )
        storing = threading.Thread(
            target=lambda: results.extend(store.insert_many(this, [item], ("smtp",)))
        )
        storing.start()
        time.sleep(0.3)  # this instance now waits for the other's transaction
        assert results == []
    storing.join(timeout=30)
    assert results == [store.Result(store.Outcome.REPLAYED, "O-0000-0001")]
    assert this.execute("SELECT COUNT(*) FROM submissions").fetchone()[0] == 1
