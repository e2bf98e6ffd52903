"""Delivery from the outbox: leases, retries with backoff, dead letters and alerts."""

from __future__ import annotations

import asyncio
import random
import time

from forms_backend import retention, store
from forms_backend.config import Config
from forms_backend.crypto import Sealer
from forms_backend.logs import get_logger
from forms_backend.messages import build_email, webhook_body
from forms_backend.transports import DeliveryError, Transport, describe, open_transport

log = get_logger("forms_backend.worker")
BATCH = 100
FLUSH_EVERY = 20
PURGE_EVERY_SECONDS = 3600.0


class Worker:
    """Sends what is due on every channel; one instance per thread of delivery."""

    def __init__(self, config: Config, sealer: Sealer) -> None:
        self.config = config
        self.sealer = sealer
        self.conn = store.connect(config)
        self._paused_until: dict[str, float] = {}
        self._outages: dict[str, int] = {}
        self._last_purge = 0.0

    def backoff(self, attempts: int) -> float:
        """Exponential delay with jitter, capped: attempt 1 waits about the base delay."""
        delay = self.config.retry_base_seconds * 2 ** max(attempts - 1, 0)
        return min(delay, self.config.retry_max_seconds) * random.uniform(0.8, 1.2)

    def run_once(self) -> int:
        """Try every channel that is not paused; return how many deliveries were attempted."""
        attempted = 0
        for channel in self.config.channels:
            if self._paused_until.get(channel, 0.0) <= time.time():
                attempted += self._drain(channel)
        if time.time() - self._last_purge > PURGE_EVERY_SECONDS:
            self.purge()
        return attempted

    def purge(self) -> retention.PurgeReport:
        """Delete every copy whose retention period is over (rows, dead letters, mail files)."""
        self._last_purge = time.time()
        return retention.purge(self.conn, self.config)

    def seconds_until_due(self) -> float:
        """How long the worker may sleep before something becomes due."""
        waits = []
        for channel in self.config.channels:
            due = store.next_due(self.conn, channel)
            if due is not None:
                waits.append(max(due, self._paused_until.get(channel, 0.0)) - time.time())
        return max(min(waits, default=self.config.worker_poll_seconds), 0.0)

    def _drain(self, channel: str) -> int:
        """Claim a batch (a single probe while the channel is down) and deliver it."""
        limit = 1 if self._outages.get(channel) else BATCH
        # No send starts in the second half of the lease: past its end another worker may
        # lease the same delivery and send it again.
        send_until = time.monotonic() + self.config.lease_seconds / 2
        claimed = store.claim(self.conn, channel, limit, self.config.lease_seconds)
        if not claimed:
            return 0
        try:
            transport = open_transport(channel, self.config)
        except DeliveryError as error:
            self._down(channel, claimed, 0, str(error))
            return len(claimed)
        delivered: list[int] = []
        try:
            with transport:
                for index, item in enumerate(claimed):
                    if index and time.monotonic() > send_until:  # the rest goes back to any worker
                        store.release(self.conn, claimed[index:])
                        break
                    try:
                        self._send(transport, item)
                    except DeliveryError as error:
                        if error.connection:
                            self._down(channel, claimed, index, str(error))
                            return len(claimed)
                        self._fail(channel, item, str(error))
                        continue
                    delivered.append(item.delivery_id)
                    if len(delivered) >= FLUSH_EVERY:
                        store.mark_delivered(self.conn, delivered)
                        delivered = []
            self._outages.pop(channel, None)
        finally:
            store.mark_delivered(self.conn, delivered)
        return len(claimed)

    def _send(self, transport: Transport, item: store.Claimed) -> None:
        """Build the message of one delivery and hand it over; any fault is this message's."""
        try:
            payload = self.sealer.open(item.payload)
            message = build_email(self.config, item.form, item.reference, item.created_at, payload)
            body = webhook_body(item.form, item.reference, item.created_at, payload)
        except Exception as error:  # a broken record must not stop the others
            raise DeliveryError(describe(error)) from error
        transport.send(message, item.reference, body)

    def _down(self, channel: str, claimed: list[store.Claimed], index: int, reason: str) -> None:
        """The channel is unreachable: count one attempt, give back the rest, pause the channel."""
        self._fail(channel, claimed[index], reason)
        store.release(self.conn, claimed[index + 1 :])
        failures = self._outages.get(channel, 0) + 1
        self._outages[channel] = failures
        self._paused_until[channel] = time.time() + self.backoff(failures)
        log.warning("channel %s unreachable (%s); paused", channel, reason)

    def _fail(self, channel: str, item: store.Claimed, reason: str) -> None:
        """Retry later, or after the last attempt move to the dead letters and alert."""
        dead = item.attempts >= self.config.max_attempts
        store.mark_failed(
            self.conn, item.delivery_id, reason, time.time() + self.backoff(item.attempts), dead
        )
        if not dead:
            log.info(
                "delivery of %s by %s failed (%s); will retry", item.reference, channel, reason
            )
            return
        log.error(
            "delivery of %s by %s failed %d times (%s): dead letter",
            item.reference,
            channel,
            item.attempts,
            reason,
        )
        if item.form != "alert":
            self._alert(channel, item, reason)

    def _alert(self, channel: str, item: store.Claimed, reason: str) -> None:
        """Queue an alert for the centre; it names the reference only."""
        details = {
            "reference": item.reference,
            "channel": channel,
            "attempts": item.attempts,
            "error": reason,
        }
        alert = store.NewSubmission("alert", "A", None, self.sealer.seal(details))
        store.insert_many(self.conn, [alert], self.config.channels)


async def run_forever(worker: Worker, wake: asyncio.Event, stop: asyncio.Event) -> None:
    """The in-process delivery loop: work while something is due, then sleep until woken."""
    while not stop.is_set():
        try:
            attempted = await asyncio.to_thread(worker.run_once)
            pause = 0.0 if attempted else await asyncio.to_thread(worker.seconds_until_due)
        except Exception:  # the loop must survive a bad round
            log.exception("delivery round failed")
            pause = worker.config.worker_poll_seconds
        if pause > 0:
            wake.clear()
            waiters = {asyncio.ensure_future(wake.wait()), asyncio.ensure_future(stop.wait())}
            timeout = min(pause, worker.config.worker_poll_seconds)
            _done, pending = await asyncio.wait(
                waiters, timeout=timeout, return_when=asyncio.FIRST_COMPLETED
            )
            for task in pending:
                task.cancel()
