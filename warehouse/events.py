"""'Page published' events: a lossless path from a publisher to the event-crawl DAG.

Pub/sub alone loses messages (nobody listening, or the AssetWatcher's trigger restarting between two
messages), so each event is first appended to a Redis Stream (XADD) and only then announced with a
wake-up message on the pub/sub channel the AssetWatcher listens to. The event-crawl DAG drains the
stream with a consumer group: it reads pending entries again (a run that died after reading but
before acknowledging), then new ones, and acknowledges (XACK) only what it has crawled.

Configured by LIANGQU_REDIS_URL (no URL, no event path), LIANGQU_EVENTS_CHANNEL, LIANGQU_EVENTS_STREAM.
`redis` is imported lazily: this module is imported by DAG files.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone

DEFAULT_CHANNEL = "liangqu.page_published"
DEFAULT_STREAM = "liangqu:page_events"
CONSUMER_GROUP = "liangqu-event-crawl"
CONSUMER = "airflow"


@dataclass(frozen=True)
class EventsConfig:
    redis_url: str
    channel: str = DEFAULT_CHANNEL
    stream: str = DEFAULT_STREAM
    group: str = CONSUMER_GROUP

    @property
    def dead_letter_stream(self) -> str:
        return f"{self.stream}:dead"


def events_config(environ=os.environ) -> EventsConfig | None:
    """The event path's settings, or None when Redis is not configured (then there is no event path)."""
    url = (environ.get("LIANGQU_REDIS_URL") or "").strip()
    if not url:
        return None
    return EventsConfig(
        redis_url=url,
        channel=environ.get("LIANGQU_EVENTS_CHANNEL") or DEFAULT_CHANNEL,
        stream=environ.get("LIANGQU_EVENTS_STREAM") or DEFAULT_STREAM,
    )


def _require_config(config: EventsConfig | None) -> EventsConfig:
    config = config or events_config()
    if config is None:
        raise RuntimeError("the event path needs Redis: set LIANGQU_REDIS_URL (e.g. redis://127.0.0.1:6379/0)")
    return config


def _client(config: EventsConfig):
    import redis

    return redis.Redis.from_url(config.redis_url, decode_responses=True, socket_timeout=10)


def publish_page_event(source_id: str, url: str | None = None, config: EventsConfig | None = None) -> str:
    """Record a 'page published' event durably, then wake the watcher. Returns the stream entry id."""
    source_id = (source_id or "").strip()
    if not source_id:
        raise ValueError("a page event needs the id of the source that published the page")
    config = _require_config(config)
    client = _client(config)
    fields = {"source_id": source_id, "url": url or "",
              "published_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    entry_id = client.xadd(config.stream, fields)
    client.publish(config.channel, json.dumps({**fields, "stream_id": entry_id}, ensure_ascii=False))
    return entry_id


@dataclass(frozen=True)
class PageEvent:
    entry_id: str
    source_id: str
    url: str = ""
    published_at: str = ""

    def as_dict(self) -> dict:
        return {"entry_id": self.entry_id, "source_id": self.source_id, "url": self.url,
                "published_at": self.published_at}


@dataclass
class PageEventQueue:
    """The consumer-group side of the stream. One consumer at a time (the DAG has max_active_runs=1)."""

    config: EventsConfig
    consumer: str = CONSUMER
    _client: object = field(default=None, repr=False)

    @classmethod
    def from_env(cls) -> "PageEventQueue":
        return cls(_require_config(None))

    @property
    def client(self):
        if self._client is None:
            self._client = _client(self.config)
        return self._client

    def ensure_group(self) -> None:
        import redis

        try:
            self.client.xgroup_create(self.config.stream, self.config.group, id="0", mkstream=True)
        except redis.ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    def claim(self, batch: int = 500, block_ms: int = 2000) -> list[PageEvent]:
        """Every event not yet acknowledged: re-claimed pending ones first, then new ones.

        Keeps reading until a read (waiting up to block_ms) returns nothing, so the tail of a burst whose
        wake-up arrived while the watcher was restarting is taken along too.
        """
        self.ensure_group()
        events: dict[str, PageEvent] = {}
        # Entries another consumer read but never acknowledged (its run died): take them over.
        start = "0-0"
        while True:
            start, entries, *_ = self.client.xautoclaim(
                self.config.stream, self.config.group, self.consumer, min_idle_time=0, start_id=start, count=batch
            )
            self._collect(entries, events)
            if start in ("0-0", 0, b"0-0"):
                break
        # Our own pending entries (this consumer read them in an earlier run that failed).
        for _stream, entries in self.client.xreadgroup(self.config.group, self.consumer,
                                                       {self.config.stream: "0"}, count=100_000) or []:
            self._collect(entries, events)
        while True:
            reply = self.client.xreadgroup(self.config.group, self.consumer, {self.config.stream: ">"},
                                           count=batch, block=block_ms)
            got = 0
            for _stream, entries in reply or []:
                got += self._collect(entries, events)
            if not got:
                break
        return sorted(events.values(), key=lambda e: tuple(int(p) for p in e.entry_id.split("-")))

    @staticmethod
    def _collect(entries, into: dict) -> int:
        n = 0
        for entry_id, fields in entries or []:
            if fields is None:  # deleted from the stream while pending
                continue
            into[entry_id] = PageEvent(entry_id, fields.get("source_id", ""), fields.get("url", ""),
                                       fields.get("published_at", ""))
            n += 1
        return n

    def ack(self, entry_ids: list[str]) -> int:
        if not entry_ids:
            return 0
        return int(self.client.xack(self.config.stream, self.config.group, *entry_ids))

    def dead_letter(self, events: list[PageEvent], reason: str) -> int:
        """Keep events that cannot be crawled (unknown source) in a side stream, then acknowledge them."""
        for event in events:
            self.client.xadd(self.config.dead_letter_stream, {**event.as_dict(), "reason": reason})
        return self.ack([e.entry_id for e in events])

    def pending_count(self) -> int:
        self.ensure_group()
        return int(self.client.xpending(self.config.stream, self.config.group)["pending"])
